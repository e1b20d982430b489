import type { Freshness, SourceFreshness } from '@switchyard/contracts';
import { countdown, freshnessBadgeView, stateByAge } from './freshness-badge-view';

const now = Date.parse('2026-11-26T14:10:00Z');
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();

const source = (overrides: Partial<SourceFreshness>): SourceFreshness => ({
  id: 'pm-projects',
  name: 'Projects',
  lastSuccessAt: iso(60_000),
  dataAsOf: iso(60_000),
  ageSeconds: 60,
  state: 'fresh',
  reason: null,
  lastAttemptAt: iso(60_000),
  lastAttemptStatus: 'succeeded',
  lastError: null,
  nextAttemptAt: null,
  servingCached: false,
  ...overrides,
});
const answer = (...sources: SourceFreshness[]): Freshness => ({
  state: sources.some((s) => s.state === 'rate_limited') ? 'rate_limited' : (sources[0]?.state ?? 'fresh'),
  asOf: sources[0]?.dataAsOf ?? null,
  servingCached: sources.some((s) => s.servingCached),
  sources,
});

describe('freshness badge', () => {
  it('reads Fresh with the age of the oldest data behind the card', () => {
    const view = freshnessBadgeView(answer(source({}), source({ id: 'b', dataAsOf: iso(125_000) })), now);
    expect(view).toMatchObject({ label: 'Fresh', tone: 'ok', age: 'data 2 min 5 s old' });
    expect(view.clock).toContain('banner');
  });

  it('never reads Fresh after a failed run: "Failed N ago — showing data from …"', () => {
    const failed = source({
      lastAttemptStatus: 'failed',
      lastAttemptAt: iso(120_000),
      servingCached: true,
      lastError: { code: 'upstream_5xx', category: 'upstream', message: 'HTTP 503', at: iso(120_000), detail: null },
    });
    const view = freshnessBadgeView(answer(failed), now);
    expect(view.tone).toBe('bad');
    expect(view.label).toMatch(/^Failed 2 min ago — showing data from \d\d:\d\d:\d\d$/);
    expect(freshnessBadgeView(answer(source({ lastAttemptStatus: 'skipped_breaker_open' })), now).label).toMatch(
      /^Failed/,
    );
  });

  it('counts down to the next try while rate limited', () => {
    const limited = source({ state: 'rate_limited', nextAttemptAt: new Date(now + 89_000).toISOString() });
    const first = freshnessBadgeView(answer(limited), now);
    const later = freshnessBadgeView(answer(limited), now + 30_000);
    expect(first.label).toMatch(/^Rate limited — next try \d\d:\d\d:\d\d \(in 1 min 29 s\)$/);
    expect(later.label).toContain('(in 59 s)');
    expect(freshnessBadgeView(answer(limited), now + 90_000).label).toContain('(now)');
    expect(first.tone).toBe('warn');
  });

  it("turns Late then Stale on a card's own clock as time passes", () => {
    const thresholds = { warnAfterSeconds: 90, staleAfterSeconds: 150 };
    const options = (dataAsOf: string) => ({ dataAsOf, thresholds });
    expect(freshnessBadgeView(answer(source({})), now, options(iso(30_000))).label).toBe('Fresh');
    const late = freshnessBadgeView(answer(source({})), now, options(iso(100_000)));
    expect(late).toMatchObject({ label: 'Late', tone: 'warn', age: 'data 1 min 40 s old' });
    expect(late.clock).toContain("this card's own data");
    expect(freshnessBadgeView(answer(source({})), now, options(iso(200_000)))).toMatchObject({
      label: 'Stale',
      tone: 'bad',
    });
  });

  it('falls back to when the browser received an answer that names no source', () => {
    expect(freshnessBadgeView(undefined, now, { receivedAt: now - 3000 }).age).toBe('received just now');
    expect(freshnessBadgeView(undefined, now).age).toBe('not loaded yet');
  });

  it('judges ages like the backend and words countdowns', () => {
    expect(stateByAge(90, { warnAfterSeconds: 90, staleAfterSeconds: 150 })).toBe('fresh');
    expect(stateByAge(91, { warnAfterSeconds: 90, staleAfterSeconds: 150 })).toBe('late');
    expect(stateByAge(151, { warnAfterSeconds: 90, staleAfterSeconds: 150 })).toBe('stale');
    expect(countdown(3_725_000)).toBe('in 1 h 2 min');
  });
});
