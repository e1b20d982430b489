import type {
  AlertView,
  ApiErrorResponse,
  LiveUpdate,
  OpsDataPointView,
  OpsSnapshot,
  OpsStatus,
  Role,
} from '@switchyard/contracts';
import type { OpenAPIV3 } from 'openapi-types';
import { openSse, waitUntil, type SseClient } from '../../test/support/live-client';
import { startTestApp, type TestApp } from '../../test/support/test-app';

/**
 * Seed 002 (admin dashboard real-time aggregator) read as an integrator would: its documented
 * paths under /api/admin-dashboard/realtime and its SSE filters, one test per documented
 * request, each quoting the blueprint line it checks.
 */
const PATH = '/api/admin-dashboard/realtime';

describe('blueprint 002: admin dashboard aggregator', () => {
  let app: TestApp;
  const streams: SseClient[] = [];

  const call = async <T>(role: Role, method: 'GET' | 'POST', query: string, body?: unknown) => {
    const response = await fetch(`${app.baseUrl}${PATH}${query}`, {
      method,
      headers: {
        authorization: `Bearer ${await app.tokenFor(role)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const v1 = async <T>(role: Role, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await app.tokenFor(role)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const push = async (points: Array<{ source: string; category: string; metric: string; value: number }>) =>
    expect((await v1('technical_admin', 'POST', '/ops/data-points', { points })).status).toBe(202);
  const sse = async (query: string, role: Role = 'master_admin'): Promise<SseClient> => {
    const client = await openSse(`${app.baseUrl}${PATH}${query}`, {
      authorization: `Bearer ${await app.tokenFor(role)}`,
    });
    streams.push(client);
    return client;
  };
  const updatesOf = (client: SseClient) =>
    client.events.filter((e) => e.event === 'update').map((e) => e.data as LiveUpdate);
  const pointsOf = (client: SseClient) =>
    updatesOf(client)
      .filter((u) => u.topic === 'datapoints')
      .flatMap((u) => (u.data as { points: OpsDataPointView[] }).points);

  beforeAll(async () => {
    app = await startTestApp({ OPS_AGGREGATOR_ENABLED: 'false' });
  });

  afterEach(() => {
    for (const client of streams.splice(0)) client.close();
  });

  afterAll(() => app.close());

  it('"GET /api/admin-dashboard/realtime?action=snapshot": the operations snapshot of your modules', async () => {
    const alias = await call<OpsSnapshot>('technical_admin', 'GET', '?action=snapshot');
    expect(alias.status).toBe(200);
    const own = await v1<OpsSnapshot>('technical_admin', 'GET', '/ops/snapshot');
    expect(alias.body.modules).toEqual(own.body.modules);
    expect(alias.body.builtAt).toBe(own.body.builtAt);
    expect(alias.body.systemHealth).toBeDefined();
    expect(alias.body.businessMetrics).toBeUndefined();
  });

  it('"GET /api/admin-dashboard/realtime?action=system-status": the aggregator’s own status', async () => {
    const { status, body } = await call<OpsStatus>('read_only_viewer', 'GET', '?action=system-status');
    expect(status).toBe(200);
    expect(body).toMatchObject({ running: false, totalDataPoints: expect.any(Number) as unknown });
  });

  it('"GET /api/admin-dashboard/realtime?action=alerts": active alerts; needs what /ops/alerts needs', async () => {
    const { status, body } = await call<{ items: AlertView[] }>('master_admin', 'GET', '?action=alerts');
    expect(status).toBe(200);
    expect(body.items.every((a) => !['normal', 'resolved'].includes(a.state))).toBe(true);
    const refused = await call<ApiErrorResponse>('read_only_viewer', 'GET', '?action=alerts');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('alerts.read');
  });

  it('an action the blueprint does not document is a 400 naming action', async () => {
    const { status, body } = await call<ApiErrorResponse>('master_admin', 'GET', '?action=everything');
    expect(status).toBe(400);
    expect(body.error.fields?.[0]).toMatchObject({ field: 'action' });
  });

  it('"{ "action": "force-aggregation" }" and "{ "action": "start-aggregator" | "stop-aggregator" }"', async () => {
    const forced = await call<OpsSnapshot>('master_admin', 'POST', '', { action: 'force-aggregation' });
    expect(forced.status).toBe(200);
    expect(Date.parse(forced.body.builtAt)).not.toBeNaN();
    const started = await call<OpsStatus>('master_admin', 'POST', '', { action: 'start-aggregator' });
    expect(started.body.running).toBe(true);
    const stopped = await call<OpsStatus>('master_admin', 'POST', '', { action: 'stop-aggregator' });
    expect(stopped.body.running).toBe(false);
    const refused = await call<ApiErrorResponse>('business_admin', 'POST', '', { action: 'start-aggregator' });
    expect(refused.status).toBe(403);
    expect((await call<OpsStatus>('master_admin', 'GET', '?action=system-status')).body.running).toBe(false);
  });

  it('"{ "action": "acknowledge-alert", "alertId": "alert-123" }": acknowledges like /ops/alerts/{id}/acknowledge', async () => {
    const rule = {
      id: 'seed002_cpu',
      name: 'seed 002 cpu',
      metric: 'seed002_cpu',
      warning: 70,
      critical: 85,
      direction: 'above',
      holdSeconds: 0,
      noDataAfterSeconds: 600,
    };
    expect((await v1('master_admin', 'POST', '/ops/alert-rules', rule)).status).toBe(201);
    await push([{ source: 'seed002', category: 'system_health', metric: 'seed002_cpu', value: 99 }]);
    const alert = await waitUntil(async () => {
      const { body } = await call<{ items: AlertView[] }>('master_admin', 'GET', '?action=alerts');
      return body.items.find((a) => a.ruleId === 'seed002_cpu') ?? null;
    });
    const bad = await call<ApiErrorResponse>('master_admin', 'POST', '', {
      action: 'acknowledge-alert',
      alertId: 'alert-123',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]).toMatchObject({ field: 'alertId' });
    const acked = await call<AlertView>('master_admin', 'POST', '', { action: 'acknowledge-alert', alertId: alert.id });
    expect(acked.status).toBe(200);
    expect(acked.body.acknowledgement).toMatchObject({ comment: 'acknowledged through /api/admin-dashboard/realtime' });
  });

  it('"GET /api/admin-dashboard/realtime?action=sse&sources=system_health,workflows": only those sources’ values', async () => {
    const stream = await sse('?action=sse&sources=system_health,workflows');
    expect(stream.status).toBe(200);
    await push([
      { source: 'health-monitor', category: 'system_health', metric: 'cpu_usage', value: 41 },
      { source: 'billing', category: 'business', metric: 'revenue', value: 1200 },
      { source: 'n8n', category: 'workflow', metric: 'workflow_success_rate', value: 97 },
    ]);
    const points = await waitUntil(() => (pointsOf(stream).length >= 2 ? pointsOf(stream) : null));
    expect(points.map((p) => [p.source, p.metric, p.value])).toEqual([
      ['health-monitor', 'cpu_usage', 41],
      ['n8n', 'workflow_success_rate', 97],
    ]);
    // The data point as the blueprint shows it: timestamp, source, category, metric, value, status, moduleAccess.
    expect(points[0]).toMatchObject({ category: 'system_health', status: 'healthy', moduleAccess: ['system'] });
    // The snapshot that follows is about those sources, so it passes the filter too.
    expect((await v1('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
    const snapshot = await waitUntil(() => updatesOf(stream).find((u) => u.type === 'ops.snapshot') ?? null);
    expect(snapshot.data).toMatchObject({ categories: ['business', 'system_health', 'workflow'] });
    // The stream took over the response: nothing tried to answer it a second time.
    expect(app.logs.filter((line) => /already sent/i.test(JSON.stringify(line)))).toEqual([]);
  });

  it('"categories: ["cpu_usage", "revenue"]": the categories filter narrows values and snapshots', async () => {
    const stream = await sse('?action=sse&categories=revenue');
    await push([
      { source: 'health-monitor', category: 'system_health', metric: 'cpu_usage', value: 43 },
      { source: 'billing', category: 'business', metric: 'revenue', value: 1300 },
    ]);
    const points = await waitUntil(() => (pointsOf(stream).length >= 1 ? pointsOf(stream) : null));
    expect(points.map((p) => p.metric)).toEqual(['revenue']);
    // A snapshot built after only cpu_usage points is not about revenue: skipped; the next one is kept.
    expect((await v1('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
    await push([{ source: 'health-monitor', category: 'system_health', metric: 'cpu_usage', value: 44 }]);
    expect((await v1('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
    await push([{ source: 'billing', category: 'business', metric: 'revenue', value: 1400 }]);
    expect((await v1('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
    const snapshots = await waitUntil(() => {
      const found = updatesOf(stream).filter((u) => u.type === 'ops.snapshot');
      return found.length >= 2 ? found : null;
    });
    for (const s of snapshots) expect((s.data as { metrics: string[] }).metrics).toContain('revenue');
    expect(pointsOf(stream).map((p) => p.metric)).toEqual(['revenue', 'revenue']);
  });

  it('the same filters on /api/v1/stream: values only with values=1, and a bad values is a 400', async () => {
    const token = await app.tokenFor('master_admin');
    const plain = await openSse(`${app.baseUrl}/api/v1/stream?topics=ops`, { authorization: `Bearer ${token}` });
    const withValues = await openSse(`${app.baseUrl}/api/v1/stream?topics=ops&values=1&categories=seed002_mem`, {
      authorization: `Bearer ${token}`,
    });
    streams.push(plain, withValues);
    await push([
      { source: 'health-monitor', category: 'system_health', metric: 'seed002_mem', value: 12 },
      { source: 'health-monitor', category: 'system_health', metric: 'cpu_usage', value: 45 },
    ]);
    expect((await v1('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
    await waitUntil(() => (pointsOf(withValues).length >= 1 ? true : null));
    await waitUntil(() => updatesOf(plain).find((u) => u.type === 'ops.snapshot') ?? null);
    expect(pointsOf(withValues).map((p) => p.metric)).toEqual(['seed002_mem']);
    expect(updatesOf(plain).every((u) => u.topic === 'ops')).toBe(true);
    const bad = await openSse(`${app.baseUrl}/api/v1/stream?topics=ops&values=maybe`, {
      authorization: `Bearer ${token}`,
    });
    expect(bad.status).toBe(400);
    expect((bad.body as ApiErrorResponse).error.fields?.[0]).toMatchObject({ field: 'values' });
  });

  it('the aliases are in the OpenAPI document, marked as blueprint aliases', async () => {
    const document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as OpenAPIV3.Document;
    const item = document.paths[PATH] as Record<string, Record<string, unknown>>;
    for (const method of ['get', 'post']) {
      expect(item[method]['x-blueprint-alias']).toEqual(expect.stringContaining('seed 002'));
    }
  });
});
