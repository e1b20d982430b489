import type { DashboardKpis, ProjectView, RiskView } from '@switchyard/contracts';
import { earnedValue, ratio, round } from './project-metrics';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The executive dashboard's KPIs; each is null when its denominator is zero. */
export function dashboardKpis(projects: ProjectView[], risks: RiskView[]): DashboardKpis {
  const active = projects.filter((p) => p.status !== 'Completed');
  const evs = projects.map((p) => earnedValue(p.id, p));
  const openRisks = risks.filter((r) => r.status !== 'Closed');
  const riskExposure = round(ratio(sum(openRisks.map((r) => r.score)) * 100, openRisks.length * 25), 1);
  const resourceUtilisation = round(
    ratio(sum(active.map((p) => p.actualCost)) * 100, sum(active.map((p) => p.budget))),
    1,
  );
  return {
    // Budget-weighted mean health: big projects weigh more.
    portfolioHealthScore: round(
      ratio(sum(projects.map((p) => p.healthScore * p.budget)), sum(projects.map((p) => p.budget))),
      1,
    ),
    budgetPerformanceIndex: round(ratio(sum(evs.map((e) => e.earnedValue)), sum(evs.map((e) => e.actualCost))), 3),
    schedulePerformanceIndex: round(ratio(sum(evs.map((e) => e.earnedValue)), sum(evs.map((e) => e.plannedValue))), 3),
    // Open risk scores as a share of the worst case (25 each).
    riskExposure,
    strategicAlignmentRate: round(ratio(projects.filter((p) => p.strategicGoal).length * 100, projects.length), 1),
    // Spend so far against budget on active projects.
    resourceUtilisation,
    riskExposureScore: riskExposure,
    resourceUtilizationRate: resourceUtilisation,
  };
}
