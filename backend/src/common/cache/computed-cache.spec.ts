import { ComputedCache } from './computed-cache';

describe('ComputedCache', () => {
  const deferred = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };

  it('computes once per key and serves the same answer until invalidated', async () => {
    const cache = new ComputedCache<number>(60_000);
    let computed = 0;
    const compute = () => Promise.resolve((computed += 1));
    expect(await cache.get('All', compute)).toBe(1);
    expect(await cache.get('All', compute)).toBe(1);
    expect(await cache.get('Technology', compute)).toBe(2);
    cache.invalidate();
    expect(await cache.get('All', compute)).toBe(3);
    expect(cache.stats).toEqual({ entries: 1, hits: 1, misses: 3 });
  });

  it('drops a computation still running when invalidated, so later callers get a new one', async () => {
    const cache = new ComputedCache<string>(60_000);
    const running = deferred<string>();
    const first = cache.get('All', () => running.promise);
    cache.invalidate();
    const second = cache.get('All', () => Promise.resolve('after the change'));
    running.resolve('before the change');
    expect(await first).toBe('before the change');
    expect(await second).toBe('after the change');
    expect(await cache.get('All', () => Promise.resolve('unused'))).toBe('after the change');
  });

  it('does not keep a failed computation', async () => {
    const cache = new ComputedCache<string>(60_000);
    await expect(cache.get('All', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('All', () => Promise.resolve('back'))).toBe('back');
  });

  it('recomputes an entry older than its maximum age', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-26T09:00:00Z') });
    try {
      const cache = new ComputedCache<number>(60_000);
      let computed = 0;
      const compute = () => Promise.resolve((computed += 1));
      expect(await cache.get('All', compute)).toBe(1);
      jest.setSystemTime(Date.parse('2026-11-26T09:00:59Z'));
      expect(await cache.get('All', compute)).toBe(1);
      jest.setSystemTime(Date.parse('2026-11-26T09:01:00Z'));
      expect(await cache.get('All', compute)).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
