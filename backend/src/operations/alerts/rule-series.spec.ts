import type { SeriesLatest } from '../data/ops-data.repository';
import { alertLabels, fingerprintOf, instancesOf, seriesMatches } from './rule-series';

const now = new Date('2026-11-26T10:00:00Z');
const point = (source: string, value: number, labels: Record<string, string> = {}, ageSeconds = 0): SeriesLatest => ({
  metric: 'cpu_usage',
  source,
  labels,
  category: 'system_health',
  value,
  recordedAt: new Date(now.getTime() - ageSeconds * 1000),
});
const rule = (
  overrides: { matchers?: Record<string, string>; groupBy?: string[] | null; direction?: string } = {},
) => ({
  id: 'cpu',
  direction: 'above',
  matchers: {},
  groupBy: null,
  noDataAfterSeconds: 60,
  ...overrides,
});
const noTenant = () => null;

describe('rule series', () => {
  it('makes one instance per series (source and labels), each with its own newest value', () => {
    const instances = instancesOf(
      rule(),
      [point('a', 97), point('b', 40), point('a', 5, { core: '1' })],
      noTenant,
      now,
    );
    expect(instances.map((i) => [i.fingerprint, i.value])).toEqual([
      ['rule:cpu{source=a}', 97],
      ['rule:cpu{source=b}', 40],
      ['rule:cpu{core=1,source=a}', 5],
    ]);
  });

  it('filters by matchers, the source among them', () => {
    expect(seriesMatches({ matchers: { source: 'a', env: 'prod' } }, { source: 'a', labels: { env: 'prod' } })).toBe(
      true,
    );
    expect(seriesMatches({ matchers: { source: 'a' } }, { source: 'b', labels: {} })).toBe(false);
    expect(seriesMatches({ matchers: { env: 'prod' } }, { source: 'a', labels: {} })).toBe(false);
  });

  it('groups by labels on the worst newest value, never mixing tenants, and names no source', () => {
    const tenants: Record<string, string> = { a: 'acme', b: 'acme', c: 'zen' };
    const instances = instancesOf(
      rule({ groupBy: ['env'], direction: 'below' }),
      [point('a', 50, { env: 'prod' }), point('b', 20, { env: 'prod' }), point('c', 10, { env: 'prod' })],
      (s) => tenants[s],
      now,
    );
    expect(instances.map((i) => [i.fingerprint, i.series, i.tenant, i.value])).toEqual([
      ['rule:cpu{env=prod}@acme', { source: null, labels: { env: 'prod' } }, 'acme', 20],
      ['rule:cpu{env=prod}@zen', { source: null, labels: { env: 'prod' } }, 'zen', 10],
    ]);
  });

  it('reads a series quiet past the no-data window as no value', () => {
    const [quiet, grouped] = [
      instancesOf(rule(), [point('a', 97, {}, 61)], noTenant, now)[0],
      instancesOf(rule({ groupBy: [] }), [point('a', 97, {}, 61), point('b', 80)], noTenant, now)[0],
    ];
    expect(quiet.value).toBeNull();
    expect(grouped.value).toBe(80);
  });

  it('labels an alert with the series, its source, then the rule', () => {
    expect(alertLabels({ team: 'ops' }, { source: 'a', labels: { env: 'prod' } })).toEqual({
      env: 'prod',
      source: 'a',
      team: 'ops',
    });
    expect(fingerprintOf('cpu', null)).toBe('rule:cpu{}');
  });
});
