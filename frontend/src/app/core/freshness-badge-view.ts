import {
  FAILED_ATTEMPT_STATUSES,
  worstFreshnessState,
  type Freshness,
  type FreshnessState,
  type SourceFreshness,
} from '@switchyard/contracts';
import { formatAge, formatAgeToSecond, formatDuration } from './format-age';
import { FRESHNESS_LABELS, freshnessTone } from './freshness-view';

/** Warn/stale thresholds to judge an age by, the rule the backend applies to a source. */
export interface AgeThresholds {
  warnAfterSeconds: number | null;
  staleAfterSeconds: number | null;
}

/** What a card's freshness badge says, computed from the answer's last-attempt fields and the clock. */
export interface BadgeView {
  /** "Fresh", "Late", "Failed 2 min ago — showing data from 14:02", "Rate limited — next try 14:07:30 (in 42 s)". */
  label: string;
  tone: 'ok' | 'warn' | 'bad';
  /** The card's own clock: "data 2 min 5 s old". */
  age: string;
  /** Which clock `age` means, for the tooltip. */
  clock: string;
}

/** True when the source's last attempt failed (whatever the data's age): cached data is being shown. */
export function lastAttemptFailed(source: SourceFreshness): boolean {
  return (
    source.servingCached ||
    (source.lastAttemptStatus !== null && FAILED_ATTEMPT_STATUSES.includes(source.lastAttemptStatus))
  );
}

/** A state judged by age alone, with the backend's rule: past stale-after is stale, past warn-after late. */
export function stateByAge(ageSeconds: number, thresholds: AgeThresholds): FreshnessState {
  if (thresholds.staleAfterSeconds !== null && ageSeconds > thresholds.staleAfterSeconds) return 'stale';
  if (thresholds.warnAfterSeconds !== null && ageSeconds > thresholds.warnAfterSeconds) return 'late';
  return 'fresh';
}

/** The oldest data behind the answer: each source's newest record (or last success when it has no timestamps). */
export function oldestDataAt(freshness: Freshness | null | undefined): number | null {
  if (!freshness || freshness.sources.length === 0) return null;
  let oldest = Number.POSITIVE_INFINITY;
  for (const source of freshness.sources) {
    const at = source.dataAsOf ?? source.lastSuccessAt;
    if (!at) return null;
    oldest = Math.min(oldest, Date.parse(at));
  }
  return Number.isFinite(oldest) ? oldest : null;
}

/** "in 1 min 5 s", "now" once due. */
export function countdown(ms: number): string {
  if (ms <= 0) return 'now';
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds < 3600) return `in ${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `in ${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** 14:07:30 today, or "26 Nov 14:07:30" on another day, in the browser's zone. */
export function clockTime(at: number, now: number): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (date.toDateString() === new Date(now).toDateString()) return time;
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}

/** "42 s", "3 min 12 s", "2 h 5 min". */
export function ageWords(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return formatDuration(seconds);
}

/**
 * The badge of a card: a failed last attempt reads "Failed …" (never "Fresh"), a pending
 * Retry-After "Rate limited — next try …" with a countdown, otherwise the age state. With
 * `thresholds` the state is also judged by age on this clock, so a frozen card turns Late
 * then Stale between answers.
 */
export function freshnessBadgeView(
  freshness: Freshness | null | undefined,
  now: number,
  options: { receivedAt?: number; dataAsOf?: string | null; thresholds?: AgeThresholds } = {},
): BadgeView {
  const sources = freshness?.sources ?? [];
  const dataAt =
    options.dataAsOf !== undefined ? (options.dataAsOf ? Date.parse(options.dataAsOf) : null) : oldestDataAt(freshness);
  const clock =
    options.dataAsOf !== undefined
      ? "Age of this card's own data: its newest data point."
      : 'Age of the oldest data behind this card, the same clock as the "data delayed" banner.';
  let age: string;
  if (dataAt !== null) age = `data ${ageWords(now - dataAt)} old`;
  else if (freshness && sources.length > 0) age = 'no data yet';
  else if (options.receivedAt !== undefined) age = `received ${formatAgeToSecond(now - options.receivedAt)}`;
  else age = 'not loaded yet';
  const ageClock =
    dataAt === null && options.receivedAt !== undefined && sources.length === 0
      ? 'When this browser received the answer.'
      : clock;

  let state: FreshnessState = freshness?.state ?? 'fresh';
  if (options.thresholds && dataAt !== null) {
    state = worstFreshnessState([state, stateByAge(Math.floor((now - dataAt) / 1000), options.thresholds)]);
  }

  const limited = sources.find((s) => s.state === 'rate_limited');
  if (state === 'rate_limited' && limited) {
    const next = limited.nextAttemptAt ? Date.parse(limited.nextAttemptAt) : null;
    const when = next === null ? '' : ` — next try ${clockTime(next, now)} (${countdown(next - now)})`;
    return { label: `Rate limited${when}`, tone: 'warn', age, clock: ageClock };
  }

  const failed = sources.filter(lastAttemptFailed);
  if (failed.length > 0) {
    const source = failed[0];
    const failedAt = source.lastError?.at ?? source.lastAttemptAt;
    const when = failedAt ? ` ${formatAge(now - Date.parse(failedAt))}` : '';
    const showing = source.lastSuccessAt
      ? ` — showing data from ${clockTime(Date.parse(source.lastSuccessAt), now)}`
      : '';
    return { label: `Failed${when}${showing}`, tone: 'bad', age, clock: ageClock };
  }

  return { label: FRESHNESS_LABELS[state], tone: freshnessTone(state), age, clock: ageClock };
}
