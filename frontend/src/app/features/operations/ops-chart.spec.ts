import type { AlertRule, MetricForecast, MetricSeries, OpsSnapshot } from '@switchyard/contracts';
import { SERIES_RANGES } from '../../shared/time-range';
import { forecastPlan, metricChart, moduleCards } from './ops-chart';

describe('forecastPlan', () => {
  it('asks the forecast in steps the API takes, half the window ahead, at most 30 steps', () => {
    const plans = Object.fromEntries(SERIES_RANGES.map((r) => [r.value, forecastPlan(r)]));
    expect(plans['15m']).toEqual({ step: 60, horizon: 8 });
    expect(plans['1h']).toEqual({ step: 60, horizon: 30 });
    expect(plans['7d']).toEqual({ step: 3600, horizon: 30 });
    for (const plan of Object.values(plans)) {
      expect(plan.step).toBeGreaterThanOrEqual(60);
      expect(plan.step).toBeLessThanOrEqual(3600);
    }
  });
});

describe('moduleCards', () => {
  it('lists only the modules the snapshot carries, with readable figures', () => {
    const snapshot = {
      builtAt: '2026-11-26T10:00:00Z',
      dataAsOf: null,
      modules: ['executive'],
      alerts: [],
      executiveSummary: {
        overallStatus: 'warning',
        revenueToday: 1200.456,
        activeCustomers: null,
        workflowSuccessRate: 98,
        activeAlerts: 2,
        criticalAlerts: 1,
      },
    } as OpsSnapshot;
    const cards = moduleCards(snapshot);
    expect(cards.map((c) => c.heading)).toEqual(['Executive summary']);
    expect(cards[0].figures).toContainEqual({ label: 'Revenue today', value: '$1,200.46', tone: null, hint: null });
    expect(cards[0].figures).toContainEqual({ label: 'Active customers', value: '—', tone: null, hint: null });
    expect(cards[0].figures).toContainEqual({ label: 'Overall status', value: 'Warning', tone: 'warn', hint: null });
    expect(cards[0].clock).toBeNull();
  });
});

describe('metricChart', () => {
  it('draws the thresholds across the series and the forecast band', () => {
    const series = {
      metric: 'cpu_usage',
      buckets: [{ at: '2026-11-26T10:00:00Z', avg: 40, min: 40, max: 40, count: 1 }],
    } as MetricSeries;
    const forecast = {
      points: [{ at: '2026-11-26T10:05:00Z', value: 50, lower: 45, upper: 57 }],
    } as MetricForecast;
    const rule = { warning: 70, critical: 90 } as AlertRule;
    const option = metricChart(series, forecast, rule) as { series: { name: string; data: number[][] }[] };
    const names = option.series.map((s) => s.name);
    expect(names).toContain('Warning (70)');
    expect(names).toContain('Critical (90)');
    const band = option.series.find((s) => s.name === 'Forecast band ');
    expect(band?.data).toEqual([[Date.parse('2026-11-26T10:05:00Z'), 12]]);
    const critical = option.series.find((s) => s.name === 'Critical (90)');
    expect(critical?.data.map((p) => p[0])).toEqual([
      Date.parse('2026-11-26T10:00:00Z'),
      Date.parse('2026-11-26T10:05:00Z'),
    ]);
  });
});
