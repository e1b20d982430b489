import { basicAuth, call, sendJson, startSimulator, type TestSimulator } from '../spec-helpers';

type Incident = Record<string, unknown> & { sys_id: string; number: string; sys_updated_on: string };
const TABLE = '/servicenow/api/now/table/incident';
const auth = { authorization: basicAuth('switchyard.integration', 'servicenow-demo-password') };

describe('servicenow Table API', () => {
  let t: TestSimulator;
  beforeEach(async () => {
    t = await startSimulator({ seed: 11 });
  });
  afterEach(() => t.sim.close());

  const get = (path: string, headers: Record<string, string> = auth) => call(t.sim, path, { headers });
  const links = (header: string | null) =>
    Object.fromEntries(
      (header ?? '').split(',').map((part) => {
        const [, url, rel] = /^<([^>]+)>;rel="(\w+)"$/.exec(part) ?? [];
        return [rel, new URL(url)];
      }),
    );

  it('refuses missing or wrong Basic credentials with ServiceNow’s 401 body, and a user without the role with 403', async () => {
    const refusals: Record<string, string>[] = [{}, { authorization: basicAuth('switchyard.integration', 'wrong') }];
    for (const headers of refusals) {
      const answer = await get(TABLE, headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('BASIC realm="Service-now"');
      expect(answer.json()).toEqual({
        error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
        status: 'failure',
      });
    }
    const noRole = await get(TABLE, { authorization: basicAuth('no.roles', 'servicenow-demo-password') });
    expect(noRole.status).toBe(403);
    expect(noRole.json()).toMatchObject({ error: { message: 'User Not Authorized' }, status: 'failure' });
  });

  it('answers incidents under result in ServiceNow’s field formats', async () => {
    const answer = await get(`${TABLE}?sysparm_limit=1`);
    expect(answer.status).toBe(200);
    const [incident] = answer.json<{ result: Incident[] }>().result;
    expect(incident.sys_id).toMatch(/^[0-9a-f]{32}$/);
    expect(incident.number).toMatch(/^INC\d{7}$/);
    expect(incident.sys_updated_on).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(['1', '2', '3', '6', '7']).toContain(incident['state']);
    expect(['1', '2', '3', '4']).toContain(incident['priority']);
    expect(incident['assignment_group']).toEqual({
      link: expect.stringMatching(/\/servicenow\/api\/now\/table\/sys_user_group\/[0-9a-f]{32}$/) as unknown,
      value: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
    });
    const shown = (await get(`${TABLE}?sysparm_limit=1&sysparm_display_value=true`)).json<{ result: Incident[] }>();
    expect(shown.result[0]['priority']).toMatch(/^\d - (Critical|High|Moderate|Low)$/);
    const both = await get(`${TABLE}?sysparm_limit=1&sysparm_display_value=all&sysparm_fields=number,state`);
    const [row] = both.json<{ result: Record<string, { value: string; display_value: string }>[] }>().result;
    expect(Object.keys(row)).toEqual(['number', 'state']);
    expect(row['state'].display_value).toMatch(/^(New|In Progress|On Hold|Resolved|Closed)$/);
  });

  it('pages with sysparm_limit/offset, X-Total-Count and a Link header whose next ends at last', async () => {
    const seen: string[] = [];
    let path: string | null = `${TABLE}?sysparm_limit=7&sysparm_query=ORDERBYnumber`;
    let total = 0;
    let last = '';
    while (path) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      total = Number(answer.headers.get('x-total-count'));
      const rels = links(answer.headers.get('link'));
      expect(rels['first'].searchParams.get('sysparm_offset')).toBe('0');
      expect(rels['first'].searchParams.get('sysparm_query')).toBe('ORDERBYnumber');
      last = rels['last'].searchParams.get('sysparm_offset') ?? '';
      const page = answer.json<{ result: Incident[] }>().result;
      expect(page.length).toBeLessThanOrEqual(7);
      seen.push(...page.map((i) => i.number));
      const next = rels['next'] as URL | undefined;
      if (!next) expect(new URL(path, t.sim.url).searchParams.get('sysparm_offset') ?? '0').toBe(last);
      path = next ? next.pathname + next.search : null;
    }
    expect(total).toBe(50);
    expect(seen).toHaveLength(50);
    expect(seen).toEqual([...seen].sort());
    const bad = await get(`${TABLE}?sysparm_offset=-1`);
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { detail: 'Negative offset is not supported' }, status: 'failure' });
  });

  it('filters incrementally with sys_updated_on>= in sysparm_query', async () => {
    const since = new Date(t.clock.time).toISOString().slice(0, 19).replace('T', ' ');
    t.clock.advance(60_000);
    await get(TABLE);
    const query = encodeURIComponent(`sys_updated_on>=${since}^ORDERBYsys_updated_on`);
    const changed = await get(`${TABLE}?sysparm_query=${query}`);
    const result = changed.json<{ result: Incident[] }>().result;
    expect(result.length).toBeGreaterThanOrEqual(1);
    expect(result.every((i) => i.sys_updated_on >= since)).toBe(true);
    expect(changed.headers.get('x-total-count')).toBe(String(result.length));
    const dated = `sys_updated_on>javascript:gs.dateGenerate('${since.slice(0, 10)}','${since.slice(11)}')`;
    const viaDate = await get(`${TABLE}?sysparm_query=${encodeURIComponent(dated)}`);
    expect(viaDate.json<{ result: Incident[] }>().result.length).toBeGreaterThanOrEqual(1);
    const bad = await get(`${TABLE}?sysparm_query=${encodeURIComponent('nonsense>=1')}`);
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ status: 'failure' });
    expect((await get('/servicenow/api/now/table/problem')).json()).toEqual({
      error: { message: 'Invalid table problem', detail: null },
      status: 'failure',
    });
  });

  it('sends rate limit headers, and a rate_limit fault answers 429 with Retry-After and ServiceNow’s body', async () => {
    const ok = await get(TABLE);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(Number(ok.headers.get('x-ratelimit-reset'))).toBeGreaterThan(t.clock.time / 1000);
    await call(t.sim, '/_control/vendors/servicenow/faults', sendJson('POST', { type: 'rate_limit', count: 1 }));
    const limited = await get(TABLE);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.json()).toMatchObject({ error: { message: 'Rate limit exceeded' }, status: 'failure' });
    expect((await get(TABLE)).status).toBe(200);
    expect((await get('/ticketing/api/v3/tickets', { authorization: 'Bearer ticketing-demo-token' })).status).toBe(200);
  });

  it('drifts priority to u_priority under schema_drift', async () => {
    await call(t.sim, '/_control/vendors/servicenow/faults', sendJson('POST', { type: 'schema_drift' }));
    const answer = await get(`${TABLE}?sysparm_limit=3`);
    expect(answer.text).toContain('"u_priority":');
    expect(answer.text).not.toContain('"priority":');
  });

  it('mirrors the ticketing model’s incidents, in the same order', async () => {
    const tickets = await get('/ticketing/api/v3/tickets?limit=500', { authorization: 'Bearer ticketing-demo-token' });
    const numbers = tickets
      .json<{ tickets: { number: string; kind: string }[] }>()
      .tickets.filter((k) => k.kind === 'incident')
      .map((k) => k.number);
    const incidents = (await get(`${TABLE}?sysparm_fields=number`)).json<{ result: { number: string }[] }>();
    expect(incidents.result.map((r) => r.number)).toEqual(numbers);
  });

  it('gives the same records for the same seed and steps', async () => {
    const other = await startSimulator({ seed: 11 });
    try {
      t.sim.advance('servicenow', 5);
      other.sim.advance('servicenow', 5);
      const mine = (await get(TABLE)).text;
      const theirs = (await call(other.sim, TABLE, { headers: auth })).text;
      expect(mine).toEqual(theirs.replaceAll(other.sim.url, t.sim.url));
      const different = await startSimulator({ seed: 12 });
      const elsewhere = (await call(different.sim, TABLE, { headers: auth })).text;
      await different.sim.close();
      expect(elsewhere.replaceAll(different.sim.url, t.sim.url)).not.toEqual(mine);
    } finally {
      await other.sim.close();
    }
  });
});
