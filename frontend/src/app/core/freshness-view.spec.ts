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
    ...overrides,
  };
}

function freshness(sources: SourceFreshness[]): Freshness {
  return { state: 'fresh', asOf: null, sources };
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
