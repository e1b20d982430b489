import { call, sendJson, startSimulator, type TestSimulator } from '../spec-helpers';

const API = '/clienttether/v2/api';
const TOKEN = 'ct-enterprise-demo-token';
const headersFor = (brand: string) => ({ 'x-access-token': TOKEN, 'x-web-key': `CT_${brand}_key` });

interface CtPage {
  ResultCode: string;
  Message: string;
  TotalRecord: number;
  data: Record<string, string>[];
}

describe('clienttether API 2.0', () => {
  let t: TestSimulator;
  beforeEach(async () => {
    t = await startSimulator({ seed: 13 });
  });
  afterEach(() => t.sim.close());

  const get = (path: string, brand = 'acme-fitness') => call(t.sim, `${API}/${path}`, { headers: headersFor(brand) });

  it('needs both the access token and a known web key', async () => {
    const refusals: Record<string, string>[] = [
      {},
      { 'x-access-token': TOKEN },
      { 'x-web-key': 'CT_acme-fitness_key' },
      { 'x-access-token': 'wrong', 'x-web-key': 'CT_acme-fitness_key' },
      { 'x-access-token': TOKEN, 'x-web-key': 'CT_nobody_key' },
    ];
    for (const headers of refusals) {
      const answer = await call(t.sim, `${API}/read_client_list`, { headers });
      expect(answer.status).toBe(401);
      expect(answer.json()).toMatchObject({ ResultCode: 'CT401' });
    }
    expect((await get('read_client_list')).status).toBe(200);
    await call(t.sim, '/_control/vendors/clienttether/faults', sendJson('POST', { type: 'unauthorized', count: 1 }));
    const expired = await get('read_client_list');
    expect(expired.status).toBe(401);
    expect(expired.json()).toMatchObject({ ResultCode: 'CT401' });
  });

  it('selects the brand’s account by web key', async () => {
    const acme = (await get('read_client_list?limit=3')).text;
    const green = (await get('read_client_list?limit=3', 'green-leaf')).text;
    expect(acme).not.toEqual(green);
  });

  it('pages read_client_list with limit/offset to a CT515 end, in ClientTether’s envelope', async () => {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await get(`read_client_list?limit=100&offset=${offset}`)).json<CtPage>();
      if (page.data.length === 0) {
        expect(page).toMatchObject({ ResultCode: 'CT515', Message: 'No Record Found', TotalRecord: 300 });
        break;
      }
      expect(page).toMatchObject({ ResultCode: 'CT200', Message: 'Success', TotalRecord: 300 });
      ids.push(...page.data.map((c) => c.client_id));
    }
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    const [client] = (await get('read_client_list?limit=1')).json<CtPage>().data;
    expect(client).toMatchObject({
      client_id: expect.stringMatching(/^\d+$/) as unknown,
      phone: expect.stringMatching(/^\d{10}$/) as unknown,
      last_modified_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as unknown,
    });
    expect((await get('read_client_list?limit=500')).json<CtPage>().data).toHaveLength(100);
    const bad = await get('read_client_list?limit=abc');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ ResultCode: 'CT400' });
  });

  it('serves opportunities, sales cycles, hot list, history notes and events', async () => {
    const stages = (await get('read_sales_cycle_list')).json<CtPage>().data.map((s) => s.sales_cycle_name);
    expect(stages).toEqual(['Prospect', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']);
    const opportunities = (await get('read_opportunity_list')).json<CtPage>();
    expect(opportunities.TotalRecord).toBe(120);
    expect(stages).toContain(opportunities.data[0].contact_sales_cycle);
    expect((await get('read_hot_list')).json<CtPage>().TotalRecord).toBe(25);
    const notes = (await get('read_history_notes_list')).json<CtPage>();
    expect(notes.TotalRecord).toBe(200);
    const clientId = notes.data[0].client_id;
    const perClient = (await get(`read_client_history_notes/${clientId}`)).json<CtPage>();
    expect(perClient.data.every((n) => n.client_id === clientId)).toBe(true);
    expect(perClient.data.length).toBeGreaterThanOrEqual(1);
  });

  it('windows read_all_events by from_date/end_date and event_type', async () => {
    const day = new Date(t.clock.time).toISOString().slice(0, 10);
    const all = (await get('read_all_events')).json<CtPage>();
    const today = (await get(`read_all_events?from_date=${day}&end_date=${day}`)).json<CtPage>();
    expect(today.TotalRecord).toBe(all.data.filter((e) => e.start_date.startsWith(day)).length);
    const calls = (await get('read_all_events?event_type=call')).json<CtPage>();
    expect(calls.data.every((e) => e.event_type === 'call')).toBe(true);
    expect((await get('read_all_events?from_date=yesterday')).status).toBe(400);
  });

  it('applies a brand-scoped rate_limit fault with ClientTether’s body, and schema_drift', async () => {
    await call(
      t.sim,
      '/_control/vendors/clienttether/faults',
      sendJson('POST', { type: 'rate_limit', brand: 'bright-smiles', retryAfterSeconds: 7 }),
    );
    expect((await get('read_client_list')).status).toBe(200);
    const limited = await get('read_client_list', 'bright-smiles');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json()).toMatchObject({ ResultCode: 'CT429' });
    await call(t.sim, '/_control/vendors/clienttether/faults', sendJson('POST', { type: 'schema_drift' }));
    const drifted = await get('read_client_list?limit=5');
    expect(drifted.text).toContain('"lead_source":');
    expect(drifted.text).not.toContain('"clients_lead_source":');
  });

  it('is deterministic per seed and grows as steps apply', async () => {
    const other = await startSimulator({ seed: 13 });
    try {
      t.sim.advance('clienttether', 4);
      other.sim.advance('clienttether', 4);
      const theirs = await call(other.sim, `${API}/read_client_list?offset=300`, {
        headers: headersFor('acme-fitness'),
      });
      const mine = await get('read_client_list?offset=300');
      expect(mine.text).toEqual(theirs.text);
      expect(mine.json<CtPage>().TotalRecord).toBeGreaterThanOrEqual(304);
      expect(t.sim.state().vendors.crm.steps).toBe(0);
    } finally {
      await other.sim.close();
    }
  });
});
