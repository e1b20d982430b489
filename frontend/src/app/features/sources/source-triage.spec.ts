import type { RunBeat, Source, SourceFreshness } from '@switchyard/contracts';
import {
  BREAKER_WORDS,
  RUN_STATUS_WORDS,
  beatTitle,
  beatTone,
  countByState,
  shareWords,
  sortSources,
  triageState,
} from './source-triage';

const freshness = (overrides: Partial<SourceFreshness> = {}): SourceFreshness => ({
  id: 'x',
  name: 'X',
  lastSuccessAt: '2026-11-26T14:00:00Z',
  dataAsOf: '2026-11-26T14:00:00Z',
  ageSeconds: 60,
  state: 'fresh',
  reason: null,
  lastAttemptAt: '2026-11-26T14:00:00Z',
  lastAttemptStatus: 'succeeded',
  lastError: null,
  nextAttemptAt: null,
  servingCached: false,
  ...overrides,
});

const source = (
  id: string,
  f: Partial<SourceFreshness> = {},
  extra: { enabled?: boolean; breaker?: 'closed' | 'open' | 'half_open'; nextRunAt?: string } = {},
): Source =>
  ({
    id,
    name: id,
    enabled: extra.enabled ?? true,
    kind: 'http-pull',
    status: {
      nextRunAt: extra.nextRunAt ?? null,
      breaker: { state: extra.breaker ?? 'closed', consecutiveFailures: 0, openedAt: null, halfOpenAt: null },
      freshness: freshness({ id, ...f }),
    },
  }) as unknown as Source;

describe('sources triage', () => {
  it('never calls a source fresh after a failed run or with an open breaker', () => {
    expect(triageState(source('a'))).toBe('fresh');
    expect(triageState(source('b', { lastAttemptStatus: 'failed', servingCached: true }))).toBe('failing');
    expect(triageState(source('c', {}, { breaker: 'open' }))).toBe('failing');
    expect(triageState(source('d', { lastAttemptStatus: 'skipped_breaker_open' }))).toBe('failing');
  });

  it('tells rate limited, stale, late and paused apart', () => {
    expect(triageState(source('a', { state: 'rate_limited', lastAttemptStatus: 'failed' }))).toBe('rate_limited');
    expect(triageState(source('b', { state: 'stale' }))).toBe('stale');
    expect(triageState(source('c', { state: 'unavailable', lastAttemptStatus: null }))).toBe('stale');
    expect(triageState(source('d', { state: 'late' }))).toBe('late');
    expect(triageState(source('e', { state: 'stale' }, { enabled: false }))).toBe('paused');
  });

  it('counts by state and sorts worst first, then oldest data', () => {
    const list = [
      source('fresh'),
      source('late', { state: 'late', ageSeconds: 100 }),
      source('failing', { lastAttemptStatus: 'failed' }),
      source('stale-old', { state: 'stale', ageSeconds: 9000 }),
      source('stale-new', { state: 'stale', ageSeconds: 500 }),
    ];
    expect(countByState(list)).toEqual({ failing: 1, rate_limited: 0, stale: 2, late: 1, paused: 0, fresh: 1 });
    expect(sortSources(list, 'state').map((s) => s.id)).toEqual(['failing', 'stale-old', 'stale-new', 'late', 'fresh']);
    expect(sortSources(list, 'age').map((s) => s.id)[0]).toBe('stale-old');
    const timed = [
      source('later', {}, { nextRunAt: '2026-11-26T15:00:00Z' }),
      source('sooner', {}, { nextRunAt: '2026-11-26T14:01:00Z' }),
    ];
    expect(sortSources(timed, 'next').map((s) => s.id)).toEqual(['sooner', 'later']);
  });

  it('words every internal status and breaker state for people', () => {
    for (const words of [...Object.values(RUN_STATUS_WORDS), ...Object.values(BREAKER_WORDS)]) {
      expect(words).not.toMatch(/_/);
    }
    expect(RUN_STATUS_WORDS.skipped_unchanged).toBe('No changes upstream');
    expect(BREAKER_WORDS.half_open).toContain('Testing');
  });

  it('colours and describes a heartbeat beat, and words success shares', () => {
    const beat: RunBeat = {
      id: 'r',
      status: 'failed',
      trigger: 'schedule',
      startedAt: '2026-11-26T14:02:31Z',
      finishedAt: '2026-11-26T14:02:32Z',
      durationMs: 1234,
      attempts: 3,
      recordsFetched: 0,
      errorCode: 'UPSTREAM_SERVER_ERROR',
      errorMessage: 'ServiceNow answered HTTP 503',
    };
    expect(beatTone('failed')).toBe('bad');
    expect(beatTone('skipped_unchanged')).toBe('ok');
    expect(beatTitle(beat, () => '14:02:31')).toBe(
      'Failed · 14:02:31 · 1.2 s · 3 attempts · ServiceNow answered HTTP 503',
    );
    expect(shareWords({ succeeded: 83, total: 86 })).toBe('96.5 % (83 of 86)');
    expect(shareWords({ succeeded: 0, total: 0 })).toBe('no runs');
  });
});

describe('source run chart', () => {
  it('plots response time and records per run oldest first, and marks failed runs', async () => {
    const { runChart } = await import('./source-run-chart');
    const run = (queuedAt: string, status: 'succeeded' | 'failed', durationMs: number, records: number) =>
      ({
        id: queuedAt,
        status,
        queuedAt,
        startedAt: queuedAt,
        finishedAt: queuedAt,
        durationMs,
        recordsFetched: records,
        errorMessage: status === 'failed' ? 'HTTP 503' : null,
      }) as never;
    const options = runChart([
      run('2026-11-26T14:01:00Z', 'failed', 900, 0),
      run('2026-11-26T14:00:00Z', 'succeeded', 250, 40),
    ]) as { series: { name: string; data: unknown[] }[] };
    const [time, records, failed] = options.series;
    expect(time.data).toEqual([
      [Date.parse('2026-11-26T14:00:00Z'), 250],
      [Date.parse('2026-11-26T14:01:00Z'), 900],
    ]);
    expect(records.data).toEqual([
      [Date.parse('2026-11-26T14:00:00Z'), 40],
      [Date.parse('2026-11-26T14:01:00Z'), 0],
    ]);
    expect(failed.data).toEqual([{ value: [Date.parse('2026-11-26T14:01:00Z'), 0], name: 'Failed: HTTP 503' }]);
    expect(runChart([])).toBeNull();
  });
});
