import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  it('grants the capacity at once, then asks the caller to wait until a token refills', () => {
    const buckets = new TokenBuckets(3, 60_000);
    expect([0, 1, 2].map(() => buckets.take('a', 0))).toEqual([0, 0, 0]);
    expect(buckets.take('a', 0)).toBe(20);
    expect(buckets.take('b', 0)).toBe(0);
    expect(buckets.take('a', 20_000)).toBe(0);
    expect(buckets.take('a', 20_000)).toBe(20);
  });

  it('forgets the least recently used address past its bound', () => {
    const buckets = new TokenBuckets(1, 60_000, 2);
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('c', 0);
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('c', 0)).toBeGreaterThan(0);
  });
});
