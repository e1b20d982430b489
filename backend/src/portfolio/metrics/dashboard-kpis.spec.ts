import type { ProjectView, RiskView } from '@switchyard/contracts';
import { dashboardKpis } from './dashboard-kpis';

const project = (id: string, o: Partial<ProjectView>): ProjectView =>
  ({
    id,
    status: 'On Track',
    strategicGoal: null,
    healthScore: 100,
    budget: 100,
    actualCost: 0,
    percentComplete: 0,
    plannedProgress: 0,
    ...o,
  }) as ProjectView;

describe('dashboard KPIs (worked examples)', () => {
  it('weights health by budget and derives the indices', () => {
    const kpis = dashboardKpis(
      [
        project('A', {
          healthScore: 100,
          budget: 300,
          actualCost: 150,
          percentComplete: 50,
          plannedProgress: 50,
          strategicGoal: 'Grow',
        }),
        project('B', {
          healthScore: 20,
          budget: 100,
          actualCost: 80,
          percentComplete: 40,
          plannedProgress: 80,
          status: 'Completed',
        }),
      ],
      [
        { score: 20, status: 'Open' } as RiskView,
        { score: 10, status: 'Mitigating' } as RiskView,
        { score: 25, status: 'Closed' } as RiskView,
      ],
    );
    // (100 × 300 + 20 × 100) / 400 = 80
    expect(kpis.portfolioHealthScore).toBe(80);
    // EV = 150 + 40 = 190, AC = 230, PV = 150 + 80 = 230
    expect(kpis.budgetPerformanceIndex).toBe(0.826);
    expect(kpis.schedulePerformanceIndex).toBe(0.826);
    // (20 + 10) / (2 × 25)
    expect(kpis.riskExposure).toBe(60);
    expect(kpis.strategicAlignmentRate).toBe(50);
    // Active A only: 150 / 300
    expect(kpis.resourceUtilisation).toBe(50);
  });

  it('answers null, not NaN, for an empty portfolio', () => {
    expect(dashboardKpis([], [])).toEqual({
      portfolioHealthScore: null,
      budgetPerformanceIndex: null,
      schedulePerformanceIndex: null,
      riskExposure: null,
      strategicAlignmentRate: null,
      resourceUtilisation: null,
      riskExposureScore: null,
      resourceUtilizationRate: null,
    });
  });
});
