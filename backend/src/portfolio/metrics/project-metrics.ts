import type { EarnedValue, RiskLevel } from '@switchyard/contracts';

/** Division that answers null instead of NaN or Infinity. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function round(value: number | null, digits = 2): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Base score per status, from the executive dashboard blueprint. */
const STATUS_SCORES: Record<string, number> = {
  'On Track': 100,
  'At Risk': 60,
  'Behind Schedule': 30,
  Critical: 10,
  Completed: 100,
};

export interface ProjectFigures {
  status: string;
  budget: number;
  actualCost: number;
  percentComplete: number;
  plannedProgress: number;
}

/** (actual − budget) / budget × 100, in percent; null for a zero budget. */
export function budgetVariance(p: ProjectFigures): number | null {
  return round(ratio((p.actualCost - p.budget) * 100, p.budget));
}

/** Percent complete − planned progress, in percentage points (negative = behind). */
export function scheduleVariance(p: ProjectFigures): number {
  return round(p.percentComplete - p.plannedProgress) ?? 0;
}

/**
 * Health 0–100: half the status score, a quarter budget (−2 points per percent over
 * budget) and a quarter schedule (−2 points per point behind plan).
 */
export function healthScore(p: ProjectFigures): number {
  const status = STATUS_SCORES[p.status] ?? 50;
  const overrun = Math.max(0, budgetVariance(p) ?? 0);
  const behind = Math.max(0, -scheduleVariance(p));
  const budget = clamp(100 - overrun * 2);
  const schedule = clamp(100 - behind * 2);
  return Math.round(status * 0.5 + budget * 0.25 + schedule * 0.25);
}

/** The blueprint's own health score: the status score alone (unknown statuses 50). */
export function blueprintHealthScore(status: string): number {
  return STATUS_SCORES[status] ?? 50;
}

/** Band of a risk's impact (1–5); the blueprint names `impactCategory` without defining it. */
export function impactCategoryOf(impact: number): RiskLevel {
  if (impact >= 5) return 'Critical';
  if (impact >= 4) return 'High';
  if (impact >= 3) return 'Medium';
  return 'Low';
}

/** Risk level from a score (probability × impact, 1–25). */
export function riskLevelOf(score: number): RiskLevel {
  if (score >= 15) return 'Critical';
  if (score >= 10) return 'High';
  if (score >= 5) return 'Medium';
  return 'Low';
}

/** Earned value management: PV = budget × planned %, EV = budget × complete %, AC = actual cost. */
export function earnedValue(projectId: string, p: ProjectFigures): EarnedValue {
  const plannedValue = (p.budget * p.plannedProgress) / 100;
  const earned = (p.budget * p.percentComplete) / 100;
  return {
    projectId,
    plannedValue: round(plannedValue) ?? 0,
    earnedValue: round(earned) ?? 0,
    actualCost: round(p.actualCost) ?? 0,
    scheduleVariance: round(earned - plannedValue) ?? 0,
    costVariance: round(earned - p.actualCost) ?? 0,
    costPerformanceIndex: round(ratio(earned, p.actualCost), 3),
    schedulePerformanceIndex: round(ratio(earned, plannedValue), 3),
  };
}

function clamp(value: number): number {
  return Math.max(0, Math.min(100, value));
}
