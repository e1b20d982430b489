/**
 * Computed answers (a dashboard per portfolio and data scope, a page of a list per query),
 * kept until the data behind them changes. The owner calls `invalidate()` whenever that
 * data changes, here or on another replica (see DataChanges). A computation is stored the
 * moment it starts, so an invalidation while it runs drops it too: nobody is served an
 * answer computed before a change they were told about. Entries also expire after
 * `maxAgeMs`, because some figures move with the clock alone (a risk's age in days, an
 * overdue milestone), and at most `maxEntries` are kept (the oldest goes first).
 */
export class ComputedCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 200,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && now - cached.at < this.maxAgeMs) {
      this.hits += 1;
      return cached.value;
    }
    this.misses += 1;
    const value = compute();
    const entry = { at: now, value };
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  invalidate(): void {
    this.entries.clear();
  }

  get stats(): { entries: number; hits: number; misses: number } {
    return { entries: this.entries.size, hits: this.hits, misses: this.misses };
  }
}
