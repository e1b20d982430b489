import type { Cadence, RetrySchedule } from '@switchyard/contracts';
import { nextRunAt } from '../../sources';

/** No retry sooner than this after a failure, whatever the jitter drew. */
const MIN_RETRY_MS = 1_000;

export interface RetryInputs {
  cadence: Cadence;
  schedule: RetrySchedule;
  /** Consecutive failed runs, this one included (1 after the first failure). */
  failures: number;
  /** When the failed run ended. */
  now: Date;
  /** The upstream's Retry-After, as a time: no attempt before it. */
  notBefore: Date | null;
  /** When an open breaker lets its probe through: no attempt before it either. */
  breakerHalfOpenAt: Date | null;
  /** A number in [0, 1): the full jitter's draw. */
  random: () => number;
}

/**
 * When a failed source is tried again: a step of `firstDelaySeconds`, doubled per further
 * failure and capped (at `maxDelaySeconds` and at the regular cadence), drawn with full
 * jitter in (0, step] so replicas of many failing sources do not retry in lockstep. A
 * Retry-After or a breaker's half-open time pushes the attempt later, past the cap.
 */
export function nextRetryAt(inputs: RetryInputs): Date {
  const { cadence, schedule, now } = inputs;
  const regular = nextRunAt(cadence, now).getTime();
  const exponent = Math.min(Math.max(inputs.failures, 1) - 1, 30);
  const uncapped = schedule.firstDelaySeconds * 1000 * 2 ** exponent;
  const step = Math.min(uncapped, schedule.maxDelaySeconds === null ? Infinity : schedule.maxDelaySeconds * 1000);
  const drawn = Math.max(MIN_RETRY_MS, Math.ceil((1 - inputs.random()) * step));
  const at = Math.min(now.getTime() + drawn, regular);
  const waits = [inputs.notBefore, inputs.breakerHalfOpenAt].map((d) => d?.getTime() ?? 0);
  return new Date(Math.max(at, ...waits));
}
