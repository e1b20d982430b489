import { backoffDelay } from './topic-sequencer';

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    const max = () => 1;
    expect([0, 1, 2, 3, 10].map((attempt) => backoffDelay(attempt, max, 1000, 8000))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
  });

  it('spreads the delay with full jitter but never below a floor', () => {
    expect(backoffDelay(3, () => 0.5, 1000, 30_000)).toBe(4000);
    expect(backoffDelay(3, () => 0, 1000, 30_000)).toBe(250);
  });
});
