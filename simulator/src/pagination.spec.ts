import { call, credentials, pmToken, startSimulator, type TestSimulator } from './spec-helpers';

interface PmPage {
  data: { id: string; updatedAt: string }[];
  meta: { page: number; perPage: number; total: number; totalPages: number };
}

describe('pagination', () => {
  let t: TestSimulator;
  let token: string;
  beforeAll(async () => {
    t = await startSimulator({ seed: 3 });
    token = await pmToken(t.sim);
  });
  afterAll(() => t.sim.close());

  const get = (path: string) => {
    const vendor = path.split('/')[1] as Parameters<typeof credentials>[0];
    return call(t.sim, path, { headers: credentials(vendor, token) });
  };

  it('pages pm lists with page/per_page and a meta block, capping per_page at 200', async () => {
    const first = (await get('/pm/v2/risks?page=1&per_page=25')).json<PmPage>();
    expect(first.meta).toEqual({ page: 1, perPage: 25, total: 60, totalPages: 3 });
    const third = (await get('/pm/v2/risks?page=3&per_page=25')).json<PmPage>();
    expect(third.data).toHaveLength(10);
    expect(new Set([...first.data, ...third.data].map((r) => r.id)).size).toBe(35);
    expect((await get('/pm/v2/projects')).json<PmPage>().meta).toMatchObject({ perPage: 50, total: 24, totalPages: 1 });
    expect((await get('/pm/v2/financials?per_page=1000')).json<PmPage>().meta).toMatchObject({
      perPage: 200,
      total: 288,
    });
    expect((await get('/pm/v2/risks?page=9')).json<PmPage>().data).toEqual([]);
  });

  it('filters pm lists by updated_since (inclusive)', async () => {
    const all = (await get('/pm/v2/risks?per_page=200')).json<PmPage>().data;
    const cut = all.map((r) => r.updatedAt).sort()[30];
    const recent = (await get(`/pm/v2/risks?per_page=200&updated_since=${cut}`)).json<PmPage>();
    expect(recent.meta.total).toBe(all.filter((r) => r.updatedAt >= cut).length);
    expect(recent.data.every((r) => r.updatedAt >= cut)).toBe(true);
  });

  it('pages ticketing with offset/limit, capping limit at 500, and filters by updated_after', async () => {
    const page = (await get('/ticketing/api/v3/tickets?offset=70&limit=20')).json<{
      tickets: { number: string; updatedAt: string }[];
      total: number;
      offset: number;
      limit: number;
    }>();
    expect(page).toMatchObject({ total: 80, offset: 70, limit: 20 });
    expect(page.tickets).toHaveLength(10);
    expect((await get('/ticketing/api/v3/tickets?limit=9999')).json<{ limit: number }>().limit).toBe(500);
    const since = new Date(t.clock.time).toISOString();
    t.sim.advance('ticketing', 2);
    const changed = (await get(`/ticketing/api/v3/tickets?updated_after=${since}`)).json<{ total: number }>();
    expect(changed.total).toBeGreaterThanOrEqual(2);
  });

  it('walks calendar events with an opaque cursor, capping limit at 100', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await get(`/calendar/v1/events?limit=7${query}`)).json<{
        items: { id: string }[];
        nextCursor: string | null;
      }>();
      expect(page.items.length).toBeLessThanOrEqual(7);
      ids.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const big = (await get('/calendar/v1/events?limit=500')).json<{ items: unknown[]; nextCursor: null }>();
    expect(big.items).toHaveLength(30);
    expect(big.nextCursor).toBeNull();
    const bad = await get('/calendar/v1/events?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_cursor' });
  });

  it('pages CRM lists the ClientTether way, capping per_page at 500', async () => {
    const page = (await get('/crm/api/leads?page=2&per_page=120')).json<{
      status: string;
      total_records: number;
      current_page: number;
      per_page: number;
      last_page: number;
      data: { lead_id: number; created_at: string }[];
    }>();
    expect(page).toMatchObject({ status: 'success', current_page: 2, per_page: 120, last_page: 3 });
    expect(page.total_records).toBe(300);
    expect(page.data).toHaveLength(120);
    expect(page.data[0].created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await get('/crm/api/notes?per_page=2000')).json<{ per_page: number }>().per_page).toBe(500);
    for (const list of ['pipeline', 'hot-list', 'notes', 'schedule']) {
      expect((await get(`/crm/api/${list}`)).status).toBe(200);
    }
  });

  it('answers 400 for malformed paging parameters', async () => {
    expect((await get('/pm/v2/projects?page=0')).status).toBe(400);
    expect((await get('/pm/v2/projects?per_page=abc')).status).toBe(400);
    expect((await get('/pm/v2/projects?updated_since=yesterday')).status).toBe(400);
    expect((await get('/ticketing/api/v3/tickets?offset=-1')).status).toBe(400);
    expect((await get('/crm/api/leads?page=x')).json()).toMatchObject({ error: 'invalid_request' });
  });

  it('sizes CRM brands with crmRecordsPerBrand', async () => {
    const big = await startSimulator({ crmRecordsPerBrand: { leads: 1200 } });
    try {
      const answer = await call(big.sim, '/crm/api/leads?per_page=1', { headers: credentials('crm') });
      expect(answer.json<{ total_records: number; last_page: number }>()).toMatchObject({
        total_records: 1200,
        last_page: 1200,
      });
    } finally {
      await big.sim.close();
    }
  });
});
