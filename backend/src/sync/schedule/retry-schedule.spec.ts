import type { RetrySchedule } from '@switchyard/contracts';
import { nextRetryAt, type RetryInputs } from './retry-schedule';

const now = new Date('2026-11-26T09:00:00Z');
const hourly = { type: 'interval', everySeconds: 3600 } as const;
const minutesAfterNow = (at: Date) => (at.getTime() - now.getTime()) / 60_000;

function retry(overrides: Partial<RetryInputs> = {}, schedule: Partial<RetrySchedule> = {}): Date {
  return nextRetryAt({
    cadence: hourly,
    schedule: { firstDelaySeconds: 60, maxDelaySeconds: null, ...schedule },
    failures: 1,
    now,
    notBefore: null,
    breakerHalfOpenAt: null,
    random: () => 0, // the jitter's largest draw: the whole step
    ...overrides,
  });
}

describe('nextRetryAt', () => {
  it('doubles the step after each failure and caps it at the cadence', () => {
    const steps = [1, 2, 3, 4, 5, 6, 7, 8].map((failures) => minutesAfterNow(retry({ failures })));
    expect(steps).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('draws with full jitter inside the step, never sooner than a second', () => {
    expect(minutesAfterNow(retry({ failures: 3, random: () => 0.75 }))).toBe(1);
    expect(retry({ failures: 1, random: () => 0.999999 }).getTime() - now.getTime()).toBe(1000);
  });

  it('honours a per-source cap below the cadence', () => {
    expect(minutesAfterNow(retry({ failures: 6 }, { firstDelaySeconds: 30, maxDelaySeconds: 300 }))).toBe(5);
  });

  it('never retries later than the next regular run of a short cadence', () => {
    const fiveMinutes = { type: 'interval', everySeconds: 300 } as const;
    expect(minutesAfterNow(retry({ cadence: fiveMinutes, failures: 4 }))).toBe(5);
  });

  it('waits out a Retry-After, even past the cap', () => {
    const notBefore = new Date(now.getTime() + 90 * 60_000);
    expect(minutesAfterNow(retry({ failures: 1, notBefore }))).toBe(90);
    expect(minutesAfterNow(retry({ failures: 3, notBefore: new Date(now.getTime() + 60_000) }))).toBe(4);
  });

  it('waits for an open breaker to let its probe through', () => {
    const breakerHalfOpenAt = new Date(now.getTime() + 10 * 60_000);
    expect(minutesAfterNow(retry({ failures: 2, breakerHalfOpenAt }))).toBe(10);
  });
});
