import { worstFreshnessState, type Freshness, type FreshnessState, type SourceFreshness } from '@switchyard/contracts';
import { formatAge, formatDuration } from './format-age';

export const FRESHNESS_LABELS: Record<FreshnessState, string> = {
  fresh: 'Fresh',
  late: 'Late',
  stale: 'Stale',
  rate_limited: 'Rate limited',
  unavailable: 'Unavailable',
};

/** Badge tone per state: stale data must never look fresh. */
export function freshnessTone(state: FreshnessState): 'ok' | 'warn' | 'bad' {
  switch (state) {
    case 'fresh':
      return 'ok';
    case 'late':
    case 'rate_limited':
      return 'warn';
    case 'stale':
    case 'unavailable':
      return 'bad';
  }
}

/**
 * When the data behind an answer was last fetched: the oldest last success of its
 * sources, since a widget is only as current as its slowest source. Null while any
 * source never loaded.
 */
export function lastUpdatedAt(freshness: Freshness | null | undefined): number | null {
  if (!freshness || freshness.sources.length === 0) return null;
  let oldest = Number.POSITIVE_INFINITY;
  for (const source of freshness.sources) {
    if (!source.lastSuccessAt) return null;
    oldest = Math.min(oldest, Date.parse(source.lastSuccessAt));
  }
  return Number.isFinite(oldest) ? oldest : null;
}

export interface DelayedSource {
  id: string;
  name: string;
  state: FreshnessState;
  /** "Stale · data 3 h old · upstream answered 503" */
  summary: string;
  /** "Last sync failed 2 min ago (…); showing data from 14:02; next try 14:07", when serving cached data. */
  failure: string | null;
}

/**
 * The sources behind an answer that are not fresh or whose last sync failed, worst first,
 * in words for the "data delayed" banner. `now` moves the "failed N min ago" text.
 */
export function delayedSources(freshness: Freshness | null | undefined, now = Date.now()): DelayedSource[] {
  if (!freshness) return [];
  const order: FreshnessState[] = ['unavailable', 'stale', 'rate_limited', 'late', 'fresh'];
  return freshness.sources
    .filter((s) => s.state !== 'fresh' || s.servingCached)
    .sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.name.localeCompare(b.name))
    .map((s) => ({
      id: s.id,
      name: s.name,
      state: s.state,
      summary: describeDelay(s),
      failure: s.servingCached ? describeFailedSync(s, now) : null,
    }));
}

/** "Last sync failed 2 min ago (ClientTether failed with HTTP 503); showing data from 14:02; next try 14:07" */
export function describeFailedSync(source: SourceFreshness, now: number): string {
  const failedAt = source.lastError?.at ?? source.lastAttemptAt;
  const when = failedAt ? ` ${formatAge(now - Date.parse(failedAt))}` : '';
  const cause = source.lastError ? ` (${source.lastError.message})` : '';
  const parts = [`Last sync failed${when}${cause}`];
  if (source.lastSuccessAt) parts.push(`showing data from ${clockTime(source.lastSuccessAt, now)}`);
  if (source.nextAttemptAt) parts.push(`next try ${clockTime(source.nextAttemptAt, now)}`);
  return parts.join('; ');
}

/** 14:02 today, or "26 Nov 14:02" on another day, in the browser's time zone. */
function clockTime(iso: string, now: number): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  if (at.toDateString() === new Date(now).toDateString()) return time;
  return `${at.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
}

export function describeDelay(source: SourceFreshness): string {
  const parts = [source.state === 'fresh' && source.servingCached ? 'Cached' : FRESHNESS_LABELS[source.state]];
  parts.push(source.ageSeconds === null ? 'no data yet' : `data ${formatDuration(source.ageSeconds)} old`);
  if (source.reason) parts.push(source.reason);
  return parts.join(' · ');
}

/** One freshness for a page built from several answers: every source once, the worst state. */
export function mergeFreshness(...answers: (Freshness | null | undefined)[]): Freshness | undefined {
  const present = answers.filter((f): f is Freshness => !!f);
  if (present.length === 0) return undefined;
  const sources = new Map<string, SourceFreshness>();
  for (const f of present) for (const s of f.sources) sources.set(s.id, s);
  const asOfs = present
    .map((f) => f.asOf)
    .filter((a): a is string => a !== null)
    .sort();
  return {
    state: worstFreshnessState(present.map((f) => f.state)),
    asOf: asOfs[0] ?? null,
    servingCached: [...sources.values()].some((s) => s.servingCached),
    sources: [...sources.values()],
  };
}
