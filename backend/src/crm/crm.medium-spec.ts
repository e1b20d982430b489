import type {
  ApiErrorResponse,
  CrmActivityPage,
  CrmHotListPage,
  CrmLeadDetail,
  CrmLeadPage,
  CrmLeadStats,
  CrmNotePage,
  CrmPipeline,
  CrmSyncStatus,
  DataScopes,
} from '@switchyard/contracts';
import { startDomainTestbed, type DomainTestbed } from '../../test/support/domain-testbed';
import { jsonWithoutTimes } from '../../test/support/json-without-times';

const ACME = 'acme-fitness';
const BRIGHT = 'bright-smiles';
const ACME_ONLY: DataScopes = { tenants: [ACME], departments: '*', teams: '*', portfolios: '*' };

describe('CRM API', () => {
  let bed: DomainTestbed;
  const get = <T>(path: string) => bed.getAs<T>('executive', path);

  beforeAll(async () => {
    bed = await startDomainTestbed();
  });

  afterAll(async () => {
    await bed.close();
  });

  const expectFieldError = async (path: string, field: string) => {
    const response = await get<ApiErrorResponse>(path);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields?.map((f) => f.field)).toContain(field);
  };

  describe('leads', () => {
    it('lists leads newest first with freshness from the leads source only', async () => {
      const { status, body } = await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&pageSize=50`);
      expect(status).toBe(200);
      expect(body.total).toBeGreaterThan(50);
      expect(body.items).toHaveLength(50);
      const created = body.items.map((l) => l.createdAt);
      expect([...created].sort().reverse()).toEqual(created);
      expect(body.freshness.sources.map((s) => s.id)).toEqual([`crm-${ACME}-leads`]);
      expect(body.freshness.state).not.toBe('unavailable');
    });

    it('filters by status and source, singly and combined', async () => {
      const all = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}`)).body.total;
      const byStatus = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&status=New&pageSize=200`)).body;
      expect(byStatus.total).toBeGreaterThan(0);
      expect(byStatus.total).toBeLessThan(all);
      expect(byStatus.items.every((l) => l.status === 'New')).toBe(true);
      const bySource = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&source=Website&pageSize=200`)).body;
      expect(bySource.total).toBeGreaterThan(0);
      expect(bySource.items.every((l) => l.source === 'Website')).toBe(true);
      const both = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&status=New&source=Website&pageSize=200`)).body;
      expect(both.items.every((l) => l.status === 'New' && l.source === 'Website')).toBe(true);
      expect(both.total).toBeLessThanOrEqual(Math.min(byStatus.total, bySource.total));
    });

    it('searches by name or email with q', async () => {
      const first = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&pageSize=1`)).body.items[0];
      const name = first.lastName ?? first.email ?? '';
      expect(name).not.toBe('');
      const found = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&q=${encodeURIComponent(name)}&pageSize=200`))
        .body;
      expect(found.items.map((l) => l.id)).toContain(first.id);
      const none = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&q=zzqqxxnotaname`)).body;
      expect(none).toMatchObject({ total: 0, items: [] });
    });

    it('answers one lead, and 404 for an unknown id', async () => {
      const first = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&pageSize=1`)).body.items[0];
      const one = await get<CrmLeadDetail>(`/crm/leads/${first.id}?tenant=${ACME}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ ...first, freshness: { sources: [{ id: `crm-${ACME}-leads` }] } });
      expect((await get<ApiErrorResponse>(`/crm/leads/no-such-lead?tenant=${ACME}`)).body.error.code).toBe('NOT_FOUND');
    });

    it('counts leads by source and status, adding up to the total', async () => {
      const total = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}`)).body.total;
      const { status, body } = await get<CrmLeadStats>(`/crm/leads/stats?tenant=${ACME}`);
      expect(status).toBe(200);
      expect(body.total).toBe(total);
      const sum = (counts: CrmLeadStats['bySource']) => counts.reduce((s, c) => s + c.count, 0);
      expect(sum(body.bySource)).toBe(total);
      expect(sum(body.byStatus)).toBe(total);
      const newCount = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&status=New`)).body.total;
      expect(body.byStatus.find((c) => c.key === 'New')).toEqual({
        key: 'New',
        count: newCount,
        share: newCount / total,
      });
      expect(body.freshness.sources.map((s) => s.id)).toEqual([`crm-${ACME}-leads`]);
    });
  });

  describe('pagination and validation', () => {
    it('answers a page past the end with no items and the right total', async () => {
      const total = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}`)).body.total;
      const past = await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&page=1000&pageSize=200`);
      expect(past.status).toBe(200);
      expect(past.body).toMatchObject({ items: [], total, page: 1000, pageSize: 200 });
      const last = await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&page=${Math.ceil(total / 200)}&pageSize=200`);
      expect(last.body.items).toHaveLength(total % 200 || 200);
    });

    it.each([
      ['/crm/leads?tenant=acme-fitness&pageSize=201', 'pageSize'],
      ['/crm/leads?tenant=acme-fitness&status=Sleeping', 'status'],
      ['/crm/leads?tenant=acme-fitness&source=Carrier%20Pigeon', 'source'],
      ['/crm/leads?tenant=acme-fitness&colour=blue', 'colour'],
      ['/crm/leads', 'tenant'],
      ['/crm/pipeline', 'tenant'],
      ['/crm/hot-list?tenant=acme-fitness&status=Warm', 'status'],
      ['/crm/notes?tenant=acme-fitness&pageSize=500', 'pageSize'],
      ['/crm/schedule?tenant=acme-fitness&status=Postponed', 'status'],
      ['/crm/schedule?tenant=acme-fitness&from=tomorrow', 'from'],
      ['/crm/sync-status?tenant=Not%20A%20Tenant', 'tenant'],
    ])('refuses %s with 400 naming %s', async (path, field) => {
      await expectFieldError(path, field);
    });
  });

  describe('pipeline', () => {
    it('answers stages in funnel order whose counts and values add up to the totals', async () => {
      const { status, body } = await get<CrmPipeline>(`/crm/pipeline?tenant=${ACME}`);
      expect(status).toBe(200);
      expect(body.stages.slice(0, 6).map((s) => s.stage)).toEqual([
        'Prospect',
        'Discovery',
        'Proposal',
        'Negotiation',
        'Closed Won',
        'Closed Lost',
      ]);
      expect(body.totals.count).toBeGreaterThan(0);
      expect(body.stages.reduce((s, x) => s + x.count, 0)).toBe(body.totals.count);
      for (const stage of body.stages) {
        expect(stage.weightedValue).toBeLessThanOrEqual(stage.totalValue + 1e-6);
        expect(stage.averageValue).toBe(stage.count === 0 ? null : stage.totalValue / stage.count);
      }
      expect(body.progression).toHaveLength(8);
      expect(body.progression.every((w) => w.entered.length === body.stages.length)).toBe(true);
      expect(body.freshness.sources.map((s) => s.id)).toEqual([`crm-${ACME}-pipeline`]);
    });
  });

  describe('hot list', () => {
    it('orders by priority, then most recent activity, and filters by status', async () => {
      const { body } = await get<CrmHotListPage>(`/crm/hot-list?tenant=${ACME}&pageSize=200`);
      expect(body.total).toBeGreaterThan(0);
      const keys = body.items.map((h) => [h.priority, h.lastActivityAt ?? ''] as const);
      for (let i = 1; i < keys.length; i++) {
        const [p0, a0] = keys[i - 1];
        const [p1, a1] = keys[i];
        expect(p0 < p1 || (p0 === p1 && (a1 === '' || a0 >= a1))).toBe(true);
      }
      const active = (await get<CrmHotListPage>(`/crm/hot-list?tenant=${ACME}&status=Active&pageSize=200`)).body;
      expect(active.items.every((h) => h.status === 'Active')).toBe(true);
      expect(active.total).toBe(body.items.filter((h) => h.status === 'Active').length);
      const paged = (await get<CrmHotListPage>(`/crm/hot-list?tenant=${ACME}&page=2&pageSize=5`)).body;
      expect(paged.items.map((h) => h.id)).toEqual(body.items.slice(5, 10).map((h) => h.id));
      expect(paged.freshness.sources.map((s) => s.id)).toEqual([`crm-${ACME}-hot-list`]);
    });
  });

  describe('notes', () => {
    it('lists notes newest first with a 200-character summary', async () => {
      const { body } = await get<CrmNotePage>(`/crm/notes?tenant=${ACME}&pageSize=100`);
      expect(body.total).toBeGreaterThan(0);
      const dates = body.items.map((n) => n.date);
      expect([...dates].sort().reverse()).toEqual(dates);
      for (const note of body.items) {
        expect(note.summary).toBe(note.body.slice(0, 200));
        expect(Object.keys(note).sort()).toEqual(['author', 'body', 'date', 'id', 'leadId', 'summary']);
      }
      expect(body.freshness.sources.map((s) => s.id)).toEqual([`crm-${ACME}-notes`]);
    });

    it('finds a note by a word of its body, and combines search with the author filter', async () => {
      const note = (await get<CrmNotePage>(`/crm/notes?tenant=${ACME}&pageSize=1`)).body.items[0];
      const word = note.body
        .split(/[^A-Za-z]+/)
        .filter((w) => w.length >= 5)
        .sort((a, b) => b.length - a.length)[0];
      expect(word).toBeDefined();
      const found = (await get<CrmNotePage>(`/crm/notes?tenant=${ACME}&q=${word}&pageSize=200`)).body;
      expect(found.items.map((n) => n.id)).toContain(note.id);
      const missing = (await get<CrmNotePage>(`/crm/notes?tenant=${ACME}&q=xylophonequark`)).body;
      expect(missing).toMatchObject({ items: [], total: 0 });

      const author = note.author ?? '';
      const byAuthor = (
        await get<CrmNotePage>(`/crm/notes?tenant=${ACME}&author=${encodeURIComponent(author)}&pageSize=200`)
      ).body;
      expect(byAuthor.items.every((n) => n.author === author)).toBe(true);
      expect(byAuthor.items.map((n) => n.id)).toContain(note.id);
      const both = (
        await get<CrmNotePage>(`/crm/notes?tenant=${ACME}&q=${word}&author=${encodeURIComponent(author)}&pageSize=200`)
      ).body;
      expect(both.items.map((n) => n.id)).toContain(note.id);
      expect(both.total).toBeLessThanOrEqual(Math.min(found.total, byAuthor.total));
    });
  });

  describe('schedule', () => {
    it('lists activities from a date, soonest first, filtered by status', async () => {
      const from = '2000-01-01T00:00:00Z';
      const all = (await get<CrmActivityPage>(`/crm/schedule?tenant=${ACME}&from=${from}&pageSize=200`)).body;
      expect(all.total).toBeGreaterThan(0);
      const times = all.items.map((a) => a.scheduledFor);
      expect([...times].sort()).toEqual(times);
      const upcoming = (await get<CrmActivityPage>(`/crm/schedule?tenant=${ACME}&pageSize=200`)).body;
      const now = new Date().toISOString();
      expect(upcoming.total).toBeLessThanOrEqual(all.total);
      expect(upcoming.items.every((a) => a.scheduledFor >= now.slice(0, 10))).toBe(true);
      const scheduled = (
        await get<CrmActivityPage>(`/crm/schedule?tenant=${ACME}&from=${from}&status=Scheduled&pageSize=200`)
      ).body;
      expect(scheduled.items.every((a) => a.status === 'Scheduled')).toBe(true);
      expect(scheduled.total).toBe(all.items.filter((a) => a.status === 'Scheduled').length);
      const later = all.items[Math.floor(all.items.length / 2)].scheduledFor;
      const fromLater = (await get<CrmActivityPage>(`/crm/schedule?tenant=${ACME}&from=${later}&pageSize=200`)).body;
      expect(fromLater.items.every((a) => a.scheduledFor >= later)).toBe(true);
      expect(fromLater.freshness.sources.map((s) => s.id)).toEqual([`crm-${ACME}-schedule`]);
    });

    it("names each activity's lead, as the lead list spells it", async () => {
      const all = (await get<CrmActivityPage>(`/crm/schedule?tenant=${ACME}&from=2000-01-01T00:00:00Z&pageSize=50`))
        .body;
      const withLead = all.items.filter((a) => a.leadId);
      expect(withLead.length).toBeGreaterThan(0);
      for (const activity of withLead.slice(0, 5)) {
        const lead = (await get<CrmLeadDetail>(`/crm/leads/${activity.leadId}?tenant=${ACME}`)).body;
        const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ') || null;
        expect({ id: activity.leadId, name: activity.leadName }).toEqual({ id: activity.leadId, name });
      }
    });
  });

  describe('tenant isolation', () => {
    const scoped = <T>(path: string) => bed.getAs<T>('business_admin', path, { scopes: ACME_ONLY });

    it.each([
      `/crm/leads?tenant=${BRIGHT}`,
      `/crm/leads/stats?tenant=${BRIGHT}`,
      `/crm/pipeline?tenant=${BRIGHT}`,
      `/crm/hot-list?tenant=${BRIGHT}`,
      `/crm/notes?tenant=${BRIGHT}`,
      `/crm/schedule?tenant=${BRIGHT}`,
      `/crm/sync-status?tenant=${BRIGHT}`,
      '/crm/leads?tenant=no-such-brand',
    ])('answers 404 with no data for %s outside the scopes', async (path) => {
      const response = await scoped<ApiErrorResponse>(path);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
      expect(JSON.stringify(response.body)).not.toContain('items');
    });

    it("answers 404 for another tenant's lead id and never shows that lead through the caller's tenant", async () => {
      const brightLead = (await get<CrmLeadPage>(`/crm/leads?tenant=${BRIGHT}&pageSize=1`)).body.items[0];
      expect(brightLead.email).not.toBeNull();
      const direct = await scoped<ApiErrorResponse>(`/crm/leads/${brightLead.id}?tenant=${BRIGHT}`);
      expect(direct.status).toBe(404);
      expect(JSON.stringify(direct.body)).not.toContain(String(brightLead.email));
      // Upstream ids may repeat across brands: through acme-fitness the same id is acme's lead or nothing.
      const viaOwnTenant = await scoped<CrmLeadDetail>(`/crm/leads/${brightLead.id}?tenant=${ACME}`);
      expect([200, 404]).toContain(viaOwnTenant.status);
      expect(JSON.stringify(viaOwnTenant.body)).not.toContain(String(brightLead.email));
      expect((await scoped<CrmLeadPage>(`/crm/leads?tenant=${ACME}`)).status).toBe(200);
    });

    it('never answers a page another caller cached for a tenant outside the scopes', async () => {
      const path = `/crm/leads?tenant=${BRIGHT}&pageSize=7`;
      const first = await get<CrmLeadPage>(path);
      expect(first.status).toBe(200);
      expect((await get<CrmLeadPage>(path)).body).toEqual(expect.objectContaining({ items: first.body.items }));
      const refused = await scoped<ApiErrorResponse>(path);
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).not.toContain(first.body.items[0].id);
    });

    it('lists only the tenants in scope in the sync status', async () => {
      const mine = await scoped<CrmSyncStatus>('/crm/sync-status');
      expect(mine.body.tenants.map((t) => t.tenant)).toEqual([ACME]);
      const everyone = await get<CrmSyncStatus>('/crm/sync-status');
      expect(everyone.body.tenants.map((t) => t.tenant)).toEqual([ACME, BRIGHT]);
      for (const tenant of everyone.body.tenants) {
        expect(tenant.sources).toHaveLength(5);
        expect(tenant.lastSuccessAt).not.toBeNull();
        expect(tenant.sources.every((s) => s.id.startsWith(`crm-${tenant.tenant}-`))).toBe(true);
      }
    });
  });

  describe('a failed sync', () => {
    it('keeps serving the last good leads and shows the error in freshness and sync status', async () => {
      const sourceId = `crm-${ACME}-leads`;
      const first = await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}&pageSize=200`);
      const before = first.body;
      const lastSuccessAt = before.freshness.sources[0].lastSuccessAt;
      expect(lastSuccessAt).not.toBeNull();
      // The page's tag holds while nothing changed, whoever asks (the page itself is shared)...
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[\w-]+"$/);
      const unchanged = { headers: { 'if-none-match': etag } };
      expect((await bed.getAs('executive', `/crm/leads?tenant=${ACME}&pageSize=200`, unchanged)).status).toBe(304);

      bed.simulator.addFault('clienttether', { type: 'server_error', status: 503, brand: ACME });
      const run = await bed.sync(sourceId);
      expect(run.status).toBe('failed');

      // ...and a change of freshness alone is a new answer, even with the same leads.
      const after = await bed.getAs<CrmLeadPage>('executive', `/crm/leads?tenant=${ACME}&pageSize=200`, unchanged);
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(after.body.total).toBe(before.total);
      expect(after.body.items.map((l) => l.id)).toEqual(before.items.map((l) => l.id));
      expect(after.body.freshness.sources[0]).toMatchObject({ id: sourceId, lastSuccessAt });

      const source = await bed.source(sourceId);
      expect(source.status.lastSuccessAt).toBe(lastSuccessAt);
      expect(source.status.lastError).not.toBeNull();
      expect(source.status.lastError?.message).toMatch(/503/);

      // The upstream's own words only for roles allowed raw data; CRM readers get a generic message.
      const asAdmin = await bed.getAs<CrmSyncStatus>('master_admin', `/crm/sync-status?tenant=${ACME}`);
      const leads = asAdmin.body.tenants[0].sources.find((s) => s.id === sourceId);
      expect(leads).toMatchObject({ lastSuccessAt, lastError: { message: expect.stringMatching(/503/) as unknown } });
      const status = (await get<CrmSyncStatus>(`/crm/sync-status?tenant=${ACME}`)).body.tenants[0];
      const forReader = status.sources.find((s) => s.id === sourceId);
      expect(forReader).toMatchObject({ lastSuccessAt, lastError: { code: leads?.lastError?.code } });
      expect(jsonWithoutTimes(status)).not.toMatch(/503/);
    });
  });
});
