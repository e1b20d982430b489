interface Waiting<V> {
  keys: string[];
  resolve: (rows: Map<string, V>) => void;
  reject: (error: unknown) => void;
}

/**
 * Merges concurrent reads by key: a read asked for while another runs waits for it to
 * end, then goes in one query with every other read asked meanwhile. A read is only ever
 * answered by a query that began after it was asked, so it sees every change committed
 * before that; a read asked alone goes at once.
 */
export class GroupedRead<V> {
  private waiting: Waiting<V>[] = [];
  private running = false;

  constructor(private readonly load: (keys: string[]) => Promise<Map<string, V>>) {}

  read(keys: string[]): Promise<Map<string, V>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ keys, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          const rows = await this.load([...new Set(batch.flatMap((w) => w.keys))]);
          for (const w of batch) {
            w.resolve(new Map(w.keys.flatMap((key) => (rows.has(key) ? [[key, rows.get(key) as V]] : []))));
          }
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
