import type { DateRange, FinancialSummary, FinancialTrendPoint } from '@switchyard/contracts';
import { earnedValue, ratio, round, type ProjectFigures } from './project-metrics';

export interface FinancialEntryFigures {
  projectId: string;
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  budget: number;
  actual: number;
  forecast: number | null;
  roi: number | null;
  cashFlow: number | null;
  discountRate: number | null;
}

export const DEFAULT_DISCOUNT_RATE = 0.08;

/** The months a date range covers, as first days (YYYY-MM-01), inclusive. */
export function resolveRange(
  range: DateRange,
  today: Date,
  start?: string,
  end?: string,
): { startDate: string; endDate: string } {
  const month = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
  const back = (months: number) =>
    month(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months + 1, 1)));
  switch (range) {
    case '1M':
      return { startDate: back(1), endDate: month(today) };
    case '3M':
      return { startDate: back(3), endDate: month(today) };
    case '6M':
      return { startDate: back(6), endDate: month(today) };
    case '1Y':
      return { startDate: back(12), endDate: month(today) };
    case 'YTD':
      return { startDate: `${today.getUTCFullYear()}-01-01`, endDate: month(today) };
    case 'Custom':
      return { startDate: `${(start ?? '').slice(0, 7)}-01`, endDate: `${(end ?? '').slice(0, 7)}-01` };
  }
}

/**
 * Net present value of the monthly cash flows at each entry's annual discount rate
 * (8 % when missing): Σ cashFlow / (1 + r/12)^t, t = months from the range start, 1-based.
 */
export function netPresentValue(entries: FinancialEntryFigures[], startDate: string): number {
  const start = monthIndex(startDate);
  const npv = entries.reduce((sum, e) => {
    const t = monthIndex(e.month) - start + 1;
    const monthly = (e.discountRate ?? DEFAULT_DISCOUNT_RATE) / 12;
    return sum + (e.cashFlow ?? 0) / (1 + monthly) ** t;
  }, 0);
  return round(npv) ?? 0;
}

export function summarize(
  projects: Array<ProjectFigures & { id: string }>,
  entries: FinancialEntryFigures[],
  startDate: string,
): FinancialSummary {
  const totalBudget = entries.reduce((s, e) => s + e.budget, 0);
  const totalActual = entries.reduce((s, e) => s + e.actual, 0);
  const evs = projects.map((p) => earnedValue(p.id, p));
  const ev = evs.reduce((s, e) => s + e.earnedValue, 0);
  const pv = evs.reduce((s, e) => s + e.plannedValue, 0);
  const ac = evs.reduce((s, e) => s + e.actualCost, 0);
  const withRoi = entries.filter((e) => e.roi !== null);
  const roiWeight = withRoi.reduce((s, e) => s + e.budget, 0);
  const withForecast = entries.filter((e) => e.forecast !== null);
  const forecast = withForecast.reduce((s, e) => s + (e.forecast ?? 0), 0);
  const forecastActual = withForecast.reduce((s, e) => s + e.actual, 0);
  const accuracy = ratio(Math.abs(forecast - forecastActual), forecast);
  const weightedRoi = round(
    ratio(
      withRoi.reduce((s, e) => s + (e.roi ?? 0) * e.budget, 0),
      roiWeight,
    ),
  );
  const portfolioNpv = netPresentValue(entries, startDate);
  return {
    totalBudget: round(totalBudget) ?? 0,
    totalActual: round(totalActual) ?? 0,
    budgetVariance: round(totalActual - totalBudget) ?? 0,
    budgetVariancePercent: round(ratio((totalActual - totalBudget) * 100, totalBudget)),
    weightedRoi,
    portfolioNpv,
    weightedROI: weightedRoi,
    portfolioNPV: portfolioNpv,
    costPerformanceIndex: round(ratio(ev, ac), 3),
    schedulePerformanceIndex: round(ratio(ev, pv), 3),
    forecastAccuracy: accuracy === null ? null : round(Math.max(0, 100 - accuracy * 100)),
  };
}

/** Budget, actual and forecast per month, with running totals. */
export function monthlyTrends(entries: FinancialEntryFigures[]): FinancialTrendPoint[] {
  const byMonth = new Map<string, { budget: number; actual: number; forecast: number | null }>();
  for (const e of entries) {
    const m = byMonth.get(e.month) ?? { budget: 0, actual: 0, forecast: null };
    m.budget += e.budget;
    m.actual += e.actual;
    if (e.forecast !== null) m.forecast = (m.forecast ?? 0) + e.forecast;
    byMonth.set(e.month, m);
  }
  let cumulativeBudget = 0;
  let cumulativeActual = 0;
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => {
      cumulativeBudget += m.budget;
      cumulativeActual += m.actual;
      return {
        month: month.slice(0, 7),
        budget: round(m.budget) ?? 0,
        actual: round(m.actual) ?? 0,
        forecast: round(m.forecast),
        cumulativeBudget: round(cumulativeBudget) ?? 0,
        cumulativeActual: round(cumulativeActual) ?? 0,
      };
    });
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}
