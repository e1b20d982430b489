import { createSimulator } from './simulator';
import { call, sendJson, startSimulator, type TestSimulator } from './spec-helpers';
import { VENDORS } from './types';

describe('control API', () => {
  let t: TestSimulator;
  beforeAll(async () => {
    t = await startSimulator();
  });
  afterAll(() => t.sim.close());

  const post = (path: string, body: unknown) => call(t.sim, path, sendJson('POST', body));

  it('reports every vendor with its steps, frozen flag and faults', async () => {
    const state = (await call(t.sim, '/_control/state')).json<{ vendors: Record<string, unknown>; seed: number }>();
    expect(state.seed).toBe(42);
    expect(Object.keys(state.vendors)).toEqual([...VENDORS]);
    expect(state.vendors['pm']).toEqual({ steps: 0, frozen: false, faults: [], webhook: null });
  });

  it('answers 201 with the fault, defaults filled in', async () => {
    const answer = await post('/_control/vendors/ticketing/faults', { type: 'rate_limit', count: 2 });
    expect(answer.status).toBe(201);
    expect(answer.json<{ id: string }>().id).toMatch(/^flt_/);
    expect(answer.json()).toMatchObject({
      vendor: 'ticketing',
      type: 'rate_limit',
      count: 2,
      remaining: 2,
      retryAfterSeconds: 30,
      expiresAt: null,
    });
    await call(t.sim, '/_control/faults', { method: 'DELETE' });
  });

  it.each([
    [{}, /type/],
    [{ type: 'meltdown' }, /type/],
    [{ type: 'latency', latencyMs: -5 }, /latencyMs/],
    [{ type: 'rate_limit', count: 0 }, /count/],
    [{ type: 'rate_limit', count: 1.5 }, /count/],
    [{ type: 'server_error', status: 200 }, /status/],
    [{ type: 'server_error', durationMs: 'soon' }, /durationMs/],
    [{ type: 'frozen', pathPrefix: 'no-slash' }, /pathPrefix/],
    [{ type: 'frozen', colour: 'red' }, /colour|Unrecognized/i],
    [{ type: 'rate_limit', brand: 'acme-fitness' }, /brand/],
  ])('refuses fault body %j with 400', async (body, message) => {
    const answer = await post('/_control/vendors/pm/faults', body);
    expect(answer.status).toBe(400);
    expect(answer.json<{ message: string }>().message).toMatch(message);
  });

  it('refuses an unknown crm brand and a non-JSON body', async () => {
    expect((await post('/_control/vendors/crm/faults', { type: 'rate_limit', brand: 'nobody' })).status).toBe(400);
    const text = await call(t.sim, '/_control/vendors/crm/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(text.status).toBe(400);
    expect(text.json()).toHaveProperty('message');
  });

  it('answers 404 for an unknown vendor', async () => {
    expect((await post('/_control/vendors/erp/faults', { type: 'frozen' })).status).toBe(404);
    expect((await call(t.sim, '/_control/vendors/erp/faults', { method: 'DELETE' })).status).toBe(404);
    const advance = await post('/_control/vendors/erp/advance', { steps: 1 });
    expect(advance.status).toBe(404);
    expect(advance.json()).toMatchObject({ message: 'unknown vendor "erp"' });
  });

  it('validates advance steps', async () => {
    expect((await post('/_control/vendors/hris/advance', { steps: 0 })).status).toBe(400);
    expect((await post('/_control/vendors/hris/advance', { steps: 'many' })).status).toBe(400);
    expect((await post('/_control/vendors/hris/advance', { steps: 1_000_000 })).status).toBe(400);
    expect((await post('/_control/vendors/hris/advance', {})).json()).toMatchObject({ steps: 1, applied: 1 });
  });

  it('validates request log filters', async () => {
    expect((await call(t.sim, '/_control/requests?vendor=erp')).status).toBe(400);
    expect((await call(t.sim, '/_control/requests?since=later')).status).toBe(400);
  });

  it('answers 404 JSON for unknown paths', async () => {
    const answer = await call(t.sim, '/nowhere');
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ error: 'not_found' });
  });

  it('rejects bad options', async () => {
    await expect(createSimulator({ port: 0, crmBrands: ['Bad Brand'] })).rejects.toThrow(/slug/);
    await expect(createSimulator({ port: 0, seed: 1.5 })).rejects.toThrow(/seed/);
  });
});
