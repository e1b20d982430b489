import type { ApiErrorResponse, FinancialMetrics, Freshness, Page, ProjectView, RiskView } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { startDomainTestbed, type DomainTestbed } from '../../test/support/domain-testbed';
import { AccessTokensService, clientPrincipal } from '../auth';

/**
 * Seed 001's remaining documented parameters, schemas and security lines, read as an
 * integrator would: one test per line, each quoting it.
 */
type ProjectPage = Page<ProjectView> & { freshness: Freshness };
type RiskPage = Page<RiskView> & { freshness: Freshness };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('blueprint 001: filters, schemas and security', () => {
  let bed: DomainTestbed;
  let all: ProjectView[];
  const get = <T>(path: string) => bed.getAs<T>('executive', path);
  /** Every risk matching a query, page by page (risks pages hold at most 200). */
  const risks = async (query: string): Promise<{ status: number; items: RiskView[] }> => {
    const items: RiskView[] = [];
    for (let page = 1; ; page += 1) {
      const { status, body } = await get<RiskPage>(`/risks?${query}&pageSize=200&page=${page}`);
      if (status !== 200) return { status, items };
      items.push(...body.items);
      if (!body.hasMore) return { status, items };
    }
  };

  // Every demo source syncs once first: on a loaded machine that takes longer than one test.
  beforeAll(async () => {
    bed = await startDomainTestbed();
    all = (await get<ProjectPage>('/projects?limit=1000')).body.items;
  }, 180_000);

  afterAll(async () => {
    await bed.close();
  });

  it('"- name: portfolio … enum: [Technology, Operations, Business, All]"', async () => {
    for (const portfolio of ['Technology', 'Operations', 'Business']) {
      const { status, body } = await get<ProjectPage>(`/projects?portfolio=${portfolio}&limit=1000`);
      expect(status).toBe(200);
      expect(body.total).toBe(all.filter((p) => p.portfolio === portfolio).length);
    }
    expect((await get<ProjectPage>('/projects?portfolio=All&limit=1000')).body.total).toBe(all.length);
    const unknown = await get<ApiErrorResponse>('/projects?portfolio=Marketing');
    expect(unknown.status).toBe(400);
  });

  it('"- name: priority … enum: [Critical, High, Medium, Low]"', async () => {
    for (const priority of ['Critical', 'High', 'Medium', 'Low']) {
      const { status, body } = await get<ProjectPage>(`/projects?priority=${priority}&limit=1000`);
      expect(status).toBe(200);
      expect(body.total).toBe(all.filter((p) => p.priority === priority).length);
    }
  });

  it('"- name: dateRange … enum: [1M, 3M, 6M, 1Y, YTD, Custom]" with "startDate", "endDate" (format: date)', async () => {
    for (const range of ['1M', '3M', '6M', '1Y', 'YTD']) {
      expect((await get<FinancialMetrics>(`/financial-metrics?dateRange=${range}`)).status).toBe(200);
    }
    const custom = await get<FinancialMetrics>(
      '/financial-metrics?dateRange=Custom&startDate=2024-01-01&endDate=2024-06-30',
    );
    expect(custom.status).toBe(200);
    const missing = await get<ApiErrorResponse>('/financial-metrics?dateRange=Custom&startDate=2024-01-01');
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.[0]).toMatchObject({ field: 'endDate' });
  });

  it('/risks "- name: riskLevel … enum: [Critical, High, Medium, Low]"', async () => {
    const every = (await risks('')).items;
    for (const level of ['Critical', 'High', 'Medium', 'Low']) {
      const { status, items } = await risks(`riskLevel=${level}`);
      expect(status).toBe(200);
      expect(items.every((r) => r.level === level)).toBe(true);
      expect(items).toHaveLength(every.filter((r) => r.level === level).length);
    }
  });

  it('/risks "- name: status … enum: [Open, Mitigating, Closed]"', async () => {
    const every = (await risks('')).items;
    for (const status of ['Open', 'Mitigating', 'Closed']) {
      const answer = await risks(`status=${status}`);
      expect(answer.status).toBe(200);
      expect(answer.items.map((r) => r.id).sort()).toEqual(
        every
          .filter((r) => r.status === status)
          .map((r) => r.id)
          .sort(),
      );
    }
  });

  it('"Project: … properties: id, name, projectManager, startDate, endDate, status, priority, portfolio, budget, actualCost, percentComplete, riskLevel, strategicGoalId, healthScore, lastUpdated"', () => {
    for (const p of all) {
      expect(typeof p.id).toBe('string');
      expect(typeof p.name).toBe('string');
      expect(typeof p.projectManager).toBe('string');
      expect(p.startDate).toMatch(DATE);
      expect(p.endDate).toMatch(DATE);
      expect(['On Track', 'At Risk', 'Behind Schedule', 'Critical', 'Completed']).toContain(p.status);
      expect(['Critical', 'High', 'Medium', 'Low']).toContain(p.priority);
      expect(['Critical', 'High', 'Medium', 'Low']).toContain(p.riskLevel);
      expect(typeof p.budget).toBe('number');
      expect(typeof p.actualCost).toBe('number');
      expect(Number.isInteger(p.percentComplete) && p.percentComplete >= 0 && p.percentComplete <= 100).toBe(true);
      expect(p.healthScore).toBeGreaterThanOrEqual(0);
      expect(p.healthScore).toBeLessThanOrEqual(100);
      expect(Date.parse(p.lastUpdated ?? '')).not.toBeNaN();
      expect(p).toHaveProperty('strategicGoalId');
    }
  });

  it('"FinancialSummary: … totalBudget, totalActual, budgetVariance, budgetVariancePercent, weightedROI, portfolioNPV, costPerformanceIndex, forecastAccuracy (0–100)"', async () => {
    const { summary } = (await get<FinancialMetrics>('/financial-metrics?dateRange=1Y')).body;
    for (const field of [
      'totalBudget',
      'totalActual',
      'budgetVariance',
      'budgetVariancePercent',
      'weightedROI',
      'portfolioNPV',
      'costPerformanceIndex',
    ] as const) {
      expect(summary[field] === null || typeof summary[field] === 'number').toBe(true);
    }
    if (summary.forecastAccuracy !== null) {
      expect(summary.forecastAccuracy).toBeGreaterThanOrEqual(0);
      expect(summary.forecastAccuracy).toBeLessThanOrEqual(100);
    }
  });

  it('"security: - bearerAuth: []": without a token, 401 in the API error format', async () => {
    const response = await fetch(`${bed.app.baseUrl}/api/v1/projects`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as ApiErrorResponse;
    expect(body.error.code).toBe('UNAUTHENTICATED');
  });

  it('"scopes: read:dashboard: Read dashboard data": a service token with read:dashboard reads the portfolio', async () => {
    const reader = clientPrincipal({ id: 'bi-export', name: 'BI', scopes: ['read:dashboard'], dataScopes: ALL_DATA });
    const { token } = await bed.app.app.get(AccessTokensService).issue(reader);
    for (const path of ['/projects', '/risks', '/financial-metrics', '/dashboard-data']) {
      const response = await fetch(`${bed.app.baseUrl}/api/v1${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
    }
  });
});
