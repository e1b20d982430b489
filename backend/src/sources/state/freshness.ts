import {
  FAILED_ATTEMPT_STATUSES,
  type FreshnessError,
  type FreshnessState,
  type SourceFreshness,
  type SyncRunStatus,
} from '@switchyard/contracts';
import type { SourceEntity } from '../entities/source.entity';
import type { SourceStateEntity } from './source-state.entity';
import { nominalIntervalSeconds } from '../cadence';

/**
 * Judges one source's freshness from its two clocks. `late`: no successful sync within
 * one cadence interval (plus the time a run may take), or data older than warn-after.
 * `stale`: past stale-after on either clock. A pending Retry-After reads `rate_limited`.
 * The last attempt rides along: a failed one says "serving cached data" at any age.
 * `rawErrors` adds what the upstream itself said, for callers allowed to read raw errors.
 */
export function judgeFreshness(
  source: SourceEntity,
  state: SourceStateEntity | null,
  now: Date,
  rawErrors = false,
): SourceFreshness {
  const verdict = judgeAge(source, state, now);
  const attempt = lastAttempt(source, state, rawErrors);
  const cached = attempt.servingCached && attempt.lastError;
  const reason = verdict.reason ?? (cached ? `last sync failed: ${cached.message}; serving cached data` : null);
  return { ...verdict, ...attempt, reason };
}

type AgeVerdict = Pick<
  SourceFreshness,
  'id' | 'name' | 'lastSuccessAt' | 'dataAsOf' | 'ageSeconds' | 'state' | 'reason'
>;
type AttemptFacts = Pick<
  SourceFreshness,
  'lastAttemptAt' | 'lastAttemptStatus' | 'lastError' | 'nextAttemptAt' | 'servingCached'
>;

function lastAttempt(source: SourceEntity, state: SourceStateEntity | null, rawErrors: boolean): AttemptFacts {
  const status = (state?.lastRunStatus ?? null) as SyncRunStatus | null;
  const failed = status !== null && FAILED_ATTEMPT_STATUSES.includes(status);
  const lastError: FreshnessError | null =
    failed && state?.lastErrorCode && state.lastErrorAt
      ? {
          code: state.lastErrorCode,
          category: state.lastErrorCategory ?? 'internal',
          message: state.lastErrorMessage ?? '',
          at: state.lastErrorAt.toISOString(),
          detail: rawErrors ? (state.lastErrorDetail ?? null) : null,
        }
      : null;
  const scheduled = source.enabled && source.kind === 'http-pull' && state?.nextRunAt;
  return {
    lastAttemptAt: state?.lastAttemptAt?.toISOString() ?? null,
    lastAttemptStatus: status,
    lastError,
    nextAttemptAt: scheduled ? state.nextRunAt.toISOString() : null,
    servingCached: failed && Boolean(state?.lastSuccessAt),
  };
}

function judgeAge(source: SourceEntity, state: SourceStateEntity | null, now: Date): AgeVerdict {
  const base = { id: source.id, name: source.name };
  const lastSuccessAt = state?.lastSuccessAt ?? null;
  const dataAsOf = state?.dataAsOf ?? null;
  const iso = { lastSuccessAt: lastSuccessAt?.toISOString() ?? null, dataAsOf: dataAsOf?.toISOString() ?? null };
  if (!lastSuccessAt) {
    const why = state?.lastErrorMessage ? `never loaded: ${state.lastErrorMessage}` : 'never loaded yet';
    const limited = state?.rateLimitedUntil && state.rateLimitedUntil > now;
    return { ...base, ...iso, ageSeconds: null, state: limited ? 'rate_limited' : 'unavailable', reason: why };
  }
  const tracksData = source.freshness.trackDataAge !== false;
  const dataClock = tracksData && dataAsOf ? dataAsOf : lastSuccessAt;
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - dataClock.getTime()) / 1000));
  const fetchAge = Math.max(0, Math.floor((now.getTime() - lastSuccessAt.getTime()) / 1000));
  const result = (state: FreshnessState, reason: string | null): AgeVerdict => ({
    ...base,
    ...iso,
    ageSeconds,
    state,
    reason,
  });

  if (state?.rateLimitedUntil && state.rateLimitedUntil > now) {
    const wait = Math.ceil((state.rateLimitedUntil.getTime() - now.getTime()) / 1000);
    return result('rate_limited', `upstream asked us to wait (Retry-After); next attempt in ${formatDuration(wait)}`);
  }
  const { warnAfterSeconds, staleAfterSeconds } = source.freshness;
  const lastError = state?.lastErrorMessage ? ` (last error: ${state.lastErrorMessage})` : '';
  if (fetchAge > staleAfterSeconds) {
    return result('stale', `no successful sync for ${formatDuration(fetchAge)}${lastError}`);
  }
  if (tracksData && ageSeconds > staleAfterSeconds) {
    const why = lastError || ' although syncs succeed';
    return result('stale', `upstream data has not changed for ${formatDuration(ageSeconds)}${why}`);
  }
  const interval = nominalIntervalSeconds(source.cadence, now);
  const allowance = interval + Math.ceil(source.timeoutMs / 1000) + Math.min(60, Math.ceil(interval / 10));
  if (source.kind === 'http-pull' && fetchAge > allowance) {
    return result(
      'late',
      `no successful sync for ${formatDuration(fetchAge)}, expected every ${formatDuration(interval)}${lastError}`,
    );
  }
  if (!tracksData && fetchAge > warnAfterSeconds) {
    return result(
      'late',
      `last successful sync was ${formatDuration(fetchAge)} ago (target ${formatDuration(warnAfterSeconds)})`,
    );
  }
  if (tracksData && ageSeconds > warnAfterSeconds) {
    return result(
      'late',
      `newest upstream data is ${formatDuration(ageSeconds)} old (target ${formatDuration(warnAfterSeconds)})${lastError}`,
    );
  }
  return result('fresh', null);
}

export function formatDuration(totalSeconds: number): string {
  if (totalSeconds < 180) return `${totalSeconds} s`;
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}
