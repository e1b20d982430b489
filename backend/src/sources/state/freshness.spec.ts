import type { SourceEntity } from '../entities/source.entity';
import type { SourceStateEntity } from './source-state.entity';
import { formatDuration, judgeFreshness } from './freshness';

const now = new Date('2026-11-26T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function source(overrides: Partial<SourceEntity> = {}): SourceEntity {
  return {
    id: 'pm-projects',
    name: 'PM projects',
    kind: 'http-pull',
    domain: 'projects',
    connector: { id: 'simulator-pm', stream: 'projects', credentialId: null, config: {} },
    tenant: null,
    enabled: true,
    cadence: { type: 'interval', everySeconds: 300 },
    fullSync: null,
    timeoutMs: 10_000,
    retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1000 },
    retrySchedule: { firstDelaySeconds: 60, maxDelaySeconds: null },
    breaker: { failureThreshold: 5, halfOpenAfterMs: 60_000 },
    freshness: { warnAfterSeconds: 360, staleAfterSeconds: 900 },
    webhookSecretCredentialId: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

function state(overrides: Partial<SourceStateEntity> = {}): SourceStateEntity {
  return {
    sourceId: 'pm-projects',
    lastSuccessAt: ago(10),
    dataAsOf: ago(20),
    rateLimitedUntil: null,
    lastErrorMessage: null,
    ...overrides,
  } as SourceStateEntity;
}

describe('judgeFreshness', () => {
  it('is unavailable before the first success, with the error that stopped it', () => {
    const verdict = judgeFreshness(
      source(),
      state({ lastSuccessAt: null, dataAsOf: null, lastErrorMessage: 'pm failed with HTTP 503' }),
      now,
    );
    expect(verdict).toMatchObject({
      state: 'unavailable',
      ageSeconds: null,
      reason: 'never loaded: pm failed with HTTP 503',
    });
  });

  it('is fresh when both clocks are recent', () => {
    expect(judgeFreshness(source(), state(), now)).toMatchObject({ state: 'fresh', ageSeconds: 20, reason: null });
  });

  it('is late when no sync succeeded within one interval plus the run allowance', () => {
    const verdict = judgeFreshness(
      source(),
      state({ lastSuccessAt: ago(400), dataAsOf: ago(100), lastErrorMessage: 'pm did not answer within 10000 ms' }),
      now,
    );
    expect(verdict.state).toBe('late');
    expect(verdict.reason).toContain(
      'no successful sync for 7 min, expected every 5 min (last error: pm did not answer',
    );
  });

  it('is late when syncs succeed but the newest record is older than warn-after', () => {
    const verdict = judgeFreshness(source(), state({ lastSuccessAt: ago(5), dataAsOf: ago(400) }), now);
    expect(verdict).toMatchObject({ state: 'late', ageSeconds: 400 });
  });

  it('is stale when the upstream stopped changing although every fetch succeeds', () => {
    const verdict = judgeFreshness(source(), state({ lastSuccessAt: ago(5), dataAsOf: ago(1000) }), now);
    expect(verdict.state).toBe('stale');
    expect(verdict.reason).toBe('upstream data has not changed for 17 min although syncs succeed');
  });

  it('is stale when nothing succeeded for longer than stale-after', () => {
    expect(judgeFreshness(source(), state({ lastSuccessAt: ago(1000), dataAsOf: ago(1000) }), now).state).toBe('stale');
  });

  it('is rate limited while a Retry-After is pending, not failed', () => {
    const verdict = judgeFreshness(source(), state({ rateLimitedUntil: new Date(now.getTime() + 30_000) }), now);
    expect(verdict).toMatchObject({
      state: 'rate_limited',
      reason: expect.stringContaining('next attempt in 30 s') as unknown,
    });
  });

  it('does not call a webhook-fed source late for lack of polling', () => {
    const webhook = source({ kind: 'webhook', freshness: { warnAfterSeconds: 3600, staleAfterSeconds: 7200 } });
    expect(judgeFreshness(webhook, state({ lastSuccessAt: ago(1800), dataAsOf: ago(1800) }), now).state).toBe('fresh');
  });
});

describe('formatDuration', () => {
  it.each([
    [45, '45 s'],
    [150, '150 s'],
    [600, '10 min'],
    [5400, '1 h 30 min'],
    [7200, '2 h'],
    [3 * 86400, '3 days'],
  ])('%i s reads %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('judgeFreshness without data-age tracking', () => {
  const quiet = source({ freshness: { warnAfterSeconds: 3900, staleAfterSeconds: 7800, trackDataAge: false } });

  it('stays fresh while syncs succeed, however old the newest record is', () => {
    expect(judgeFreshness(quiet, state({ lastSuccessAt: ago(60), dataAsOf: ago(86_400) }), now)).toMatchObject({
      state: 'fresh',
      ageSeconds: 60,
    });
  });

  it('is late and then stale by the age of the last successful sync', () => {
    expect(judgeFreshness(quiet, state({ lastSuccessAt: ago(4000), dataAsOf: ago(4000) }), now).state).toBe('late');
    expect(judgeFreshness(quiet, state({ lastSuccessAt: ago(8000), dataAsOf: ago(8000) }), now).state).toBe('stale');
  });
});

describe('judgeFreshness and the last attempt', () => {
  const failed = state({
    lastSuccessAt: ago(120),
    dataAsOf: ago(130),
    lastAttemptAt: ago(5),
    lastRunStatus: 'failed',
    lastErrorCode: 'UPSTREAM_SERVER_ERROR',
    lastErrorCategory: 'upstream_error',
    lastErrorMessage: 'ClientTether failed with HTTP 503 (3 attempts)',
    lastErrorDetail: 'maintenance window, try later',
    lastErrorAt: ago(5),
    nextRunAt: new Date(now.getTime() + 55_000),
  });

  it('says "serving cached data" from the first failed run, while the age still reads fresh', () => {
    const verdict = judgeFreshness(source(), failed, now);
    expect(verdict).toMatchObject({
      state: 'fresh',
      servingCached: true,
      lastAttemptAt: ago(5).toISOString(),
      lastAttemptStatus: 'failed',
      nextAttemptAt: new Date(now.getTime() + 55_000).toISOString(),
      lastError: {
        code: 'UPSTREAM_SERVER_ERROR',
        message: 'ClientTether failed with HTTP 503 (3 attempts)',
        detail: null,
      },
    });
    expect(verdict.reason).toBe(
      'last sync failed: ClientTether failed with HTTP 503 (3 attempts); serving cached data',
    );
  });

  it('gives what the upstream said only to raw-error readers', () => {
    expect(judgeFreshness(source(), failed, now, true).lastError?.detail).toBe('maintenance window, try later');
  });

  it('keeps late and stale about age, with the cached flag beside them', () => {
    const old = { ...failed, lastSuccessAt: ago(1000), dataAsOf: ago(1000) } as SourceStateEntity;
    expect(judgeFreshness(source(), old, now)).toMatchObject({ state: 'stale', servingCached: true });
  });

  it('has nothing cached to serve before the first success, and nothing failed after a success', () => {
    expect(judgeFreshness(source(), { ...failed, lastSuccessAt: null }, now)).toMatchObject({
      state: 'unavailable',
      servingCached: false,
      lastAttemptStatus: 'failed',
    });
    const recovered = state({ lastAttemptAt: ago(1), lastRunStatus: 'succeeded', nextRunAt: ago(-299) });
    expect(judgeFreshness(source(), recovered, now)).toMatchObject({
      state: 'fresh',
      reason: null,
      servingCached: false,
      lastError: null,
      lastAttemptStatus: 'succeeded',
    });
  });

  it('names no next attempt for a disabled source', () => {
    expect(judgeFreshness(source({ enabled: false }), failed, now).nextAttemptAt).toBeNull();
  });
});
