import { call, sendJson, startSimulator, type TestSimulator } from '../spec-helpers';

const API = '/prometheus/api/v1';

interface Matrix {
  status: string;
  data: { resultType: string; result: { metric: Record<string, string>; values: [number, string][] }[] };
}

describe('prometheus HTTP API', () => {
  let t: TestSimulator;
  beforeEach(async () => {
    t = await startSimulator({ seed: 17 });
  });
  afterEach(() => t.sim.close());

  const nowSeconds = () => t.clock.time / 1000;
  const range = (query: string, start: number, end: number, step: string | number) =>
    call(
      t.sim,
      `${API}/query_range?${new URLSearchParams({ query, start: `${start}`, end: `${end}`, step: `${step}` }).toString()}`,
    );

  it('answers a matrix with labelled series and [unix, "value"] pairs at step resolution', async () => {
    const end = nowSeconds();
    const answer = await range('cpu_usage', end - 600, end, 60);
    expect(answer.status).toBe(200);
    const body = answer.json<Matrix>();
    expect(body.status).toBe('success');
    expect(body.data.resultType).toBe('matrix');
    const [series] = body.data.result;
    expect(series.metric).toEqual({
      __name__: 'cpu_usage',
      category: 'system_health',
      instance: 'switchyard-demo:9100',
      job: 'switchyard',
      unit: 'percent',
    });
    // Nothing was scraped before the simulator started, so the first points fall in its lookback only.
    expect(series.values.map(([at]) => at)).toEqual([
      end - 600,
      end - 540,
      end - 480,
      end - 420,
      end - 360,
      end - 300,
      end - 240,
      end - 180,
      end - 120,
      end - 60,
      end,
    ]);
    for (const [, value] of series.values) expect(value).toMatch(/^\d+(\.\d+)?$/);
  });

  it('selects by label matchers, and accepts POST form bodies', async () => {
    const end = nowSeconds();
    const business = (await range('{category="business"}', end - 60, end, '30s')).json<Matrix>();
    expect(business.data.result.map((s) => s.metric['__name__']).sort()).toEqual(
      ['active_customers', 'churn_rate', 'conversion_rate', 'mrr', 'revenue_today'].sort(),
    );
    const regex = (await range('{__name__=~"cpu_.*|memory_usage",job="switchyard"}', end - 60, end, 30)).json<Matrix>();
    expect(regex.data.result).toHaveLength(2);
    const posted = await call(t.sim, `${API}/query_range`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'mrr', start: `${end - 60}`, end: `${end}`, step: '15s' }).toString(),
    });
    expect(posted.json<Matrix>().data.result[0].values).toHaveLength(5);
    const instant = await call(t.sim, `${API}/query?query=mrr`);
    expect(instant.json()).toMatchObject({ status: 'success', data: { resultType: 'vector' } });
  });

  it('moves the window forward: a later start/end returns only the new samples', async () => {
    const first = nowSeconds();
    t.clock.advance(120_000);
    const later = (await range('queue_size', first + 10, nowSeconds(), 10)).json<Matrix>();
    const times = later.data.result[0].values.map(([at]) => at);
    expect(times[0]).toBe(first + 10);
    expect(times.at(-1)).toBe(nowSeconds());
    expect(times).toHaveLength(12);
  });

  it('refuses bad parameters with the bad_data envelope, including the 11,000-point limit', async () => {
    const end = nowSeconds();
    const cases: [string, string][] = [
      [
        `query=cpu_usage&start=x&end=${end}&step=15`,
        'invalid parameter "start": cannot parse "x" to a valid timestamp',
      ],
      [`query=cpu_usage&start=${end}&end=${end - 60}&step=15`, 'end timestamp must not be before start time'],
      [`query=cpu_usage&start=${end - 60}&end=${end}&step=0`, 'zero or negative query resolution step widths'],
      [`query=cpu_usage&start=${end - 86_400}&end=${end}&step=1`, 'exceeded maximum resolution of 11,000 points'],
      [`query=rate(cpu_usage[5m])&start=${end - 60}&end=${end}&step=15`, 'vector selectors only'],
    ];
    for (const [query, message] of cases) {
      const answer = await call(t.sim, `${API}/query_range?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({
        status: 'error',
        errorType: 'bad_data',
        error: expect.stringContaining(message) as unknown,
      });
    }
  });

  it('leaves a gap while frozen instead of backfilling it', async () => {
    await call(t.sim, '/_control/vendors/prometheus/faults', sendJson('POST', { type: 'frozen', durationMs: 900_000 }));
    const frozenFrom = nowSeconds();
    t.clock.advance(600_000);
    const answer = (await range('mrr', frozenFrom + 300, frozenFrom + 600, 10)).json<Matrix>();
    // Lookback covers 5 minutes after the last sample; past that the series is simply absent.
    expect(answer.data.result).toEqual([]);
    const before = (await range('mrr', frozenFrom - 60, frozenFrom + 60, 10)).json<Matrix>();
    expect(before.data.result[0].values).toHaveLength(13);
    expect((await call(t.sim, '/metrics/api/v1/series', { headers: { 'x-api-key': 'metrics-demo-key' } })).status).toBe(
      200,
    );
  });

  it('is open by default and checks a bearer token when asked to', async () => {
    expect((await call(t.sim, `${API}/query?query=mrr`)).status).toBe(200);
    const guarded = await startSimulator({ prometheusAuth: 'bearer' });
    try {
      for (const headers of [{}, { authorization: 'Bearer nope' }] as Record<string, string>[]) {
        const refused = await call(guarded.sim, `${API}/query?query=mrr`, { headers });
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="prometheus"');
        expect(refused.text).toBe('Unauthorized\n');
      }
      const ok = await call(guarded.sim, `${API}/query?query=mrr`, {
        headers: { authorization: 'Bearer prometheus-demo-token' },
      });
      expect(ok.status).toBe(200);
    } finally {
      await guarded.sim.close();
    }
  });

  it('answers a server_error fault and drifts values to histograms', async () => {
    await call(t.sim, '/_control/vendors/prometheus/faults', sendJson('POST', { type: 'server_error', count: 1 }));
    const end = nowSeconds();
    expect((await range('mrr', end - 60, end, 15)).status).toBe(503);
    await call(t.sim, '/_control/vendors/prometheus/faults', sendJson('POST', { type: 'schema_drift' }));
    const drifted = await range('mrr', end - 60, end, 15);
    expect(drifted.text).toContain('"histograms":');
    expect(drifted.text).not.toContain('"values":');
  });

  it('gives identical samples for the same seed and different ones for another', async () => {
    const same = await startSimulator({ seed: 17 });
    const other = await startSimulator({ seed: 18 });
    try {
      const end = nowSeconds();
      const path = `${API}/query_range?query=${encodeURIComponent('{job="switchyard"}')}&start=${end - 300}&end=${end}&step=10`;
      const mine = (await call(t.sim, path)).text;
      expect((await call(same.sim, path)).text).toEqual(mine);
      expect((await call(other.sim, path)).text).not.toEqual(mine);
    } finally {
      await Promise.all([same.sim.close(), other.sim.close()]);
    }
  });
});
