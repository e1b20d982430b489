import { worstFreshnessState, type Freshness, type FreshnessState, type SourceFreshness } from '@switchyard/contracts';
import { formatDuration } from './format-age';

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
}

/** The sources behind an answer that are not fresh, worst first, in words for the "data delayed" banner. */
export function delayedSources(freshness: Freshness | null | undefined): DelayedSource[] {
  if (!freshness) return [];
  const order: FreshnessState[] = ['unavailable', 'stale', 'rate_limited', 'late'];
  return freshness.sources
    .filter((s) => s.state !== 'fresh')
    .sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.name.localeCompare(b.name))
    .map((s) => ({ id: s.id, name: s.name, state: s.state, summary: describeDelay(s) }));
}

export function describeDelay(source: SourceFreshness): string {
  const parts = [FRESHNESS_LABELS[source.state]];
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
    sources: [...sources.values()],
  };
}
