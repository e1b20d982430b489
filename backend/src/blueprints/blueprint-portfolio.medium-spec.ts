import type {
  ApiErrorResponse,
  DashboardData,
  FinancialMetrics,
  Freshness,
  Page,
  ProjectView,
  RiskAnalytics,
  RiskView,
} from '@switchyard/contracts';
import { startDomainTestbed, type DomainTestbed } from '../../test/support/domain-testbed';

/**
 * Seed 001 (executive dashboard API) read as an integrator would: one test per documented
 * request or field, each quoting the blueprint line it checks.
 */
type ProjectPage = Page<ProjectView> & { freshness: Freshness };
type RiskPage = Page<RiskView> & { analytics: RiskAnalytics; freshness: Freshness };

describe('blueprint 001: executive dashboard API', () => {
  let bed: DomainTestbed;
  let all: ProjectView[];
  const get = <T>(path: string) => bed.getAs<T>('executive', path);

  // Every demo source syncs once first: on a loaded machine that takes longer than one test.
  beforeAll(async () => {
    bed = await startDomainTestbed();
    all = (await get<ProjectPage>('/projects?limit=1000')).body.items;
  }, 180_000);

  afterAll(async () => {
    await bed.close();
  });

  it('"- name: limit … maximum: 1000": limit=1000 is one page of up to 1000 projects', async () => {
    const { status, body } = await get<ProjectPage>('/projects?limit=1000');
    expect(status).toBe(200);
    expect(body.pageSize).toBe(1000);
    expect(body.items).toHaveLength(body.total);
  });

  it('"maximum: 1000": limit=1001 is a 400 naming limit in the API error format', async () => {
    const { status, body } = await get<ApiErrorResponse>('/projects?limit=1001');
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields?.[0]).toMatchObject({ field: 'limit', message: 'limit must be between 1 and 1000' });
  });

  it('"limit = 100, offset = 0": offset without limit answers up to 100 rows', async () => {
    const { body } = await get<ProjectPage>('/projects?offset=0');
    expect(body.pageSize).toBe(100);
    expect(body.items).toHaveLength(Math.min(100, body.total));
  });

  it('"hasMore: result.total > (parseInt(offset) + parseInt(limit))"', async () => {
    const first = (await get<ProjectPage>('/projects?limit=5&offset=0')).body;
    expect(first.hasMore).toBe(first.total > 5);
    const last = (await get<ProjectPage>(`/projects?limit=5&offset=${first.total - 1}`)).body;
    expect(last.items).toHaveLength(1);
    expect(last.hasMore).toBe(false);
  });

  it('"- name: status … type: array": repeated status parameters work like a comma list', async () => {
    const repeated = (await get<ProjectPage>('/projects?status=At%20Risk&status=Critical&limit=1000')).body;
    const comma = (await get<ProjectPage>('/projects?status=At%20Risk,Critical&limit=1000')).body;
    expect(repeated.items.map((p) => p.id)).toEqual(comma.items.map((p) => p.id));
    expect(repeated.total).toBe(all.filter((p) => ['At Risk', 'Critical'].includes(p.status)).length);
  });

  it('"status: type: string, enum: [On Track, …]": an unknown status is a 400 naming status', async () => {
    const { status, body } = await get<ApiErrorResponse>('/projects?status=Sideways');
    expect(status).toBe(400);
    expect(body.error.fields?.[0].field).toBe('status');
  });

  it('"projectManager / strategicGoalId / lastUpdated" (Project schema) sit beside owner, strategicGoal, updatedAt', () => {
    for (const p of all) {
      expect(p.projectManager).toBe(p.owner.name);
      expect(p.strategicGoalId).toBe(p.strategicGoal);
      expect(p.lastUpdated).toBe(p.updatedAt);
    }
    expect(all.some((p) => p.projectManager !== null)).toBe(true);
  });

  it("\"const statusScores = { 'On Track': 100, 'At Risk': 60, …}\": blueprintHealthScore is the status score", () => {
    const scores: Record<string, number> = {
      'On Track': 100,
      'At Risk': 60,
      'Behind Schedule': 30,
      Critical: 10,
      Completed: 100,
    };
    for (const p of all) expect(p.blueprintHealthScore).toBe(scores[p.status] ?? 50);
  });

  it('"impactCategory: categorizeImpact(risk.impact)" on every risk', async () => {
    const { body } = await get<RiskPage>('/risks?pageSize=200');
    expect(body.items.length).toBeGreaterThan(0);
    const band = (impact: number) => (impact >= 5 ? 'Critical' : impact >= 4 ? 'High' : impact >= 3 ? 'Medium' : 'Low');
    for (const r of body.items) expect(r.impactCategory).toBe(band(r.impact));
  });

  it('"totalRisks, criticalRisks, highRisks, riskTrend, averageRiskScore, riskDistribution" in the risk analytics', async () => {
    const { analytics } = (await get<RiskPage>('/risks?pageSize=200')).body;
    expect(analytics.total).toBeGreaterThan(0);
    expect(analytics).toMatchObject({
      totalRisks: analytics.total,
      criticalRisks: analytics.critical,
      highRisks: analytics.high,
      averageRiskScore: analytics.averageScore,
      riskDistribution: analytics.distribution,
      riskTrend: analytics.trend,
    });
  });

  it('"ageInDays: calculateRiskAge(risk.dateIdentified, risk.dateClosed)" and riskScore on every risk', async () => {
    const { body } = await get<RiskPage>('/risks?pageSize=200');
    for (const r of body.items) {
      expect(r).toMatchObject({ riskScore: r.score, dateIdentified: r.identifiedAt, dateClosed: r.closedAt });
      expect(r.ageInDays).toBe(r.ageDays);
    }
  });

  it('"weightedROI: calculateWeightedROI(financialData), portfolioNPV: calculatePortfolioNPV(financialData)"', async () => {
    const { summary } = (await get<FinancialMetrics>('/financial-metrics?dateRange=6M')).body;
    expect(summary.weightedROI).toBe(summary.weightedRoi);
    expect(summary.portfolioNPV).toBe(summary.portfolioNpv);
  });

  it('"projectIds: type: array": repeated projectIds on /financial-metrics equal the comma list', async () => {
    const [a, b] = all.map((p) => p.id);
    const repeated = await get<FinancialMetrics>(`/financial-metrics?projectIds=${a}&projectIds=${b}`);
    const comma = await get<FinancialMetrics>(`/financial-metrics?projectIds=${a},${b}`);
    expect(repeated.status).toBe(200);
    expect(repeated.body.earnedValue.map((e) => e.projectId)).toEqual(comma.body.earnedValue.map((e) => e.projectId));
    expect(repeated.body.earnedValue).toHaveLength(2);
  });

  describe('GET /dashboard-data', () => {
    it('"refreshToken: generateRefreshToken()" and "timestamp" are in the answer', async () => {
      const { status, body } = await get<DashboardData>('/dashboard-data?portfolio=Technology');
      expect(status).toBe(200);
      expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Date.parse(body.timestamp)).not.toBeNaN();
    });

    it('"if (refreshToken && refreshToken === lastUpdate.token) return res.status(304)"', async () => {
      const first = await get<DashboardData>('/dashboard-data?portfolio=Technology');
      const again = await get<null>(`/dashboard-data?portfolio=Technology&refreshToken=${first.body.refreshToken}`);
      expect(again.status).toBe(304);
      const other = await get<DashboardData>('/dashboard-data?portfolio=Technology&refreshToken=outdated-token');
      expect(other.status).toBe(200);
      expect(other.body.refreshToken).toBe(first.body.refreshToken);
    });

    it('"trends: { healthTrend, budgetTrend, riskTrend }" over the last six months', async () => {
      const { body } = await get<DashboardData>('/dashboard-data');
      expect(body.trends.healthTrend).toHaveLength(6);
      expect(body.trends.riskTrend).toHaveLength(6);
      expect(body.trends.budgetTrend.length).toBeGreaterThan(0);
      const open = (await get<RiskPage>('/risks?status=Open,Mitigating&pageSize=200')).body.total;
      expect(body.trends.riskTrend[5].openRisks).toBe(open);
      for (const point of body.trends.healthTrend) {
        expect(point.healthScore === null || (point.healthScore >= 0 && point.healthScore <= 100)).toBe(true);
      }
    });

    it('"riskExposureScore: riskSummary.exposureScore, resourceUtilizationRate: resourceUtilization.rate"', async () => {
      const { kpis } = (await get<DashboardData>('/dashboard-data')).body;
      expect(kpis.riskExposureScore).toBe(kpis.riskExposure);
      expect(kpis.resourceUtilizationRate).toBe(kpis.resourceUtilisation);
      expect(kpis.portfolioHealthScore).not.toBeNull();
    });

    it('a malformed refreshToken is a 400 naming refreshToken', async () => {
      const { status, body } = await get<ApiErrorResponse>('/dashboard-data?refreshToken=%3Cscript%3E');
      expect(status).toBe(400);
      expect(body.error.fields?.[0].field).toBe('refreshToken');
    });
  });
});
