import type { LiveUpdate } from '@switchyard/contracts';
import { narrowUpdate } from './stream-filters';

const base = { seq: 1, at: '2026-01-01T00:00:00.000Z', publishedAt: '2026-01-01T00:00:00.000Z', freshness: null };
const point = (source: string, category: string, metric: string) => ({ source, category, metric, value: 1 });
const points: LiveUpdate = {
  ...base,
  topic: 'datapoints',
  type: 'ops.data_points',
  data: {
    points: [
      point('health-monitor', 'system_health', 'cpu_usage'),
      point('billing', 'business', 'revenue'),
      point('n8n', 'workflow', 'workflow_success_rate'),
    ],
  },
};
const metricsOf = (u: LiveUpdate | null) =>
  (u?.data as { points: Array<{ metric: string }> }).points.map((p) => p.metric);

describe('SSE filters (seed 002: sources and categories narrow every update kind)', () => {
  it('keeps data points of the named sources, read as blueprint source names or Switchyard categories', () => {
    expect(metricsOf(narrowUpdate(points, { sources: ['system_health', 'workflows'], categories: [] }))).toEqual([
      'cpu_usage',
      'workflow_success_rate',
    ]);
    expect(metricsOf(narrowUpdate(points, { sources: ['billing'], categories: [] }))).toEqual(['revenue']);
  });

  it('keeps data points of the named categories or metrics, and skips an update left empty', () => {
    expect(metricsOf(narrowUpdate(points, { sources: [], categories: ['cpu_usage', 'revenue'] }))).toEqual([
      'cpu_usage',
      'revenue',
    ]);
    expect(narrowUpdate(points, { sources: ['security_compliance'], categories: [] })).toBeNull();
    expect(narrowUpdate(points, { sources: [], categories: [] })).toBe(points);
  });

  it('keeps a snapshot only when what received points since the last one matches', () => {
    const snapshot: LiveUpdate = {
      ...base,
      topic: 'ops',
      type: 'ops.snapshot',
      data: { sources: ['billing'], categories: ['business'], metrics: ['revenue'] },
    };
    expect(narrowUpdate(snapshot, { sources: ['business_analytics'], categories: [] })).toBe(snapshot);
    expect(narrowUpdate(snapshot, { sources: [], categories: ['revenue'] })).toBe(snapshot);
    expect(narrowUpdate(snapshot, { sources: ['system_health'], categories: [] })).toBeNull();
    expect(narrowUpdate(snapshot, { sources: [], categories: ['cpu_usage'] })).toBeNull();
  });

  it('keeps an alert when its metric, source or module matches', () => {
    const alert: LiveUpdate = {
      ...base,
      topic: 'alerts',
      type: 'alert.changed',
      data: { alert: { metric: 'cpu_usage', sourceId: null, module: 'system', labels: {} } },
    };
    expect(narrowUpdate(alert, { sources: ['system_health'], categories: [] })).toBe(alert);
    expect(narrowUpdate(alert, { sources: [], categories: ['cpu_usage'] })).toBe(alert);
    expect(narrowUpdate(alert, { sources: ['business_analytics'], categories: [] })).toBeNull();
    expect(narrowUpdate(alert, { sources: [], categories: ['revenue'] })).toBeNull();
  });

  it('filters other updates by the source they name and passes those naming none', () => {
    const sourceUpdate: LiveUpdate = {
      ...base,
      topic: 'source:hris',
      type: 'sync.started',
      data: { sourceId: 'hris' },
    };
    expect(narrowUpdate(sourceUpdate, { sources: ['hris'], categories: [] })).toBe(sourceUpdate);
    expect(narrowUpdate(sourceUpdate, { sources: ['crm'], categories: [] })).toBeNull();
    const plain: LiveUpdate = { ...base, topic: 'domain:people', type: 'records.changed', data: { upserted: 1 } };
    expect(narrowUpdate(plain, { sources: ['crm'], categories: ['cpu_usage'] })).toBe(plain);
  });
});
