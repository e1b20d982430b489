import type { LiveUpdate, Principal } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { userPrincipal } from '../auth';
import { viewFor } from './topic-audience';

const principal = (role: 'executive' | 'master_admin' | 'business_admin'): Principal =>
  userPrincipal({ id: role, email: `${role}@test.local`, displayName: role, roles: [role], dataScopes: ALL_DATA });
const base = { seq: 1, at: '2026-01-01T00:00:00.000Z', publishedAt: '2026-01-01T00:00:00.000Z' };

describe('viewFor: one update as one recipient may see it', () => {
  it('keeps only the data points of the recipient’s modules, and nothing when none is left', () => {
    const update: LiveUpdate = {
      ...base,
      topic: 'datapoints',
      type: 'ops.data_points',
      freshness: null,
      data: {
        points: [
          { metric: 'cpu_usage', moduleAccess: ['system'] },
          { metric: 'revenue', moduleAccess: ['business'] },
        ],
      },
    };
    const business = viewFor(principal('business_admin'), update);
    expect((business?.data as { points: Array<{ metric: string }> }).points.map((p) => p.metric)).toEqual(['revenue']);
    expect(viewFor(principal('master_admin'), update)).toBe(update);
    const systemOnly = { ...update, data: { points: [{ metric: 'cpu_usage', moduleAccess: ['system'] }] } };
    expect(viewFor(principal('business_admin'), systemOnly)).toBeNull();
  });

  it('gives user:<id> only alerts the recipient may read', () => {
    const update: LiveUpdate = {
      ...base,
      topic: 'user:executive',
      type: 'alert.changed',
      freshness: null,
      data: { alert: { module: 'system', tenant: null, state: 'firing' }, previous: 'pending' },
    };
    expect(viewFor(principal('master_admin'), { ...update, topic: 'user:master_admin' })).not.toBeNull();
    expect(viewFor(principal('business_admin'), { ...update, topic: 'user:business_admin' })).toBeNull();
  });
});
