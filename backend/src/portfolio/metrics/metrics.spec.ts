import { analyze, toRiskView, type RiskFigures } from './risk-analytics';
import { monthlyTrends, netPresentValue, resolveRange, summarize, type FinancialEntryFigures } from './financials';
import { budgetVariance, earnedValue, healthScore, ratio, riskLevelOf, scheduleVariance } from './project-metrics';

const project = { status: 'At Risk', budget: 200_000, actualCost: 230_000, percentComplete: 40, plannedProgress: 50 };

describe('project metrics (worked examples)', () => {
  it('budget variance is (230k − 200k) / 200k = +15 %', () => {
    expect(budgetVariance(project)).toBe(15);
    expect(budgetVariance({ ...project, budget: 0 })).toBeNull();
  });

  it('schedule variance is 40 − 50 = −10 points', () => {
    expect(scheduleVariance(project)).toBe(-10);
  });

  it('health is 60 × 0.5 + (100 − 30) × 0.25 + (100 − 20) × 0.25 = 67.5 → 68', () => {
    expect(healthScore(project)).toBe(68);
    expect(
      healthScore({ status: 'On Track', budget: 100, actualCost: 90, percentComplete: 60, plannedProgress: 55 }),
    ).toBe(100);
    expect(
      healthScore({ status: 'Critical', budget: 100, actualCost: 200, percentComplete: 0, plannedProgress: 80 }),
    ).toBe(5);
  });

  it('earned value: PV 100k, EV 80k, AC 230k, SV −20k, CV −150k, CPI 0.348, SPI 0.8', () => {
    expect(earnedValue('PRJ-1', project)).toEqual({
      projectId: 'PRJ-1',
      plannedValue: 100_000,
      earnedValue: 80_000,
      actualCost: 230_000,
      scheduleVariance: -20_000,
      costVariance: -150_000,
      costPerformanceIndex: 0.348,
      schedulePerformanceIndex: 0.8,
    });
    const idle = earnedValue('PRJ-2', {
      status: 'On Track',
      budget: 0,
      actualCost: 0,
      percentComplete: 0,
      plannedProgress: 0,
    });
    expect(idle.costPerformanceIndex).toBeNull();
    expect(idle.schedulePerformanceIndex).toBeNull();
  });

  it('risk levels: 15+ critical, 10+ high, 5+ medium', () => {
    expect([25, 15, 14, 10, 9, 5, 4, 1].map(riskLevelOf)).toEqual([
      'Critical',
      'Critical',
      'High',
      'High',
      'Medium',
      'Medium',
      'Low',
      'Low',
    ]);
  });

  it('never answers NaN or Infinity', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
  });
});

describe('financial metrics (worked examples)', () => {
  const entry = (
    month: string,
    budget: number,
    actual: number,
    extra: Partial<FinancialEntryFigures> = {},
  ): FinancialEntryFigures => ({
    projectId: 'PRJ-1',
    month,
    budget,
    actual,
    forecast: null,
    roi: null,
    cashFlow: null,
    discountRate: null,
    ...extra,
  });

  it('resolves date ranges to whole months', () => {
    const today = new Date('2026-11-26T10:00:00Z');
    expect(resolveRange('3M', today)).toEqual({ startDate: '2026-09-01', endDate: '2026-11-01' });
    expect(resolveRange('1M', today)).toEqual({ startDate: '2026-11-01', endDate: '2026-11-01' });
    expect(resolveRange('YTD', today)).toEqual({ startDate: '2026-01-01', endDate: '2026-11-01' });
    expect(resolveRange('1Y', today)).toEqual({ startDate: '2025-12-01', endDate: '2026-11-01' });
    expect(resolveRange('Custom', today, '2026-02-14', '2026-04-02')).toEqual({
      startDate: '2026-02-01',
      endDate: '2026-04-01',
    });
  });

  it('NPV at 12 % a year (1 % a month): 1010/1.01 + 1020.1/1.01² = 2000', () => {
    const entries = [
      entry('2026-01-01', 0, 0, { cashFlow: 1010, discountRate: 0.12 }),
      entry('2026-02-01', 0, 0, { cashFlow: 1020.1, discountRate: 0.12 }),
    ];
    expect(netPresentValue(entries, '2026-01-01')).toBe(2000);
  });

  it('summarizes budget, ROI weighted by budget, CPI/SPI and forecast accuracy', () => {
    const entries = [
      entry('2026-01-01', 100, 110, { roi: 10, forecast: 100 }),
      entry('2026-02-01', 300, 290, { roi: 20, forecast: 300 }),
    ];
    const summary = summarize([{ id: 'PRJ-1', ...project }], entries, '2026-01-01');
    expect(summary).toMatchObject({
      totalBudget: 400,
      totalActual: 400,
      budgetVariance: 0,
      budgetVariancePercent: 0,
      // (10 × 100 + 20 × 300) / 400
      weightedRoi: 17.5,
      costPerformanceIndex: 0.348,
      schedulePerformanceIndex: 0.8,
      forecastAccuracy: 100,
    });
    expect(summarize([], [], '2026-01-01')).toMatchObject({
      budgetVariancePercent: null,
      weightedRoi: null,
      costPerformanceIndex: null,
      forecastAccuracy: null,
    });
  });

  it('adds monthly trends with running totals', () => {
    expect(monthlyTrends([entry('2026-02-01', 10, 5), entry('2026-01-01', 20, 25), entry('2026-02-01', 1, 1)])).toEqual(
      [
        { month: '2026-01', budget: 20, actual: 25, forecast: null, cumulativeBudget: 20, cumulativeActual: 25 },
        { month: '2026-02', budget: 11, actual: 6, forecast: null, cumulativeBudget: 31, cumulativeActual: 31 },
      ],
    );
  });
});

describe('risk analytics (worked examples)', () => {
  const now = new Date('2026-11-26T00:00:00Z');
  const risk = (
    id: string,
    score: number,
    status: string,
    identified: string,
    closed: string | null = null,
  ): RiskFigures => ({
    id,
    projectId: 'PRJ-1',
    title: id,
    category: null,
    probability: 1,
    impact: score,
    score,
    status,
    owner: null,
    mitigation: null,
    identifiedAt: new Date(identified),
    closedAt: closed ? new Date(closed) : null,
  });

  it('derives age, mitigation status and urgency', () => {
    expect(toRiskView(risk('a', 20, 'Open', '2026-11-16T00:00:00Z'), now)).toMatchObject({
      level: 'Critical',
      ageDays: 10,
      mitigationStatus: 'unmitigated',
      urgency: 'immediate',
    });
    expect(toRiskView(risk('b', 12, 'Mitigating', '2026-06-01T00:00:00Z'), now)).toMatchObject({
      level: 'High',
      mitigationStatus: 'in_progress',
      urgency: 'high',
    });
    expect(toRiskView(risk('c', 20, 'Closed', '2026-10-01T00:00:00Z', '2026-10-11T00:00:00Z'), now)).toMatchObject({
      ageDays: 10,
      urgency: 'none',
    });
  });

  it('counts, rates, distributes and ages', () => {
    const views = [
      risk('a', 20, 'Open', '2026-11-16T00:00:00Z'),
      risk('b', 12, 'Mitigating', '2026-06-01T00:00:00Z'),
      risk('c', 6, 'Closed', '2026-10-01T00:00:00Z', '2026-10-11T00:00:00Z'),
      risk('d', 2, 'Open', '2026-09-15T00:00:00Z'),
    ].map((r) => toRiskView(r, now));
    const analytics = analyze(views, now);
    expect(analytics).toMatchObject({
      total: 4,
      open: 3,
      critical: 1,
      high: 1,
      mitigationRate: 50,
      averageScore: 10,
      distribution: { Critical: 1, High: 1, Medium: 1, Low: 1 },
      ageAnalysis: { under30Days: 1, from30To90Days: 1, over90Days: 1 },
    });
    expect(analytics.trend.find((t) => t.month === '2026-10')).toEqual({ month: '2026-10', identified: 1, closed: 1 });
    expect(analyze([], now)).toMatchObject({ mitigationRate: null, averageScore: null });
  });
});
