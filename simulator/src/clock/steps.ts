import { HOUR } from '../time';

/** A stretch of simulator time during which a vendor was frozen; `to` is null while it lasts. */
export interface FrozenInterval {
  from: number;
  to: number | null;
}

/**
 * Schedules one vendor's evolution steps on a fixed grid (`start + k * everyMs`) and applies
 * them lazily. A step whose scheduled time falls inside a freeze is dropped, not postponed:
 * after an unfreeze the data resumes from where it stopped instead of jumping ahead, and
 * every later change is stamped after the freeze, so `updated_since` polling misses nothing.
 */
export class StepClock {
  private consumed = 0;
  private readonly intervals: FrozenInterval[] = [];

  constructor(
    private readonly start: number,
    private readonly everyMs: number,
  ) {}

  /** Scheduled times of the steps that are due at `now` and not swallowed by a freeze. */
  due(now: number): number[] {
    const target = Math.floor((now - this.start) / this.everyMs);
    const times: number[] = [];
    for (let k = this.consumed + 1; k <= target; k++) {
      const at = this.start + k * this.everyMs;
      if (!this.frozenAt(at)) times.push(at);
    }
    this.consumed = Math.max(this.consumed, target);
    this.prune(now);
    return times;
  }

  freeze(from: number, to: number | null): FrozenInterval {
    const interval = { from, to };
    this.intervals.push(interval);
    return interval;
  }

  frozenAt(at: number): boolean {
    return this.intervals.some((interval) => interval.from <= at && (interval.to === null || at < interval.to));
  }

  /** When the data was last refreshed: `now`, or the start of the freeze that covers `now`. */
  dataTime(now: number): number {
    let refreshed = now;
    let probe = now;
    for (;;) {
      // Back-to-back freezes chain: keep walking back until a moment no freeze covers.
      const covering = this.intervals.filter((i) => i.from <= probe && (i.to === null || probe < i.to));
      if (covering.length === 0) return refreshed;
      refreshed = Math.min(...covering.map((i) => i.from));
      probe = refreshed - 1;
    }
  }

  /** Freezes that overlap [from, to], for series that skip frozen stretches (metrics). */
  overlapping(from: number, to: number): FrozenInterval[] {
    return this.intervals.filter((i) => i.from <= to && (i.to === null || i.to > from));
  }

  private prune(now: number): void {
    // Steps already consumed never look back, and metrics look back one hour at most.
    const consumedUntil = this.start + this.consumed * this.everyMs;
    const horizon = Math.min(consumedUntil, now - 2 * HOUR);
    for (let i = this.intervals.length - 1; i >= 0; i--) {
      const to = this.intervals[i].to;
      if (to !== null && to < horizon) this.intervals.splice(i, 1);
    }
  }
}
