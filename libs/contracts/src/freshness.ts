/**
 * How old data is. Two clocks per source are kept apart: when Switchyard last fetched
 * successfully (`lastSuccessAt`) and how new the newest business record is (`dataAsOf`).
 * A fetch that succeeds while the upstream has stopped changing is not fresh data.
 */
export const FRESHNESS_STATES = ['fresh', 'late', 'stale', 'rate_limited', 'unavailable'] as const;
export type FreshnessState = (typeof FRESHNESS_STATES)[number];

/** Worst first: a combined answer takes the worst state of the sources behind it. */
const SEVERITY: Record<FreshnessState, number> = { fresh: 0, late: 1, rate_limited: 2, stale: 3, unavailable: 4 };

export function worstFreshnessState(states: readonly FreshnessState[]): FreshnessState {
  return states.reduce<FreshnessState>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'fresh');
}

export interface SourceFreshness {
  id: string;
  name: string;
  /** Last time a sync of this source succeeded (data fetched and stored). */
  lastSuccessAt: string | null;
  /** Newest business timestamp seen in the source's data. */
  dataAsOf: string | null;
  /** Seconds since `dataAsOf` (or `lastSuccessAt` when the data carries no timestamps). */
  ageSeconds: number | null;
  state: FreshnessState;
  /** Plain-English why, when not fresh. */
  reason: string | null;
}

/** Carried by every data answer and every pushed update. */
export interface Freshness {
  state: FreshnessState;
  /** The oldest `dataAsOf` of the sources behind the answer. */
  asOf: string | null;
  sources: SourceFreshness[];
}
