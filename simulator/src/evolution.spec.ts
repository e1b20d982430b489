import { call, credentials, pmToken, sendJson, startSimulator, type TestSimulator } from './spec-helpers';

const STEP = 15_000;

interface Series {
  metric: string;
  points: [string, number][];
}

describe('evolution', () => {
  let t: TestSimulator;
  let token: string;
  beforeEach(async () => {
    t = await startSimulator({ seed: 11 });
    token = await pmToken(t.sim);
  });
  afterEach(() => t.sim.close());

  const get = (path: string) => {
    const vendor = path.split('/')[1] as Parameters<typeof credentials>[0];
    return call(t.sim, path, { headers: credentials(vendor, token) });
  };
  const newest = <T>(items: T[], stamp: (item: T) => string) => items.map(stamp).sort().at(-1);

  it('changes records and stamps them with the step time as simulator time passes', async () => {
    const before = await get('/pm/v2/projects?per_page=200');
    const tickets = (await get('/ticketing/api/v3/tickets?limit=500')).json<{ total: number }>();
    t.clock.advance(3 * STEP);
    const after = await get('/pm/v2/projects?per_page=200');
    expect(after.text).not.toEqual(before.text);
    const stepTime = new Date(t.clock.time).toISOString();
    const projects = after.json<{ data: { updatedAt: string }[] }>().data;
    expect(newest(projects, (p) => p.updatedAt)).toBe(stepTime);

    const later = (await get('/ticketing/api/v3/tickets?limit=500')).json<{ total: number }>();
    expect(later.total).toBe(tickets.total + 3);
    expect(t.sim.state().vendors.ticketing.steps).toBe(3);
  });

  it('supports incremental polling with updated_since', async () => {
    const all = (await get('/pm/v2/projects?per_page=200')).json<{ data: { updatedAt: string }[] }>().data;
    const watermark = newest(all, (p) => p.updatedAt)!;
    t.clock.advance(STEP);
    const changed = (await get(`/pm/v2/projects?per_page=200&updated_since=${watermark}`)).json<{
      data: { id: string; updatedAt: string }[];
    }>().data;
    const stepTime = new Date(t.clock.time).toISOString();
    expect(changed.filter((p) => p.updatedAt === stepTime).length).toBeGreaterThanOrEqual(2);
    expect(changed.every((p) => p.updatedAt >= watermark)).toBe(true);
  });

  it('evolves every record vendor', async () => {
    const paths = ['/hris/api/departments', '/calendar/v1/events?limit=100', '/crm/api/leads?per_page=500'];
    const before = await Promise.all(paths.map(async (p) => (await get(p)).text));
    t.clock.advance(2 * STEP);
    const after = await Promise.all(paths.map(async (p) => (await get(p)).text));
    paths.forEach((_, i) => expect(after[i]).not.toEqual(before[i]));
  });

  it('does not step between step boundaries', async () => {
    const before = await get('/calendar/v1/events?limit=100');
    t.clock.advance(STEP - 1);
    expect((await get('/calendar/v1/events?limit=100')).text).toEqual(before.text);
  });

  it('applies steps on demand with the advance control', async () => {
    const before = await get('/crm/api/leads?per_page=500');
    const answer = await call(t.sim, '/_control/vendors/crm/advance', sendJson('POST', { steps: 4 }));
    expect(answer.json()).toEqual({ vendor: 'crm', steps: 4, applied: 4, frozen: false });
    const after = await get('/crm/api/leads?per_page=500');
    expect(after.json<{ total_records: number }>().total_records).toBeGreaterThan(
      before.json<{ total_records: number }>().total_records,
    );
  });

  it('gives every new lead its own id, also when one step adds two', async () => {
    await call(t.sim, '/_control/vendors/crm/advance', sendJson('POST', { steps: 40 }));
    const leads = (await get('/crm/api/leads?per_page=500')).json<{ data: Array<{ lead_id: number }> }>().data;
    expect(new Set(leads.map((l) => l.lead_id)).size).toBe(leads.length);
  });

  it('adds a metrics point every 10 s of simulator time', async () => {
    const series = async () => (await get('/metrics/api/v1/series')).json<{ series: Series[] }>().series;
    const first = await series();
    // 28 series: failed_auth_attempts and audit_events_today are measured by Switchyard itself.
    expect(first).toHaveLength(28);
    expect(first[0].points).toHaveLength(360);
    t.clock.advance(30_000);
    const second = await series();
    expect(Date.parse(second[0].points.at(-1)![0]) - Date.parse(first[0].points.at(-1)![0])).toBe(30_000);
    const since = first[0].points.at(-1)![0];
    const fresh = (await get(`/metrics/api/v1/series?since=${since}`)).json<{ series: Series[] }>().series;
    expect(fresh[0].points).toHaveLength(3);
  });

  it('freezes a vendor: answers stay 200, data and timestamps stop, then resume without a jump', async () => {
    const frozen = await call(t.sim, '/_control/vendors/pm/faults', sendJson('POST', { type: 'frozen' }));
    expect(frozen.status).toBe(201);
    const before = await get('/pm/v2/projects?per_page=200');
    t.clock.advance(10 * STEP);
    const during = await get('/pm/v2/projects?per_page=200');
    expect(during.status).toBe(200);
    expect(during.text).toEqual(before.text);
    expect(t.sim.state().vendors.pm).toMatchObject({ frozen: true, steps: 0 });

    // advance is refused while frozen too
    expect(t.sim.advance('pm', 3)).toEqual({ steps: 0, applied: 0, frozen: true });

    await call(t.sim, '/_control/vendors/pm/faults', { method: 'DELETE' });
    t.clock.advance(STEP);
    const after = await get('/pm/v2/projects?per_page=200');
    expect(after.text).not.toEqual(before.text);
    expect(t.sim.state().vendors.pm).toMatchObject({ frozen: false, steps: 1 });
  });

  it('freezes metrics: the newest point stops moving and the freeze leaves a gap', async () => {
    const newestPoint = async () => {
      const answer = await get('/metrics/api/v1/series');
      expect(answer.status).toBe(200);
      const body = answer.json<{ asOf: string; series: Series[] }>();
      return { newest: body.series[0].points.at(-1)![0], asOf: body.asOf, count: body.series[0].points.length };
    };
    t.sim.addFault('metrics', { type: 'frozen', durationMs: 60_000 });
    const start = await newestPoint();
    t.clock.advance(40_000);
    const during = await newestPoint();
    expect(during.newest).toBe(start.newest);
    expect(during.asOf).toBe(start.asOf);
    t.clock.advance(40_000);
    const after = await newestPoint();
    expect(Date.parse(after.newest)).toBeGreaterThan(Date.parse(start.newest));
    expect(after.count).toBeLessThan(360);
  });

  it('stops hris generatedAt while frozen', async () => {
    t.sim.addFault('hris', { type: 'frozen' });
    const a = (await get('/hris/api/departments')).json<{ generatedAt: string }>();
    t.clock.advance(5 * STEP);
    const b = (await get('/hris/api/departments')).json<{ generatedAt: string }>();
    expect(b.generatedAt).toBe(a.generatedAt);
  });
});
