import type {
  ApiErrorResponse,
  CrmActivity,
  CrmHotListItem,
  CrmLeadPage,
  CrmLeadStats,
  CrmNotePage,
  CrmPipeline,
  CrmSyncStatus,
  EventsPage,
  Freshness,
  IncidentsPage,
  Page,
  PeoplePage,
  ProjectView,
  UpstreamHealth,
  WorkplaceSummary,
} from '@switchyard/contracts';
import { ALL_DATA, FRESHNESS_STATES } from '@switchyard/contracts';
import { startDomainTestbed, TEST_BRANDS, type DomainTestbed } from '../../test/support/domain-testbed';
import { jsonWithoutTimes } from '../../test/support/json-without-times';
import { connectLive, waitUntil } from '../../test/support/live-client';
import { ClientsService } from '../auth';

/**
 * Seeds 000 (workplace live data) and 004 (CRM sync dashboards) read as an integrator would:
 * one test per documented request, each quoting the blueprint line it checks.
 */
type ProjectPage = Page<ProjectView> & { freshness: Freshness };
const ACME = TEST_BRANDS[0];

describe('blueprints 000 and 004: workplace and CRM', () => {
  let bed: DomainTestbed;
  const get = <T>(path: string) => bed.getAs<T>('executive', path);

  // Every demo source syncs once first: on a loaded machine that takes longer than one test.
  beforeAll(async () => {
    bed = await startDomainTestbed();
  });

  afterAll(async () => {
    await bed.close();
  }, 180_000);

  describe('seed 000', () => {
    it('"`GET /api/v1/projects` … `?status=active&team=eng`": active means every status but Completed', async () => {
      const all = (await get<ProjectPage>('/projects?limit=1000')).body.items;
      const active = await get<ProjectPage>('/projects?status=active&limit=1000');
      expect(active.status).toBe(200);
      expect(active.body.total).toBe(all.filter((p) => p.status !== 'Completed').length);
      const withTeam = await get<ProjectPage>('/projects?status=active&team=eng');
      expect(withTeam.status).toBe(200);
      expect(withTeam.body.items.every((p) => p.team === 'eng' && p.status !== 'Completed')).toBe(true);
    });

    it('"\\"status\\": \\"at-risk\\"": the kebab-case status filters like At Risk', async () => {
      const kebab = (await get<ProjectPage>('/projects?status=at-risk&limit=1000')).body;
      const named = (await get<ProjectPage>('/projects?status=At%20Risk&limit=1000')).body;
      expect(kebab.items.map((p) => p.id)).toEqual(named.items.map((p) => p.id));
    });

    it('"`?departments=ops,eng&date=2024-05-01`": open tickets as of the date, staffing named as today’s', async () => {
      const today = (await get<WorkplaceSummary>('/summary')).body;
      expect(today.figuresAsOfNow).toEqual([]);
      const ids = today.departments.slice(0, 2).map((d) => d.id);
      const { status, body } = await get<WorkplaceSummary>(
        `/summary?departments=${encodeURIComponent(ids.join(','))}&date=2024-05-01`,
      );
      expect(status).toBe(200);
      expect(body.date).toBe('2024-05-01');
      expect(body.figuresAsOfNow).toEqual(['headcount', 'openRoles', 'utilisation']);
      const end = '2024-05-01T23:59:59.999Z';
      for (const d of body.departments) {
        const tickets = (
          await get<IncidentsPage>(`/incidents?department=${encodeURIComponent(d.id)}&kind=incident&pageSize=200`)
        ).body.items;
        const openThen = tickets.filter(
          (t) =>
            new Date(t.reportedAt).toISOString() <= end &&
            (['new', 'in_progress', 'on_hold'].includes(t.state) || (t.resolvedAt !== null && t.resolvedAt > end)),
        );
        expect(d.metrics.openIncidents).toBe(openThen.length);
      }
    });

    it('"`?state=open&severity=high`": open high tickets only, repeated severity like a comma list', async () => {
      const { status, body } = await get<IncidentsPage>('/incidents?state=open&severity=high&pageSize=200');
      expect(status).toBe(200);
      expect(
        body.items.every((i) => i.severity === 'high' && ['new', 'in_progress', 'on_hold'].includes(i.state)),
      ).toBe(true);
      const repeated = (await get<IncidentsPage>('/incidents?severity=high&severity=critical&pageSize=200')).body;
      const comma = (await get<IncidentsPage>('/incidents?severity=high,critical&pageSize=200')).body;
      expect(repeated.total).toBe(comma.total);
    });

    it('"Include pagination metadata (`page`, `pageSize`, `total`) on list endpoints."', async () => {
      const { body } = await get<IncidentsPage>('/incidents?pageSize=1');
      expect(body).toMatchObject({ page: 1, pageSize: 1, hasMore: body.total > 1 });
      expect(typeof body.total).toBe('number');
    });

    it('"Error payloads follow `{ \\"error\\": { \\"code\\": …, \\"message\\": \\"...\\" } }`"', async () => {
      const { status, body } = await get<ApiErrorResponse>('/summary?date=2024-13-01');
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'date' }] });
      expect(typeof body.error.message).toBe('string');
    });

    it('"`GET /api/v1/people` … `?team=workplace&include=sentiment`": teams with headcount, openRoles, sentimentScore', async () => {
      const teams = (await get<PeoplePage>('/people?pageSize=200')).body.items;
      const team = teams[0].id;
      const plain = await get<PeoplePage>(`/people?team=${encodeURIComponent(team)}`);
      expect(plain.status).toBe(200);
      expect(plain.body.items.every((t) => t.id === team && !('sentimentScore' in t))).toBe(true);
      const withSentiment = await bed.getAs<PeoplePage>(
        'master_admin',
        `/people?team=${encodeURIComponent(team)}&include=sentiment`,
      );
      expect(withSentiment.status).toBe(200);
      for (const t of withSentiment.body.items) {
        expect(t).toMatchObject({ headcount: expect.any(Number) as unknown, openRoles: expect.any(Number) as unknown });
        expect(t).toHaveProperty('sentimentScore');
      }
    });

    it('"`GET /api/v1/events` … `?timeframe=7d&location=hq`": occurrences in the next 7 days at that location', async () => {
      const { status, body } = await get<EventsPage>('/events?timeframe=7d&location=hq');
      expect(status).toBe(200);
      expect(Date.parse(body.to) - Date.parse(body.from)).toBe(7 * 86_400_000);
      for (const e of body.items) {
        expect(e.location?.toLowerCase()).toBe('hq');
        expect(e.start >= body.from && e.start < body.to).toBe(true);
      }
    });

    it('"Timestamps use ISO8601 UTC and include a `generatedAt` field" and "Every resource carries a stable `id`"', async () => {
      for (const path of ['/summary', '/projects', '/people', '/events', '/incidents']) {
        const { body } = await get<{ generatedAt: string; items?: Array<{ id: string }> }>(path);
        expect(body.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
        const again = (await get<{ items?: Array<{ id: string }> }>(path)).body;
        expect(again.items?.map((i) => i.id)).toEqual(body.items?.map((i) => i.id));
      }
    });

    it('"API requests include the bearer token and an additional `X-Trace-Id` header": the answer carries it back', async () => {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const { headers } = await bed.getAs('executive', '/summary', { headers: { 'x-trace-id': traceId } });
      expect(headers.get('x-trace-id')).toBe(traceId);
    });

    it('"Provide a `/health` endpoint that reports on upstream status (per source)"', async () => {
      const { status, body } = await get<UpstreamHealth>('/health');
      expect(status).toBe(200);
      expect(body.sources?.length).toBeGreaterThan(0);
      for (const s of body.sources ?? []) expect(FRESHNESS_STATES).toContain(s.state);
    });

    it('"exchanges the client credentials for a short-lived access token" (`/auth/token`)', async () => {
      const secret = 'seed-000-dashboard-service-secret';
      await bed.app.app
        .get(ClientsService)
        .create(
          { id: 'workplace-dashboard', name: 'Workplace dashboard', scopes: ['read:dashboard'], dataScopes: ALL_DATA },
          null,
          secret,
        );
      const response = await fetch(`${bed.app.baseUrl}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'workplace-dashboard',
          client_secret: secret,
        }).toString(),
      });
      expect(response.status).toBe(200);
      const token = (await response.json()) as { access_token: string; expires_in: number };
      expect(token.expires_in).toBeLessThanOrEqual(3600);
      const summary = await fetch(`${bed.app.baseUrl}/api/v1/summary`, {
        headers: { authorization: `Bearer ${token.access_token}` },
      });
      expect(summary.status).toBe(200);
    });
  });

  describe('seed 004', () => {
    it('"Track last successful sync time per tenant and display freshness indicator in UI"', async () => {
      const { status, body } = await get<CrmSyncStatus>('/crm/sync-status');
      expect(status).toBe(200);
      expect(body.tenants.map((t) => t.tenant)).toEqual([...TEST_BRANDS].sort());
      for (const t of body.tenants) expect(Date.parse(t.lastSuccessAt ?? '')).not.toBeNaN();
    });

    it('"`/leads` - Lead counts, sources, status breakdown"', async () => {
      const leads = await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}`);
      const stats = await get<CrmLeadStats>(`/crm/leads/stats?tenant=${ACME}`);
      expect(leads.status).toBe(200);
      expect(stats.body.total).toBe(leads.body.total);
      for (const breakdown of [stats.body.bySource, stats.body.byStatus]) {
        expect(breakdown.reduce((sum, c) => sum + c.count, 0)).toBe(stats.body.total);
      }
    });

    it('"`/pipeline` - Stage breakdown, values, and progression charts"', async () => {
      const { status, body } = await get<CrmPipeline>(`/crm/pipeline?tenant=${ACME}`);
      expect(status).toBe(200);
      expect(body.stages.reduce((sum, s) => sum + s.count, 0)).toBe(body.totals.count);
      expect(body.stages.reduce((sum, s) => sum + s.totalValue, 0)).toBeCloseTo(body.totals.totalValue, 2);
      expect(body.progression.length).toBeGreaterThan(0);
    });

    it('"`/hot-list` - Prioritized items with key details and status indicators"', async () => {
      const { status, body } = await get<Page<CrmHotListItem>>(`/crm/hot-list?tenant=${ACME}`);
      expect(status).toBe(200);
      const priorities = body.items.map((i) => i.priority);
      expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);
      for (const item of body.items) expect(typeof item.status).toBe('string');
    });

    it('"`/notes` - Date, author, and summary/content display"', async () => {
      const { status, body } = await get<CrmNotePage>(`/crm/notes?tenant=${ACME}`);
      expect(status).toBe(200);
      for (const note of body.items) {
        expect(Date.parse(note.date)).not.toBeNaN();
        expect(note).toHaveProperty('author');
        expect(note.body.startsWith(note.summary)).toBe(true);
      }
    });

    it('"`/schedule` - Simple list of upcoming scheduled activities"', async () => {
      const { status, body } = await get<Page<CrmActivity>>(`/crm/schedule?tenant=${ACME}`);
      expect(status).toBe(200);
      const times = body.items.map((a) => a.scheduledFor);
      expect([...times].sort()).toEqual(times);
    });

    it('"Role-based access control for tenant data isolation": another tenant is refused', async () => {
      const other = TEST_BRANDS[1];
      const scoped = await bed.getAs<ApiErrorResponse>('executive', `/crm/leads?tenant=${other}`, {
        scopes: { ...ALL_DATA, tenants: [ACME] },
      });
      expect([403, 404]).toContain(scoped.status);
      expect(scoped.body.error.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    });

    it('"Cached Fallback Display … No user-facing error details for security"', async () => {
      const sourceId = `crm-${ACME}-leads`;
      const before = (await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}`)).body;
      // The live topic too: a CRM reader's socket and an administrator's (sync.raw_read).
      const readerLive = await connectLive(bed.app.baseUrl, await bed.app.tokenFor('executive'));
      const adminLive = await connectLive(bed.app.baseUrl, await bed.app.tokenFor('master_admin'));
      for (const client of [readerLive, adminLive]) {
        expect(await client.request('subscribe', { topics: [`crm:${ACME}`] })).toMatchObject({
          results: [{ granted: true }],
        });
      }
      bed.simulator.addFault('clienttether', { type: 'server_error', status: 503, brand: ACME });
      expect((await bed.sync(sourceId)).status).toBe('failed');
      const failedUpdate = (client: typeof readerLive) =>
        waitUntil(() => client.updates.find((u) => u.freshness?.servingCached === true) ?? null);
      const [readerUpdate, adminUpdate] = [await failedUpdate(readerLive), await failedUpdate(adminLive)];
      readerLive.close();
      adminLive.close();
      expect(jsonWithoutTimes(readerUpdate)).not.toMatch(/503|Service Unavailable/);
      expect(readerUpdate.freshness?.sources.find((s) => s.id === sourceId)?.lastError?.message).toBe(
        'The last sync with the CRM failed; an administrator can see the details.',
      );
      expect(jsonWithoutTimes(adminUpdate)).toMatch(/503/);

      const leads = await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}`);
      expect(leads.status).toBe(200);
      expect(leads.body.total).toBe(before.total);
      const reader = (await get<CrmSyncStatus>(`/crm/sync-status?tenant=${ACME}`)).body;
      const readerSource = reader.tenants[0].sources.find((s) => s.id === sourceId);
      expect(readerSource?.lastError?.message).toBe(
        'The last sync with the CRM failed; an administrator can see the details.',
      );
      expect(jsonWithoutTimes([reader, leads.body])).not.toMatch(/503|Service Unavailable/);

      const admin = (await bed.getAs<CrmSyncStatus>('master_admin', `/crm/sync-status?tenant=${ACME}`)).body;
      expect(admin.tenants[0].sources.find((s) => s.id === sourceId)?.lastError?.message).toMatch(/503/);
    });
  });
});
