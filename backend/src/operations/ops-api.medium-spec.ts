import type {
  ApiErrorResponse,
  DataPointInput,
  MetricForecast,
  MetricSeries,
  OpsSnapshot,
  OpsStatus,
  Role,
} from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { roleApi } from '../../test/support/role-api';
import { selectRows } from '../../test/support/sync-testbed';
import { SteppedClock } from '../../test/support/stepped-clock';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { OpsAggregator } from './ops-aggregator.service';

const HOUR = 3_600_000;

describe('operations API (injected clock)', () => {
  const clock = new SteppedClock(Date.parse('2026-11-26T12:00:00Z'));
  let app: TestApp;
  let api: ReturnType<typeof roleApi>;

  beforeAll(async () => {
    app = await startTestApp({ SYNC_ENABLED: 'false', OPS_AGGREGATOR_ENABLED: 'false' }, { clock });
    api = roleApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const point = (metric: string, value: number, msAgo = 0, category = 'system_health'): DataPointInput =>
    ({
      source: 'test-feed',
      category,
      metric,
      value,
      timestamp: new Date(clock.now().getTime() - msAgo).toISOString(),
    }) as DataPointInput;
  const push = (points: DataPointInput[]) => api('technical_admin', 'POST', '/ops/data-points', { points });
  const rawCount = async () =>
    Number(
      (await selectRows<{ n: string }>(app.app.get(DataSource), 'SELECT count(*) AS n FROM ops_data_points'))[0].n,
    );

  it('commits a batch before answering 202, with status and module access derived', async () => {
    const before = await rawCount();
    const answer = await push([point('cpu_usage', 91), point('revenue_today', 1200, 0, 'business')]);
    expect(answer).toMatchObject({ status: 202, body: { accepted: 2 } });
    expect(await rawCount()).toBe(before + 2);
    const rows = await selectRows<{ metric: string; status: string; module_access: string[] }>(
      app.app.get(DataSource),
      `SELECT metric, status, module_access FROM ops_data_points ORDER BY id DESC LIMIT 2`,
    );
    expect(rows.map((r) => [r.metric, r.status, r.module_access]).sort()).toEqual([
      ['cpu_usage', 'critical', ['system']],
      ['revenue_today', 'healthy', ['business']],
    ]);
  });

  it('shows each role only the snapshot modules it may see', async () => {
    await push([point('compliance_score', 93, 0, 'security'), point('active_users_now', 500, 0, 'customer')]);
    expect((await api('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
    const snapshot = async (role: Role) => (await api<OpsSnapshot>(role, 'GET', '/ops/snapshot')).body;
    const master = await snapshot('master_admin');
    expect(master.systemHealth?.cpuUsage).toBe(91);
    expect(master.performance?.totalDataPoints).toBeGreaterThanOrEqual(4);
    const expected: Array<[Role, string[]]> = [
      ['technical_admin', ['securityCompliance', 'systemHealth', 'workflowPerformance']],
      ['business_admin', ['businessMetrics', 'customerIntelligence']],
      ['compliance_admin', ['securityCompliance']],
      ['read_only_viewer', ['executiveSummary']],
      ['executive', ['executiveSummary']],
    ];
    for (const [role, modules] of expected) {
      const seen = await snapshot(role);
      const present = Object.keys(seen).filter(
        (k) =>
          k.endsWith('Health') ||
          k.endsWith('Summary') ||
          k.endsWith('Metrics') ||
          k.endsWith('Performance') ||
          k.endsWith('Intelligence') ||
          k.endsWith('Compliance'),
      );
      expect([role, present.sort()]).toEqual([role, modules]);
    }
    expect((await snapshot('business_admin')).businessMetrics?.revenueToday).toBe(1200);
    expect((await snapshot('compliance_admin')).securityCompliance?.complianceScore).toBe(93);
    expect((await api('team_manager', 'GET', '/ops/snapshot')).status).toBe(403);
  });

  it('downsamples a series from raw points and from rollups', async () => {
    const base = Date.parse('2026-11-26T11:00:00Z');
    const points = Array.from({ length: 12 }, (_, i) => ({
      ...point('t_series', i, 0),
      timestamp: new Date(base + i * 10_000).toISOString(),
    }));
    expect((await push(points)).status).toBe(202);
    const from = new Date(base).toISOString();
    const to = new Date(base + 120_000).toISOString();
    const raw = await api<MetricSeries>(
      'operations_admin',
      'GET',
      `/ops/metrics/t_series/series?from=${from}&to=${to}&step=30`,
    );
    expect(raw.body.resolution).toBe('raw');
    expect(raw.body.buckets.map((b) => [b.avg, b.min, b.max, b.count])).toEqual([
      [1, 0, 2, 3],
      [4, 3, 5, 3],
      [7, 6, 8, 3],
      [10, 9, 11, 3],
    ]);
    const minute = await api<MetricSeries>(
      'operations_admin',
      'GET',
      `/ops/metrics/t_series/series?from=${from}&to=${to}&step=60`,
    );
    expect(minute.body.resolution).toBe('1m');
    expect(minute.body.buckets.map((b) => [b.avg, b.count])).toEqual([
      [2.5, 6],
      [8.5, 6],
    ]);
  });

  it('keeps rollups after retention removes raw points past their age', async () => {
    const old = clock.now().getTime() - 25 * HOUR;
    await push(
      [0, 1, 2].map((i) => ({ ...point('t_old', 10 + i), timestamp: new Date(old + i * 1000).toISOString() })),
    );
    await push([point('t_old', 50)]);
    const pruned = await app.app.get(OpsAggregator).prune();
    expect(pruned.raw).toBeGreaterThanOrEqual(3);
    const left = await selectRows<{ n: string }>(
      app.app.get(DataSource),
      `SELECT count(*) AS n FROM ops_data_points WHERE metric = 't_old'`,
    );
    expect(Number(left[0].n)).toBe(1);
    const from = new Date(old - HOUR).toISOString();
    const to = new Date(old + HOUR).toISOString();
    const hourly = await api<MetricSeries>(
      'master_admin',
      'GET',
      `/ops/metrics/t_old/series?from=${from}&to=${to}&step=3600`,
    );
    expect(hourly.body.buckets.map((b) => [b.avg, b.min, b.max, b.count])).toEqual([[11, 10, 12, 3]]);
    const raw = await api<MetricSeries>(
      'master_admin',
      'GET',
      `/ops/metrics/t_old/series?from=${from}&to=${to}&step=30`,
    );
    expect(raw.body.buckets).toEqual([]);
  });

  it('forecasts a metric with Holt, an interval and time until its thresholds', async () => {
    // t_trend rising 0.5 a minute from 50: its warning threshold 70 is 21 steps past the last (59.5).
    const rule = { id: 't_trend', name: 'Trend', metric: 't_trend', warning: 70, critical: 85, direction: 'above' };
    expect((await api('master_admin', 'POST', '/ops/alert-rules', rule)).status).toBe(201);
    const points = Array.from({ length: 20 }, (_, i) => point('t_trend', 50 + 0.5 * i, (19 - i) * 60_000 + 1));
    expect((await push(points)).status).toBe(202);
    const answer = await api<MetricForecast>('technical_admin', 'GET', '/ops/metrics/t_trend/forecast?horizon=10');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ model: 'holt-linear-trend', horizon: 10, stepSeconds: 60 });
    expect(answer.body.points).toHaveLength(10);
    expect(answer.body.trendPerStep).toBeCloseTo(0.5, 3);
    expect(answer.body.points[9].value).toBeCloseTo(64.5, 3);
    const warning = answer.body.crossings.find((c) => c.severity === 'warning');
    expect(warning?.secondsUntil).toBe(21 * 60);
    const noHistory = await api<ApiErrorResponse>('master_admin', 'GET', '/ops/metrics/never_seen/forecast');
    expect(noHistory.status).toBe(409);
  });

  it('reports its status and lets only the control permission start, stop and force it', async () => {
    for (const role of [
      'operations_admin',
      'business_admin',
      'compliance_admin',
      'read_only_viewer',
      'executive',
    ] as Role[]) {
      for (const path of ['/ops/aggregator/start', '/ops/aggregator/stop', '/ops/aggregate']) {
        expect([role, path, (await api(role, 'POST', path)).status]).toEqual([role, path, 403]);
      }
    }
    expect((await api<OpsStatus>('technical_admin', 'GET', '/ops/status')).body.running).toBe(false);
    const started = await api<OpsStatus>('technical_admin', 'POST', '/ops/aggregator/start');
    expect(started).toMatchObject({ status: 200, body: { running: true, subscriptionsActive: 0 } });
    const stopped = await api<OpsStatus>('master_admin', 'POST', '/ops/aggregator/stop');
    expect(stopped).toMatchObject({ status: 200, body: { running: false } });
    const status = await api<OpsStatus>('read_only_viewer', 'GET', '/ops/status');
    expect(status.body.totalDataPoints).toBe(await rawCount());
    expect(status.body.lastAggregationAt).not.toBeNull();
  });

  it('answers bad input with 400 in the API error format and changes nothing', async () => {
    const before = await rawCount();
    const now = clock.now().getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    const cases: Array<[string, string, string, unknown?]> = [
      ['bad metric name', 'GET', `/ops/metrics/CPU-usage!/series?from=${iso(now - HOUR)}&to=${iso(now)}&step=60`],
      ['from after to', 'GET', `/ops/metrics/cpu_usage/series?from=${iso(now)}&to=${iso(now - HOUR)}&step=60`],
      ['step too small', 'GET', `/ops/metrics/cpu_usage/series?from=${iso(now - HOUR)}&to=${iso(now)}&step=5`],
      [
        'too many buckets',
        'GET',
        `/ops/metrics/cpu_usage/series?from=${iso(now - 30 * 24 * HOUR)}&to=${iso(now)}&step=10`,
      ],
      ['horizon zero', 'GET', '/ops/metrics/cpu_usage/forecast?horizon=0'],
      ['horizon too far', 'GET', '/ops/metrics/cpu_usage/forecast?horizon=100000'],
      ['value not a number', 'POST', '/ops/data-points', { points: [{ ...point('cpu_usage', 1), value: 'high' }] }],
      ['empty batch', 'POST', '/ops/data-points', { points: [] }],
      ['unknown field', 'POST', '/ops/data-points', { points: [{ ...point('cpu_usage', 1), colour: 'red' }] }],
      [
        'one bad in a batch',
        'POST',
        '/ops/data-points',
        { points: [point('cpu_usage', 1), { ...point('x', 1), category: 'nope' }] },
      ],
      ['bad alert state', 'GET', '/ops/alerts?state=burning'],
      ['silence without matchers', 'POST', '/ops/silences', { matchers: {}, endsAt: iso(now + HOUR), comment: 'x' }],
    ];
    for (const [name, method, path, body] of cases) {
      const answer = await api<ApiErrorResponse>('master_admin', method, path, body);
      expect([name, answer.status, answer.body.error.code]).toEqual([name, 400, 'VALIDATION_FAILED']);
      expect(answer.body.error.fields?.length).toBeGreaterThan(0);
      expect(answer.body.error.traceId).toEqual(expect.any(String));
    }
    expect(await rawCount()).toBe(before);
  });
});

describe('operations ingestion under pressure', () => {
  let app: TestApp;

  afterAll(async () => {
    await app.close();
  });

  it('answers 503 with Retry-After when a source buffer is full, and writes nothing of that batch', async () => {
    app = await startTestApp({ SYNC_ENABLED: 'false', OPS_AGGREGATOR_ENABLED: 'false', OPS_BUFFER_SIZE: '10' });
    const api = roleApi(app);
    const points = Array.from({ length: 11 }, (_, i) => ({
      source: 'burst',
      category: 'custom',
      metric: 'm',
      value: i,
    }));
    const refused = await api<ApiErrorResponse>('technical_admin', 'POST', '/ops/data-points', { points });
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 1 });
    const rows = await selectRows<{ n: string }>(app.app.get(DataSource), 'SELECT count(*) AS n FROM ops_data_points');
    expect(Number(rows[0].n)).toBe(0);
    const fits = await api('technical_admin', 'POST', '/ops/data-points', { points: points.slice(0, 10) });
    expect(fits.status).toBe(202);
  });
});
