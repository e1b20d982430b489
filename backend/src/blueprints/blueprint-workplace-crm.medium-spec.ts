import type {
  ApiErrorResponse,
  CrmLeadPage,
  CrmSyncStatus,
  Freshness,
  IncidentsPage,
  Page,
  ProjectView,
  WorkplaceSummary,
} from '@switchyard/contracts';
import { startDomainTestbed, TEST_BRANDS, type DomainTestbed } from '../../test/support/domain-testbed';
import { connectLive, waitUntil } from '../../test/support/live-client';

/**
 * Seeds 000 (workplace live data) and 004 (CRM sync dashboards) read as an integrator would:
 * one test per documented request, each quoting the blueprint line it checks.
 */
type ProjectPage = Page<ProjectView> & { freshness: Freshness };
const ACME = TEST_BRANDS[0];

describe('blueprints 000 and 004: workplace and CRM', () => {
  let bed: DomainTestbed;
  const get = <T>(path: string) => bed.getAs<T>('executive', path);

  beforeAll(async () => {
    bed = await startDomainTestbed();
  });

  afterAll(async () => {
    await bed.close();
  });

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
  });

  describe('seed 004', () => {
    it('"Track last successful sync time per tenant and display freshness indicator in UI"', async () => {
      const { status, body } = await get<CrmSyncStatus>('/crm/sync-status');
      expect(status).toBe(200);
      expect(body.tenants.map((t) => t.tenant)).toEqual([...TEST_BRANDS].sort());
      for (const t of body.tenants) expect(Date.parse(t.lastSuccessAt ?? '')).not.toBeNaN();
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
      expect(JSON.stringify(readerUpdate)).not.toMatch(/503|Service Unavailable/);
      expect(readerUpdate.freshness?.sources.find((s) => s.id === sourceId)?.lastError?.message).toBe(
        'The last sync with the CRM failed; an administrator can see the details.',
      );
      expect(JSON.stringify(adminUpdate)).toMatch(/503/);

      const leads = await get<CrmLeadPage>(`/crm/leads?tenant=${ACME}`);
      expect(leads.status).toBe(200);
      expect(leads.body.total).toBe(before.total);
      const reader = (await get<CrmSyncStatus>(`/crm/sync-status?tenant=${ACME}`)).body;
      const readerSource = reader.tenants[0].sources.find((s) => s.id === sourceId);
      expect(readerSource?.lastError?.message).toBe(
        'The last sync with the CRM failed; an administrator can see the details.',
      );
      expect(JSON.stringify([reader, leads.body])).not.toMatch(/503|Service Unavailable/);

      const admin = (await bed.getAs<CrmSyncStatus>('master_admin', `/crm/sync-status?tenant=${ACME}`)).body;
      expect(admin.tenants[0].sources.find((s) => s.id === sourceId)?.lastError?.message).toMatch(/503/);
    });
  });
});
