import { call, credentials, ENDPOINTS, pmToken, sendJson, startSimulator, type TestSimulator } from './spec-helpers';
import { type FaultSpec, type VendorId } from './types';

describe('faults', () => {
  let t: TestSimulator;
  beforeEach(async () => {
    t = await startSimulator({ seed: 21 });
  });
  afterEach(() => t.sim.close());

  const addFault = async (vendor: VendorId, spec: FaultSpec) => {
    const answer = await call(t.sim, `/_control/vendors/${vendor}/faults`, sendJson('POST', spec));
    expect(answer.status).toBe(201);
    return answer.json<{ id: string }>();
  };
  const get = (vendor: VendorId, path = ENDPOINTS[vendor], init: RequestInit = {}) =>
    call(t.sim, path, { ...init, headers: credentials(vendor) });

  it('rate_limit answers 429 with Retry-After', async () => {
    await addFault('ticketing', { type: 'rate_limit', retryAfterSeconds: 12 });
    const answer = await get('ticketing');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('12');
    await addFault('hris', { type: 'rate_limit' });
    expect((await get('hris')).headers.get('retry-after')).toBe('30');
  });

  it('server_error answers 503 with an HTML page, or the status asked for', async () => {
    await addFault('calendar', { type: 'server_error', count: 1 });
    const answer = await get('calendar');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.text).toContain('<h1>503 Service Unavailable</h1>');
    await addFault('calendar', { type: 'server_error', status: 502, count: 1 });
    expect((await get('calendar')).status).toBe(502);
    expect((await get('calendar')).status).toBe(200);
  });

  it('unauthorized answers 401 invalid_token even with good credentials', async () => {
    await addFault('metrics', { type: 'unauthorized' });
    const answer = await get('metrics');
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({ error: 'invalid_token' });
  });

  it('malformed_json answers 200 with a body JSON.parse rejects', async () => {
    await addFault('crm', { type: 'malformed_json', count: 1 });
    const answer = await get('crm');
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text) as unknown).toThrow(SyntaxError);
    const next = await get('crm');
    expect(() => JSON.parse(next.text) as unknown).not.toThrow();
  });

  it.each([
    ['pm', 'budget', 'budgetAmount'],
    ['hris', 'headcount', 'head_count'],
    ['calendar', 'start', 'startTime'],
    ['ticketing', 'severity', 'priority'],
    ['crm', 'lead_status', 'status'],
    ['metrics', 'points', 'values'],
  ] as const)('schema_drift renames %s %s to %s by default', async (vendor, field, renameTo) => {
    const fault = await call(t.sim, `/_control/vendors/${vendor}/faults`, sendJson('POST', { type: 'schema_drift' }));
    expect(fault.json()).toMatchObject({ field, renameTo });
    const token = vendor === 'pm' ? await pmToken(t.sim) : '';
    const answer = await call(t.sim, ENDPOINTS[vendor], { headers: credentials(vendor, token) });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`"${renameTo}":`);
    expect(answer.text).not.toContain(`"${field}":`);
  });

  it('schema_drift renames the field asked for', async () => {
    await addFault('ticketing', { type: 'schema_drift', field: 'shortDescription', renameTo: 'short_description' });
    const answer = await get('ticketing');
    expect(answer.text).toContain('"short_description":');
    expect(answer.text).not.toContain('"shortDescription":');
  });

  it('latency delays the answer by latencyMs', async () => {
    await addFault('hris', { type: 'latency', latencyMs: 300 });
    const started = performance.now();
    const answer = await get('hris');
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('timeout holds the request until the client gives up', async () => {
    await addFault('calendar', { type: 'timeout' });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 400);
    await expect(fetch(t.sim.url + ENDPOINTS.calendar, { signal: controller.signal })).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [entry] = t.sim.requests({ vendor: 'calendar' });
    // Status 0: the simulator never answered; the client's own abort ended the exchange.
    expect(entry).toMatchObject({ status: 0, fault: 'timeout' });
  });

  it('close() does not wait for requests a timeout fault is holding', async () => {
    await addFault('pm', { type: 'timeout' });
    const held = fetch(t.sim.url + '/pm/v2/projects').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await t.sim.close();
    expect(performance.now() - started).toBeLessThan(1000);
    // fetch rejects with a TypeError from Node's own realm, so check the shape, not the class.
    expect(await held).toMatchObject({ message: 'fetch failed' });
  });

  it('count limits how many requests a fault hits', async () => {
    await addFault('ticketing', { type: 'server_error', count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get('ticketing')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(t.sim.state().vendors.ticketing.faults).toEqual([]);
  });

  it('durationMs limits how long a fault lasts, in simulator time', async () => {
    await addFault('ticketing', { type: 'rate_limit', durationMs: 5000 });
    expect((await get('ticketing')).status).toBe(429);
    t.clock.advance(4999);
    expect((await get('ticketing')).status).toBe(429);
    t.clock.advance(1);
    expect((await get('ticketing')).status).toBe(200);
  });

  it('pathPrefix limits a fault to matching paths, with or without the vendor prefix', async () => {
    await addFault('crm', { type: 'server_error', pathPrefix: '/crm/api/notes' });
    await addFault('crm', { type: 'rate_limit', pathPrefix: '/api/schedule' });
    expect((await get('crm', '/crm/api/leads')).status).toBe(200);
    expect((await get('crm', '/crm/api/notes?page=2')).status).toBe(503);
    expect((await get('crm', '/crm/api/schedule')).status).toBe(429);
  });

  it('brand limits a crm fault to one brand', async () => {
    await addFault('crm', { type: 'rate_limit', brand: 'bright-smiles' });
    expect((await get('crm')).status).toBe(200);
    const other = await call(t.sim, '/crm/api/leads', { headers: { 'x-api-key': 'ct-bright-smiles-key' } });
    expect(other.status).toBe(429);
  });

  it('answers for other vendors are untouched', async () => {
    await addFault('pm', { type: 'server_error' });
    expect((await get('hris')).status).toBe(200);
  });

  it('clearing faults restores normal answers', async () => {
    await addFault('hris', { type: 'server_error' });
    await addFault('metrics', { type: 'server_error' });
    expect((await call(t.sim, '/_control/vendors/hris/faults', { method: 'DELETE' })).json()).toEqual({
      vendor: 'hris',
      cleared: 1,
    });
    expect((await get('hris')).status).toBe(200);
    expect((await get('metrics')).status).toBe(503);
    expect((await call(t.sim, '/_control/faults', { method: 'DELETE' })).json()).toEqual({ cleared: 1 });
    expect((await get('metrics')).status).toBe(200);
  });

  it('logs every vendor request with its status and the fault that applied', async () => {
    await addFault('ticketing', { type: 'server_error', count: 1 });
    await get('ticketing', '/ticketing/api/v3/tickets?limit=5');
    await get('ticketing');
    await call(t.sim, '/hris/api/departments');
    await call(t.sim, '/_control/state');
    const { requests } = (await call(t.sim, '/_control/requests')).json<{ requests: unknown[] }>();
    expect(requests).toEqual([
      expect.objectContaining({
        vendor: 'ticketing',
        method: 'GET',
        path: '/ticketing/api/v3/tickets?limit=5',
        status: 503,
        fault: 'server_error',
      }),
      expect.objectContaining({ vendor: 'ticketing', status: 200, fault: null }),
      expect.objectContaining({ vendor: 'hris', status: 401, fault: null, at: new Date(t.clock.time).toISOString() }),
    ]);
    const hris = (await call(t.sim, '/_control/requests?vendor=hris')).json<{ requests: unknown[] }>();
    expect(hris.requests).toHaveLength(1);
    t.clock.advance(1000);
    await get('metrics');
    const since = new Date(t.clock.time).toISOString();
    const recent = (await call(t.sim, `/_control/requests?since=${since}`)).json<{ requests: unknown[] }>();
    expect(recent.requests).toEqual([expect.objectContaining({ vendor: 'metrics' })]);
    expect((await call(t.sim, '/_control/requests', { method: 'DELETE' })).json()).toEqual({ cleared: 4 });
    expect(t.sim.requests()).toEqual([]);
  });
});
