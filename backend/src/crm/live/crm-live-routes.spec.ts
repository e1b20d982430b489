import type { LiveUpdate, Principal, SourceFreshness } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { userPrincipal } from '../../auth';
import { GENERIC_SYNC_ERROR } from '../crm-error-detail';
import { sourceChangeOf } from '../../realtime/topic-routes';
import { CRM_SOURCES } from '../crm-sources';
import { crmAudience, crmTopics } from './crm-live-routes';

const principal = (role: 'executive' | 'master_admin' | 'business_admin'): Principal =>
  userPrincipal({ id: role, email: `${role}@test.local`, displayName: role, roles: [role], dataScopes: ALL_DATA });
const base = { seq: 1, at: '2026-01-01T00:00:00.000Z', publishedAt: '2026-01-01T00:00:00.000Z' };
const failing: SourceFreshness = {
  id: 'crm-acme-leads',
  name: 'Leads',
  lastSuccessAt: null,
  dataAsOf: null,
  ageSeconds: null,
  lastAttemptAt: null,
  lastAttemptStatus: 'failed',
  lastError: {
    code: 'UPSTREAM_SERVER_ERROR',
    category: 'server',
    message: 'HTTP 503 from crm',
    detail: 'Service Unavailable',
    at: null,
  },
  nextAttemptAt: null,
  servingCached: true,
  state: 'fresh',
  reason: 'last sync failed: HTTP 503 from crm; serving cached data',
} as unknown as SourceFreshness;

describe('crm live routes', () => {
  it('sends a CRM change to its tenant topic with the record ids, fed by every CRM source of the tenant', () => {
    const change = sourceChangeOf(
      {
        type: 'records.changed',
        at: base.at,
        sourceId: 'crm-a',
        domain: 'crm-leads',
        tenant: 'acme',
        upsertedIds: ['l1'],
        deletedIds: [],
      },
      { domain: 'crm-leads', tenant: 'acme' },
    )!;
    const [update, ...rest] = crmTopics(change);
    expect(rest).toEqual([]);
    expect(update.topic).toBe('crm:acme');
    expect(update.data).toMatchObject({ upsertedIds: ['l1'], domain: 'crm-leads' });
    expect(update.freshness).toEqual({ kind: 'domains', domains: CRM_SOURCES.tenant, tenant: 'acme' });
    expect(crmTopics({ ...change, tenant: null })).toEqual([]);
    expect(crmTopics({ ...change, domain: 'people' })).toEqual([]);
  });

  it('gives CRM readers without sync.raw_read the update without the upstream’s words (seed 004)', () => {
    const update: LiveUpdate = {
      ...base,
      topic: 'crm:acme',
      type: 'freshness.changed',
      data: { sourceId: failing.id, reason: failing.reason },
      freshness: {
        state: 'fresh',
        asOf: null,
        servingCached: true,
        sources: [failing],
      } as unknown as LiveUpdate['freshness'],
    };
    const reader = crmAudience(principal('executive'), update);
    expect(JSON.stringify(reader)).not.toMatch(/503|Service Unavailable/);
    expect(reader?.freshness?.sources[0].lastError?.message).toBe(GENERIC_SYNC_ERROR);
    expect((reader?.data as { reason: string }).reason).toBe('last sync failed; serving cached data');
    expect(crmAudience(principal('master_admin'), update)).toBe(update);
  });
});
