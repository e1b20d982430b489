import type { AlertView } from '@switchyard/contracts';
import { buildSnapshot, overallStatus, visibleSnapshot, type LatestValue } from './build-snapshot';

const at = new Date('2026-11-26T10:00:00Z');
const point = (metric: string, value: number, category = 'system_health'): [string, LatestValue] => [
  metric,
  { metric, category, value, recordedAt: at },
];
const alert = (overrides: Partial<AlertView>): AlertView => ({
  id: 'a',
  kind: 'threshold',
  ruleId: 'cpu_usage',
  metric: 'cpu_usage',
  sourceId: null,
  tenant: null,
  labels: {},
  series: null,
  module: 'system',
  state: 'firing',
  severity: 'warning',
  value: 75,
  threshold: 70,
  message: 'CPU usage is 75',
  stateSince: at.toISOString(),
  startedAt: at.toISOString(),
  firedAt: at.toISOString(),
  resolvedAt: null,
  lastEvaluatedAt: at.toISOString(),
  acknowledgement: null,
  silencedBy: null,
  ...overrides,
});

const snapshot = buildSnapshot({
  builtAt: at,
  latest: new Map([point('cpu_usage', 75), point('revenue_today', 12_000, 'business'), point('mrr', 1, 'business')]),
  revenueHourAgo: 10_000,
  alerts: [alert({}), alert({ id: 'b', module: 'business', metric: 'mrr', severity: 'critical' })],
  performance: { dataSourcesActive: 1, aggregationLatencyMs: 3, totalDataPoints: 3, memoryUsageMb: 50 },
});

describe('operations snapshot', () => {
  it('takes values from the latest point per metric, null when none, and a revenue trend', () => {
    expect(snapshot.systemHealth).toMatchObject({ cpuUsage: 75, memoryUsage: null, overallStatus: 'warning' });
    expect(snapshot.businessMetrics).toMatchObject({ revenueToday: 12_000, revenueTrend: 20 });
    expect(snapshot.executiveSummary).toMatchObject({ overallStatus: 'critical', activeAlerts: 2, criticalAlerts: 1 });
    expect(snapshot.dataAsOf).toBe(at.toISOString());
  });

  it('dates each module by its own newest point, and hides the clocks of modules a role may not see', () => {
    const older = new Date('2026-11-26T09:50:00Z');
    const mixed = buildSnapshot({
      builtAt: at,
      latest: new Map([
        point('cpu_usage', 75),
        ['mrr', { metric: 'mrr', category: 'business', value: 1, recordedAt: older }],
      ]),
      revenueHourAgo: null,
      alerts: [],
      performance: { dataSourcesActive: 1, aggregationLatencyMs: 3, totalDataPoints: 2, memoryUsageMb: 50 },
    });
    expect(mixed.dataAsOf).toBe(at.toISOString());
    expect(mixed.moduleClocks?.systemHealth?.dataAsOf).toBe(at.toISOString());
    expect(mixed.moduleClocks?.businessMetrics?.dataAsOf).toBe(older.toISOString());
    expect(mixed.moduleClocks?.customerIntelligence?.dataAsOf).toBeNull();
    expect(Object.keys(visibleSnapshot(mixed, ['business']).moduleClocks ?? {})).toEqual(['businessMetrics']);
  });

  it('shows each role only its modules and their alerts', () => {
    const business = visibleSnapshot(snapshot, ['business', 'customer']);
    expect(Object.keys(business).sort()).toEqual(
      ['alerts', 'builtAt', 'businessMetrics', 'customerIntelligence', 'dataAsOf', 'moduleClocks', 'modules'].sort(),
    );
    expect(business.alerts.map((a) => a.id)).toEqual(['b']);
    const executive = visibleSnapshot(snapshot, ['executive']);
    expect(executive.executiveSummary).toBeDefined();
    expect(executive.systemHealth).toBeUndefined();
    expect(executive.alerts).toEqual([]);
  });

  it('is healthy without active alerts; pending ones do not count', () => {
    expect(overallStatus([alert({ state: 'pending' })])).toBe('healthy');
    expect(overallStatus([alert({ state: 'no_data', severity: null })])).toBe('warning');
  });
});
