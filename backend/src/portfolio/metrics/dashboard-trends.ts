import type { HealthTrendPoint, ProjectView, RiskTrendPoint, RiskView } from '@switchyard/contracts';
import type { FinancialEntryFigures } from './financials';
import { healthScore, ratio, round } from './project-metrics';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The last `count` months as YYYY-MM, oldest first, the current month last. */
export function lastMonths(now: Date, count = 6): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count + 1 + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * Budget-weighted health at each month end. Switchyard keeps no history of a project's status
 * or progress, so those parts are today's; the budget part is historical: cumulative actual
 * against cumulative budget of the monthly financial entries up to that month. A project with
 * no entries yet by that month counts with its current figures.
 */
export function healthTrend(
  projects: ProjectView[],
  entries: FinancialEntryFigures[],
  months: string[],
): HealthTrendPoint[] {
  return months.map((month) => {
    const scores = projects.map((p) => {
      const upTo = entries.filter((e) => e.projectId === p.id && e.month.slice(0, 7) <= month);
      const budget = sum(upTo.map((e) => e.budget));
      const figures = budget > 0 ? { ...p, budget, actualCost: sum(upTo.map((e) => e.actual)) } : p;
      return { score: healthScore(figures), weight: p.budget };
    });
    const weighted = sum(scores.map((s) => s.score * s.weight));
    return { month, healthScore: round(ratio(weighted, sum(scores.map((s) => s.weight))), 1) };
  });
}

/**
 * Risks open at each month end, from their identified and closed dates (both stored), and
 * their exposure (Σ score / (open × 25) × 100) with today's scores: past scores are not kept.
 */
export function riskTrend(risks: RiskView[], months: string[]): RiskTrendPoint[] {
  return months.map((month) => {
    const end = monthEnd(month);
    // A risk closed without a closing date cannot be placed in time: it counts as closed throughout.
    const open = risks.filter(
      (r) => r.identifiedAt < end && (r.closedAt === null ? r.status !== 'Closed' : r.closedAt >= end),
    );
    return {
      month,
      openRisks: open.length,
      exposureScore: round(ratio(sum(open.map((r) => r.score)) * 100, open.length * 25), 1),
    };
  });
}

/** The first instant after the month, as an ISO string (comparable with stored ISO dates). */
function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 1)).toISOString();
}
