import type {
  ApiErrorResponse,
  DashboardData,
  DataScopes,
  FinancialMetrics,
  Page,
  ProjectView,
  RiskAnalytics,
  RiskView,
  Freshness,
} from '@switchyard/contracts';
import { startDomainTestbed, type DomainTestbed } from '../../test/support/domain-testbed';

const CLOCK_TEXT = new Set(['ageSeconds', 'reason', 'generatedAt', 'timestamp']);
const withoutClockText = (body: unknown): unknown =>
  JSON.parse(JSON.stringify(body, (key, value: unknown) => (CLOCK_TEXT.has(key) ? undefined : value)));

type ProjectPage = Page<ProjectView> & { freshness: Freshness };
type RiskPage = Page<RiskView> & { analytics: RiskAnalytics; freshness: Freshness };

describe('portfolio API on data synced from the simulator', () => {
  let bed: DomainTestbed;
  let all: ProjectView[];

  beforeAll(async () => {
    bed = await startDomainTestbed();
    all = (await bed.getAs<ProjectPage>('executive', '/projects?pageSize=200')).body.items;
  });

  afterAll(async () => {
    await bed.close();
  });

  it('lists every synced project with derived figures and freshness', async () => {
    const { status, body } = await bed.getAs<ProjectPage>('executive', '/projects?pageSize=10');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 24, page: 1, pageSize: 10 });
    expect(body.items).toHaveLength(10);
    const p = body.items[0];
    expect(p.healthScore).toBeGreaterThanOrEqual(0);
    expect(p.healthScore).toBeLessThanOrEqual(100);
    expect(p.scheduleVariance).toBeCloseTo(p.percentComplete - p.plannedProgress, 1);
    expect(body.freshness.sources.map((s) => s.id).sort()).toEqual(['jira-projects', 'pm-risks']);
    expect(body.freshness.state).not.toBe('unavailable');
  });

  it('filters by portfolio, status list, priority and team, singly and combined', async () => {
    const technology = all.filter((p) => p.portfolio === 'Technology');
    const tech = (await bed.getAs<ProjectPage>('executive', '/projects?portfolio=Technology&pageSize=200')).body;
    expect(tech.total).toBe(technology.length);
    const statuses = ['At Risk', 'Critical'];
    const risky = (
      await bed.getAs<ProjectPage>(
        'executive',
        `/projects?status=${encodeURIComponent(statuses.join(','))}&pageSize=200`,
      )
    ).body;
    expect(risky.items.every((p) => statuses.includes(p.status))).toBe(true);
    expect(risky.total).toBe(all.filter((p) => statuses.includes(p.status)).length);
    const sample = all[0];
    const combined = (
      await bed.getAs<ProjectPage>(
        'executive',
        `/projects?portfolio=${sample.portfolio}&priority=${sample.priority}&team=${encodeURIComponent(sample.team ?? '')}&pageSize=200`,
      )
    ).body;
    expect(combined.items.map((p) => p.id)).toContain(sample.id);
    expect(
      combined.items.every(
        (p) => p.portfolio === sample.portfolio && p.priority === sample.priority && p.team === sample.team,
      ),
    ).toBe(true);
  });

  it('handles pagination edges and refuses bad filters naming the field', async () => {
    const past = (await bed.getAs<ProjectPage>('executive', '/projects?page=99&pageSize=10')).body;
    expect(past).toMatchObject({ total: 24, items: [] });
    for (const [query, field] of [
      ['pageSize=201', 'pageSize'],
      ['status=Sideways', 'status'],
      ['portfolio=Marketing', 'portfolio'],
      ['priority=Urgent', 'priority'],
      ['colour=red', 'colour'],
    ]) {
      const response = await bed.getAs<ApiErrorResponse>('executive', `/projects?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.fields?.map((f) => f.field)).toContain(field);
    }
  });

  it('answers one project by id, and 404 for an unknown one', async () => {
    const one = await bed.getAs<ProjectView>('executive', `/projects/${all[0].id}`);
    expect(one.body).toMatchObject({ id: all[0].id, name: all[0].name });
    expect((await bed.getAs('executive', '/projects/PRJ-0000')).status).toBe(404);
  });

  it('computes financial metrics for a range, with earned value per project', async () => {
    const { status, body } = await bed.getAs<FinancialMetrics>('executive', '/financial-metrics?dateRange=6M');
    expect(status).toBe(200);
    expect(body.trends).toHaveLength(6);
    expect(body.earnedValue).toHaveLength(24);
    expect(body.summary.totalBudget).toBeGreaterThan(0);
    expect(body.summary.totalBudget).toBeCloseTo(
      body.trends.reduce((s, t) => s + t.budget, 0),
      0,
    );
    for (const ev of body.earnedValue) expect(ev.costVariance).toBeCloseTo(ev.earnedValue - ev.actualCost, 1);
    const one = (
      await bed.getAs<FinancialMetrics>('executive', `/financial-metrics?dateRange=1M&projectIds=${all[0].id}`)
    ).body;
    expect(one.earnedValue.map((e) => [e.projectId, e.projectName])).toEqual([[all[0].id, all[0].name]]);
    const custom = await bed.getAs<ApiErrorResponse>(
      'executive',
      '/financial-metrics?dateRange=Custom&startDate=2026-01-01',
    );
    expect(custom.status).toBe(400);
    expect(custom.body.error.fields?.[0].field).toBe('endDate');
    expect(
      (await bed.getAs<ApiErrorResponse>('executive', '/financial-metrics?dateRange=2Y')).body.error.fields?.[0].field,
    ).toBe('dateRange');
  });

  it('lists risks with analytics, filtered by level and status', async () => {
    const { body } = await bed.getAs<RiskPage>('executive', '/risks?pageSize=200');
    expect(body.total).toBe(body.analytics.total);
    expect(body.total).toBeGreaterThan(20);
    const critical = (await bed.getAs<RiskPage>('executive', '/risks?riskLevel=Critical&status=Open&pageSize=200'))
      .body;
    expect(critical.items.every((r) => r.level === 'Critical' && r.status === 'Open' && r.score >= 15)).toBe(true);
    expect(critical.items.every((r) => r.urgency === 'immediate')).toBe(true);
    expect((await bed.getAs<ApiErrorResponse>('executive', '/risks?riskLevel=Severe')).status).toBe(400);
  });

  it('serves the dashboard with an ETag, and 304 when nothing changed', async () => {
    const first = await bed.getAs<DashboardData>('executive', '/dashboard-data');
    expect(first.status).toBe(200);
    expect(first.body.projectCount).toBe(24);
    expect(first.body.alerts.length).toBeLessThanOrEqual(10);
    expect(first.body.kpis.portfolioHealthScore).not.toBeNull();
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await bed.getAs('executive', '/dashboard-data', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const other = await bed.getAs('executive', '/dashboard-data?portfolio=Technology', {
      headers: { 'if-none-match': etag },
    });
    expect(other.status).toBe(200);
  });

  it('applies data scopes: a team manager sees only their own team’s projects', async () => {
    const team = all[0].team ?? '';
    const scoped = await bed.getAs<ProjectPage>('team_manager', '/projects?pageSize=200', {
      scopes: { tenants: [], departments: '*', teams: [team], portfolios: '*' },
    });
    expect(scoped.body.items.length).toBeGreaterThan(0);
    expect(scoped.body.items.every((p) => p.team === team)).toBe(true);
    const outsider = all.find((p) => p.team !== team);
    const hidden = await bed.getAs('team_manager', `/projects/${outsider?.id}`, {
      scopes: { tenants: [], departments: '*', teams: [team], portfolios: '*' },
    });
    expect(hidden.status).toBe(404);
  });

  it('never serves one data scope an answer computed for another (dashboard and project list caches)', async () => {
    const team = all[0].team ?? '';
    const scopes: DataScopes = { tenants: [], departments: '*', teams: [team], portfolios: '*' };
    const mine = all.filter((p) => p.team === team);
    expect(mine.length).toBeLessThan(all.length); // the precondition: the scope hides projects
    // Alternating, so each role's second answer would come from a cache the other just filled.
    for (let round = 0; round < 2; round += 1) {
      const everyone = await bed.getAs<ProjectPage>('executive', '/projects?pageSize=200');
      const scoped = await bed.getAs<ProjectPage>('team_manager', '/projects?pageSize=200', { scopes });
      expect(everyone.body.total).toBe(all.length);
      expect(scoped.body.items.map((p) => p.id).sort()).toEqual(mine.map((p) => p.id).sort());
      const wide = await bed.getAs<DashboardData>('executive', '/dashboard-data');
      const narrow = await bed.getAs<DashboardData>('team_manager', '/dashboard-data', { scopes });
      expect(wide.body.projectCount).toBe(all.length);
      expect(narrow.body.projectCount).toBe(mine.length);
      expect(narrow.headers.get('etag')).not.toBe(wide.headers.get('etag'));
      // The wide answer's tag does not make the narrow one a 304.
      const conditional = await bed.getAs('team_manager', '/dashboard-data', {
        scopes,
        headers: { 'if-none-match': wide.headers.get('etag') ?? '' },
      });
      expect(conditional.status).toBe(200);
    }
  });

  it('keeps serving the last good data when the upstream fails, marked late or stale with age and reason', async () => {
    // A tight SLO so the failure shows at once (the demo SLO would take minutes).
    await bed.api('/sources/jira-projects', {
      method: 'PATCH',
      body: { freshness: { warnAfterSeconds: 1, staleAfterSeconds: 2 } },
    });
    bed.simulator.addFault('jira', { type: 'server_error', status: 503 });
    const failed = await bed.sync('jira-projects');
    expect(failed.status).toBe('failed');
    const { status, body } = await bed.getAs<ProjectPage>('executive', '/projects?pageSize=200');
    expect(status).toBe(200);
    expect(body.total).toBe(24);
    const pm = body.freshness.sources.find((s) => s.id === 'jira-projects');
    expect(['late', 'stale']).toContain(pm?.state);
    expect(pm?.ageSeconds).toBeGreaterThan(0);
    expect(pm?.reason).toContain('failed with HTTP 503');
    expect(['late', 'stale']).toContain(body.freshness.state);
    bed.simulator.clearFaults();
  });

  it('recomputes a cached dashboard as soon as a sync changes its projects', async () => {
    // The dashboard's project lists, as the REST project list says they should be.
    const tops = (projects: ProjectView[]) => {
      const pick = (list: ProjectView[]) => list.slice(0, 5).map((p) => [p.id, p.healthScore]);
      return {
        atRisk: pick(
          projects
            .filter((p) => ['At Risk', 'Behind Schedule', 'Critical'].includes(p.status))
            .sort((a, b) => a.healthScore - b.healthScore),
        ),
        highPerforming: pick(
          projects
            .filter((p) => p.status !== 'Completed' && p.scheduleVariance >= 0)
            .sort((a, b) => b.healthScore - a.healthScore),
        ),
      };
    };
    const shown = (data: DashboardData) => ({
      atRisk: data.topProjects.atRisk.map((p) => [p.id, p.healthScore]),
      highPerforming: data.topProjects.highPerforming.map((p) => [p.id, p.healthScore]),
    });
    const before = await bed.getAs<DashboardData>('executive', '/dashboard-data');
    expect(shown(before.body)).toEqual(tops(all));
    // Asked again, the same answer: everything but what ticks with the clock (ages, and the
    // freshness reasons that quote them), which the ETag leaves out for the same reason.
    const repeated = await bed.getAs<DashboardData>('executive', '/dashboard-data');
    const again = repeated.body;
    expect(withoutClockText(again)).toEqual(withoutClockText(before.body));
    expect(repeated.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(before.headers.get('etag')).toBe(`"${before.body.refreshToken}"`);

    bed.simulator.advance('jira', 60);
    const run = await bed.sync('jira-projects');
    expect(run.recordsUpserted).toBeGreaterThan(0);
    const projects = (await bed.getAs<ProjectPage>('executive', '/projects?pageSize=200')).body.items;
    // The precondition: the sync changed what the dashboard must show.
    expect(tops(projects)).not.toEqual(tops(all));

    const after = await bed.getAs<DashboardData>('executive', '/dashboard-data', {
      headers: { 'if-none-match': before.headers.get('etag') ?? '' },
    });
    expect(after.status).toBe(200);
    expect(shown(after.body)).toEqual(tops(projects));
  });
});
