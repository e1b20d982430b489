/**
 * One token bucket per key (a client address): `capacity` requests at once, refilled at
 * `capacity` per `periodMs`. In memory and per replica, which is enough to stop one client
 * flooding a public endpoint. Bounded: past `maxKeys` the least recently used key is dropped.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token for `key`; answers 0 when granted, else the seconds until one is free. */
  take(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
    this.buckets.delete(key);
    const refill = ((nowMs - bucket.at) / this.periodMs) * this.capacity;
    bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, refill));
    bucket.at = nowMs;
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * this.periodMs) / this.capacity / 1000));
  }
}
