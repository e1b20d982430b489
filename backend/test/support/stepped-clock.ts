import { Clock } from '../../src/common';

/** Time that moves only when a test says so; share one between the app and the simulator. */
export class SteppedClock extends Clock {
  constructor(private ms = Date.parse('2026-11-26T09:00:00Z')) {
    super();
  }

  now(): Date {
    return new Date(this.ms);
  }

  epochMs = (): number => this.ms;

  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}
