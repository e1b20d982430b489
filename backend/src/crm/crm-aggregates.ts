import {
  CRM_PIPELINE_STAGES,
  CRM_PROGRESSION_WEEKS,
  type CrmCount,
  type CrmPipeline,
  type CrmPipelineStageSummary,
  type CrmPipelineWeek,
} from '@switchyard/contracts';

/** One (source, status) group of leads, as the repository counts them. */
export interface LeadGroupRow {
  source: string;
  status: string;
  count: number;
}

/** The fields of a deal the pipeline view needs. */
export interface DealRow {
  stage: string;
  value: number;
  probability: number | null;
  stageEnteredAt: Date | null;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** a / b, or null when b is 0: a share of nothing is unknown, never NaN. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

export function summarizeLeads(rows: LeadGroupRow[]): { total: number; bySource: CrmCount[]; byStatus: CrmCount[] } {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const fold = (keyOf: (row: LeadGroupRow) => string): CrmCount[] => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + row.count);
    return [...counts]
      .map(([key, count]) => ({ key, count, share: ratio(count, total) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  return { total, bySource: fold((row) => row.source), byStatus: fold((row) => row.status) };
}

/** Funnel stages in order, then any stage the upstream invents, alphabetically. */
export function stageOrder(deals: DealRow[]): string[] {
  const known: readonly string[] = CRM_PIPELINE_STAGES;
  const extra = [...new Set(deals.map((d) => d.stage).filter((s) => !known.includes(s)))].sort();
  return [...known, ...extra];
}

export function weightedValue(deal: DealRow): number {
  return deal.probability === null ? 0 : (deal.value * deal.probability) / 100;
}

export function summarizeStages(deals: DealRow[]): CrmPipelineStageSummary[] {
  return stageOrder(deals).map((stage) => {
    const inStage = deals.filter((d) => d.stage === stage);
    const totalValue = inStage.reduce((sum, d) => sum + d.value, 0);
    return {
      stage,
      count: inStage.length,
      totalValue,
      weightedValue: inStage.reduce((sum, d) => sum + weightedValue(d), 0),
      averageValue: ratio(totalValue, inStage.length),
    };
  });
}

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 24 * 3600 * 1000);
}

/**
 * Deals entering each stage per week, oldest week first, the current week last. Only
 * the entry into the deal's current stage is known, so a deal counts once, in its
 * current stage; deals without `stageEnteredAt` or outside the window are left out.
 */
export function weeklyProgression(deals: DealRow[], now: Date, weeks = CRM_PROGRESSION_WEEKS): CrmPipelineWeek[] {
  const stages = stageOrder(deals);
  const first = weekStart(now).getTime() - (weeks - 1) * WEEK_MS;
  const buckets = Array.from({ length: weeks }, () => new Map(stages.map((s) => [s, 0])));
  for (const deal of deals) {
    if (!deal.stageEnteredAt) continue;
    const index = Math.floor((deal.stageEnteredAt.getTime() - first) / WEEK_MS);
    if (index < 0 || index >= weeks) continue;
    buckets[index].set(deal.stage, (buckets[index].get(deal.stage) ?? 0) + 1);
  }
  return buckets.map((counts, i) => ({
    weekStart: new Date(first + i * WEEK_MS).toISOString(),
    entered: stages.map((stage) => ({ stage, count: counts.get(stage) ?? 0 })),
  }));
}

export function summarizePipeline(
  deals: DealRow[],
  now: Date,
): Omit<CrmPipeline, 'tenant' | 'freshness' | 'generatedAt'> {
  const stages = summarizeStages(deals);
  const countOf = (stage: string) => stages.find((s) => s.stage === stage)?.count ?? 0;
  const won = countOf('Closed Won');
  return {
    stages,
    totals: {
      count: deals.length,
      totalValue: stages.reduce((sum, s) => sum + s.totalValue, 0),
      weightedValue: stages.reduce((sum, s) => sum + s.weightedValue, 0),
      winRate: ratio(won, won + countOf('Closed Lost')),
    },
    progression: weeklyProgression(deals, now),
  };
}
