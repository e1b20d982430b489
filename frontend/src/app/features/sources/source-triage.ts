import type { BreakerState, RunBeat, RunShare, Source, SyncRunStatus } from '@switchyard/contracts';
import { lastAttemptFailed } from '../../core/freshness-badge-view';

/** What an on-call engineer sorts sources by: worst first. */
export const TRIAGE_STATES = ['failing', 'rate_limited', 'stale', 'late', 'paused', 'fresh'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

export const TRIAGE_LABELS: Record<TriageState, string> = {
  failing: 'Failing',
  rate_limited: 'Rate limited',
  stale: 'Stale',
  late: 'Late',
  paused: 'Paused',
  fresh: 'Fresh',
};

export const TRIAGE_TONES: Record<TriageState, 'ok' | 'warn' | 'bad' | 'muted'> = {
  failing: 'bad',
  rate_limited: 'warn',
  stale: 'bad',
  late: 'warn',
  paused: 'muted',
  fresh: 'ok',
};

/**
 * One state per source: paused when disabled; failing when its last attempt failed or its
 * breaker is open (never "fresh" then); rate limited while a Retry-After holds; else by age
 * (unavailable — never loaded — counts as stale).
 */
export function triageState(source: Source): TriageState {
  if (!source.enabled) return 'paused';
  const freshness = source.status.freshness;
  if (freshness.state === 'rate_limited') return 'rate_limited';
  if (lastAttemptFailed(freshness) || source.status.breaker.state === 'open') return 'failing';
  if (freshness.state === 'stale' || freshness.state === 'unavailable') return 'stale';
  return freshness.state === 'late' ? 'late' : 'fresh';
}

export function countByState(sources: readonly Source[]): Record<TriageState, number> {
  const counts = Object.fromEntries(TRIAGE_STATES.map((s) => [s, 0])) as Record<TriageState, number>;
  for (const source of sources) counts[triageState(source)] += 1;
  return counts;
}

export type TriageSort = 'state' | 'name' | 'age' | 'next';

/** Worst state first (then oldest data), by name, by data age (oldest first) or by next run (soonest first). */
export function sortSources(sources: readonly Source[], by: TriageSort): Source[] {
  const age = (s: Source) => s.status.freshness.ageSeconds ?? Number.POSITIVE_INFINITY;
  const next = (s: Source) => (s.status.nextRunAt ? Date.parse(s.status.nextRunAt) : Number.POSITIVE_INFINITY);
  const byName = (a: Source, b: Source) => a.name.localeCompare(b.name);
  const compare: Record<TriageSort, (a: Source, b: Source) => number> = {
    state: (a, b) =>
      TRIAGE_STATES.indexOf(triageState(a)) - TRIAGE_STATES.indexOf(triageState(b)) || age(b) - age(a) || byName(a, b),
    name: byName,
    age: (a, b) => age(b) - age(a) || byName(a, b),
    next: (a, b) => next(a) - next(b) || byName(a, b),
  };
  return [...sources].sort(compare[by]);
}

/** Every internal run status in words. */
export const RUN_STATUS_WORDS: Record<SyncRunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  partial: 'Partly succeeded',
  failed: 'Failed',
  skipped_unchanged: 'No changes upstream',
  skipped_breaker_open: 'Skipped: circuit breaker open',
};

export function runStatusWords(status: string | null | undefined): string {
  if (!status) return 'Never run';
  return RUN_STATUS_WORDS[status as SyncRunStatus] ?? status.replace(/_/g, ' ');
}

/** The circuit breaker in words: what it means for the next runs. */
export const BREAKER_WORDS: Record<BreakerState, string> = {
  closed: 'Closed (runs normally)',
  open: 'Open (runs paused after failures)',
  half_open: 'Testing (one trial run allowed)',
};

/** Heartbeat colour per run outcome. */
export function beatTone(status: SyncRunStatus): 'ok' | 'warn' | 'bad' | 'muted' {
  switch (status) {
    case 'succeeded':
    case 'skipped_unchanged':
      return 'ok';
    case 'partial':
      return 'warn';
    case 'failed':
    case 'skipped_breaker_open':
      return 'bad';
    default:
      return 'muted';
  }
}

/** "Failed · 14:02:31 · 1.2 s · 3 attempts · HTTP 503 from ServiceNow": a beat's tooltip. */
export function beatTitle(beat: RunBeat, time: (iso: string) => string): string {
  const parts = [runStatusWords(beat.status)];
  const at = beat.startedAt ?? beat.finishedAt;
  if (at) parts.push(time(at));
  if (beat.durationMs !== null) parts.push(formatMs(beat.durationMs));
  if (beat.attempts > 1) parts.push(`${beat.attempts} attempts`);
  if (beat.status === 'succeeded' || beat.status === 'partial') parts.push(`${beat.recordsFetched} records`);
  if (beat.errorMessage) parts.push(beat.errorMessage);
  return parts.join(' · ');
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "96.5 % (83 of 86)", or "no runs" in the window. */
export function shareWords(share: RunShare | undefined): string {
  if (!share || share.total === 0) return 'no runs';
  const percent = Math.floor((share.succeeded / share.total) * 1000) / 10;
  return `${percent} % (${share.succeeded} of ${share.total})`;
}
