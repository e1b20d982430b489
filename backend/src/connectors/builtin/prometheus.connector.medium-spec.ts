import type { ConnectorSummary, SourceDefinitionInput } from '@switchyard/contracts';
import { createSimulator, PROMETHEUS_TOKEN, type Simulator } from '@switchyard/simulator';
import { DataSource } from 'typeorm';
import { startSyncTestbed, type SyncTestbed } from '../../../test/support/sync-testbed';

interface Series {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}
interface DataPointRow {
  external_id: string;
  metric: string;
  category: string;
  value: number;
  unit: string | null;
  recorded_at: Date;
}

describe('the built-in Prometheus connectors against the simulated HTTP API', () => {
  // The simulated Prometheus sits behind a token-checking proxy; `open` is a default, open server.
  let bed: SyncTestbed;
  let open: Simulator;
  let db: DataSource;

  const source = (
    id: string,
    url: string,
    connectorId = 'prometheus-bearer',
    credentialId: string | null = 'prom-token',
  ): SourceDefinitionInput => ({
    id,
    name: id,
    kind: 'http-pull',
    connector: {
      id: connectorId,
      stream: 'query_range',
      credentialId,
      config: { url: `${url}/prometheus`, step: '5', lookbackSeconds: '300' },
    },
    cadence: { type: 'interval', everySeconds: 3600 },
    freshness: { warnAfterSeconds: 600, staleAfterSeconds: 1800, trackDataAge: false },
    timeoutMs: 5000,
    retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
  });
  const rangeRequests = (simulator: Simulator) =>
    simulator
      .requests({ vendor: 'prometheus' })
      .map((r) => new URL(r.path, 'http://x'))
      .filter((u) => u.pathname.endsWith('/api/v1/query_range'));
  /** The vendor's own answer to the query the sync sent. */
  const replay = async (simulator: Simulator, request: URL): Promise<Series[]> => {
    const answer = await fetch(`${simulator.url}${request.pathname}${request.search}`, {
      headers: { authorization: `Bearer ${PROMETHEUS_TOKEN}` },
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { status: string; data: { result: Series[] } };
    expect(body.status).toBe('success');
    return body.data.result;
  };
  const points = (sourceId: string) =>
    db.query<DataPointRow[]>(
      `SELECT external_id, metric, category, value, unit, recorded_at FROM data_points WHERE source_id = $1 ORDER BY external_id`,
      [sourceId],
    );
  const expectedRow = (series: Series, [at, value]: [number, string]): DataPointRow => ({
    external_id: `${series.metric.__name__}@${at}`,
    metric: series.metric.__name__,
    category: series.metric.category,
    value: Number(value),
    unit: series.metric.unit,
    recorded_at: new Date(at * 1000),
  });

  beforeAll(async () => {
    bed = await startSyncTestbed({ prometheusAuth: 'bearer' });
    open = await createSimulator({ port: 0 });
    db = bed.app.app.get(DataSource);
    for (const [id, secret] of [
      ['prom-token', PROMETHEUS_TOKEN],
      ['prom-wrong-token', 'not-the-token'],
    ]) {
      const created = await bed.api('/credentials', { method: 'POST', body: { id, name: id, kind: 'token', secret } });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await bed.close();
    await open.close();
  });

  it('lists both variants by GET /connectors', async () => {
    const list = await bed.api<{ items: ConnectorSummary[] }>('/connectors');
    const stream = { name: 'query_range', label: 'Range query', domain: 'metrics', targets: ['metrics'] };
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: 'prometheus', builtIn: true, authType: 'none', streams: [stream] }),
    );
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: 'prometheus-bearer', builtIn: true, authType: 'bearer', streams: [stream] }),
    );
  });

  it('stores every sample of the window as one data point with the series labels', async () => {
    await bed.createSource(source('prom-metrics', bed.simulator.url));
    bed.simulator.clearRequests();
    const run = await bed.sync('prom-metrics', 'full');
    expect(run.status).toBe('succeeded');

    const [request] = rangeRequests(bed.simulator);
    expect(request.searchParams.get('query')).toBe('{job="switchyard"}');
    expect(request.searchParams.get('step')).toBe('5');
    const start = Number(request.searchParams.get('start'));
    const end = Number(request.searchParams.get('end'));
    expect(end - start).toBe(300);
    expect(Math.abs(end - Date.now() / 1000)).toBeLessThan(30);

    const series = await replay(bed.simulator, request);
    expect(series).toHaveLength(28);
    const total = series.reduce((n, s) => n + s.values.length, 0);
    expect(run).toMatchObject({ recordsFetched: total, recordsUpserted: total });
    const stored = await points('prom-metrics');
    expect(stored).toHaveLength(total);
    const cpu = series.find((s) => s.metric.__name__ === 'cpu_usage') as Series;
    const revenue = series.find((s) => s.metric.__name__ === 'revenue_today') as Series;
    for (const [s, sample] of [
      [cpu, cpu.values[0]],
      [cpu, cpu.values[cpu.values.length - 1]],
      [revenue, revenue.values[3]],
    ] as const) {
      expect(stored).toContainEqual(expectedRow(s, sample));
    }
    expect(stored.find((p) => p.metric === 'cpu_usage')).toMatchObject({ category: 'system_health', unit: 'percent' });

    const newest = Math.max(...series.flatMap((s) => s.values.map(([at]) => at)));
    expect((await bed.source('prom-metrics')).status.cursor).toBe(new Date(newest * 1000).toISOString());
  });

  it('resumes at the newest stored sample and adds only the samples since', async () => {
    const cursor = (await bed.source('prom-metrics')).status.cursor as string;
    const before = (await points('prom-metrics')).length;
    // Let at least one more step of samples come into the window.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(cursor) + 6_000 - Date.now())));
    bed.simulator.clearRequests();
    const run = await bed.sync('prom-metrics', 'incremental');
    expect(run.status).toBe('succeeded');
    const [request] = rangeRequests(bed.simulator);
    expect(Number(request.searchParams.get('start'))).toBe(Date.parse(cursor) / 1000);

    const series = await replay(bed.simulator, request);
    const fetched = series.reduce((n, s) => n + s.values.length, 0);
    const fresh = fetched - series.length; // every series repeats the sample at the cursor
    expect(fresh).toBeGreaterThanOrEqual(28);
    expect(run).toMatchObject({ recordsFetched: fetched, recordsUpserted: fresh });
    expect((await points('prom-metrics')).length).toBe(before + fresh);
    expect(Date.parse((await bed.source('prom-metrics')).status.cursor as string)).toBeGreaterThan(Date.parse(cursor));
  });

  it('reads an open Prometheus with the auth-less variant', async () => {
    await bed.createSource(source('prom-open', open.url, 'prometheus', null));
    const run = await bed.sync('prom-open', 'full');
    expect(run.status).toBe('succeeded');
    const [request] = rangeRequests(open);
    const total = (await replay(open, request)).reduce((n, s) => n + s.values.length, 0);
    expect(run.recordsFetched).toBe(total);
    expect(await points('prom-open')).toHaveLength(total);
  });

  it('waits out a 429 with Retry-After as rate_limited, not failed', async () => {
    await bed.createSource(source('prom-limited', bed.simulator.url));
    bed.simulator.addFault('prometheus', { type: 'rate_limit', retryAfterSeconds: 30, count: 1 });
    const run = await bed.sync('prom-limited', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 30 });
    expect((await bed.source('prom-limited')).status.freshness.state).toBe('rate_limited');
  });

  it('reports a refused token as UPSTREAM_AUTH_FAILED with the proxy’s answer', async () => {
    await bed.createSource(source('prom-bad-token', bed.simulator.url, 'prometheus-bearer', 'prom-wrong-token'));
    const run = await bed.sync('prom-bad-token', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_AUTH_FAILED' });
    expect(run.errorMessage).toContain('Unauthorized');
    expect(await points('prom-bad-token')).toHaveLength(0);
  });
});
