import type { Freshness, SourceFreshness } from '@switchyard/contracts';
import { delayedSources, describeDelay, freshnessTone, lastUpdatedAt } from './freshness-view';

function source(overrides: Partial<SourceFreshness> = {}): SourceFreshness {
  return {
    id: 'pm-projects',
    name: 'Projects',
    lastSuccessAt: '2026-11-26T10:00:00.000Z',
    dataAsOf: '2026-11-26T10:00:00.000Z',
    ageSeconds: 30,
    state: 'fresh',
    reason: null,
    lastAttemptAt: '2026-11-26T10:00:00.000Z',
    lastAttemptStatus: 'succeeded',
    lastError: null,
    nextAttemptAt: '2026-11-26T11:00:00.000Z',
    servingCached: false,
    ...overrides,
  };
}

function freshness(sources: SourceFreshness[]): Freshness {
  return { state: 'fresh', asOf: null, servingCached: sources.some((s) => s.servingCached), sources };
}

describe('lastUpdatedAt', () => {
  it('is the oldest last success of the sources', () => {
    const value = lastUpdatedAt(freshness([source(), source({ id: 'b', lastSuccessAt: '2026-11-26T09:00:00.000Z' })]));
    expect(value).toBe(Date.parse('2026-11-26T09:00:00.000Z'));
  });

  it('is null while any source never loaded, or without sources', () => {
    expect(lastUpdatedAt(freshness([source(), source({ lastSuccessAt: null })]))).toBeNull();
    expect(lastUpdatedAt(freshness([]))).toBeNull();
    expect(lastUpdatedAt(undefined)).toBeNull();
  });
});

describe('delayedSources', () => {
  it('lists the sources that are not fresh, worst first, with age and reason', () => {
    const delayed = delayedSources(
      freshness([
        source(),
        source({ id: 'late', name: 'Tickets', state: 'late', ageSeconds: 400, reason: 'no success for 6 min' }),
        source({ id: 'stale', name: 'HRIS', state: 'stale', ageSeconds: 7200, reason: 'upstream answered 503' }),
      ]),
    );
    expect(delayed.map((d) => d.id)).toEqual(['stale', 'late']);
    expect(delayed[0].summary).toBe('Stale · data 2 h 0 min old · upstream answered 503');
  });

  it('lists a source serving cached data after a failed sync, although its data is not late yet', () => {
    const at = (time: string) => new Date(`2026-11-26T${time}:00`).toISOString(); // local time, as shown
    const failed = source({
      id: 'crm',
      name: 'Leads',
      lastSuccessAt: at('14:02'),
      lastAttemptAt: at('14:05'),
      lastAttemptStatus: 'failed',
      nextAttemptAt: at('14:07'),
      servingCached: true,
      reason: 'last sync failed: ClientTether failed with HTTP 503; serving cached data',
      lastError: {
        code: 'UPSTREAM_SERVER_ERROR',
        category: 'upstream_error',
        message: 'ClientTether failed with HTTP 503',
        at: at('14:05'),
        detail: null,
      },
    });
    const [delayed] = delayedSources(freshness([source(), failed]), Date.parse(at('14:07')));
    expect(delayed).toMatchObject({ id: 'crm', state: 'fresh' });
    expect(delayed.failure).toBe(
      'Last sync failed 2 min ago (ClientTether failed with HTTP 503); showing data from 14:02; next try 14:07',
    );
    expect(delayed.summary).toMatch(/^Cached · data 30 s old/);
    expect(delayedSources(freshness([{ ...failed, servingCached: false, lastError: null }]))).toEqual([]);
  });

  it('says when a source has no data yet', () => {
    expect(describeDelay(source({ state: 'unavailable', ageSeconds: null }))).toBe('Unavailable · no data yet');
  });
});

describe('freshnessTone', () => {
  it('never shows stale or unavailable data in the fresh colour', () => {
    expect(freshnessTone('fresh')).toBe('ok');
    expect(freshnessTone('late')).toBe('warn');
    expect(freshnessTone('rate_limited')).toBe('warn');
    expect(freshnessTone('stale')).toBe('bad');
    expect(freshnessTone('unavailable')).toBe('bad');
  });
});
