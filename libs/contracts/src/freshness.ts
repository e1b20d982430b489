import type { SyncRunStatus } from './sync';

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
  /** When the last sync attempt ended, successful or not. */
  lastAttemptAt: string | null;
  /** How the last attempt ended (`failed`, `skipped_breaker_open`, `succeeded`…); null before the first. */
  lastAttemptStatus: SyncRunStatus | null;
  /** Why the last attempt failed; null once an attempt succeeds. */
  lastError: FreshnessError | null;
  /** When the next attempt is scheduled (after a failure: the retry); null when none is scheduled. */
  nextAttemptAt: string | null;
  /**
   * The last attempt failed and the answer is the last good data: "serving cached data after a
   * failed sync", from the first failed run. Independent of `state`, which stays about age.
   */
  servingCached: boolean;
}

/** The last failed attempt, in words a reader of any dashboard may see. */
export interface FreshnessError {
  code: string;
  category: string;
  /** A plain cause ("ClientTether failed with HTTP 503"), never the vendor's own words. */
  message: string;
  at: string;
  /** What the upstream itself said; only for callers allowed to read raw errors (`sync.raw_read`), else null. */
  detail: string | null;
}

/** A failed attempt, whatever the data's age: the attempt statuses that leave cached data served. */
export const FAILED_ATTEMPT_STATUSES: readonly SyncRunStatus[] = ['failed', 'skipped_breaker_open'];

/** Carried by every data answer and every pushed update. */
export interface Freshness {
  state: FreshnessState;
  /** The oldest `dataAsOf` of the sources behind the answer. */
  asOf: string | null;
  /** True when any source behind the answer is `servingCached`. */
  servingCached: boolean;
  sources: SourceFreshness[];
}
