import { GroupCommit } from './group-commit';

/**
 * Merges concurrent reads by key (a group commit of reads): a read asked for while another
 * runs waits for it to end, then goes in one query with every other read asked meanwhile.
 * A read is only ever answered by a query that began after it was asked, so it sees every
 * change committed before that; a read asked alone goes at once.
 */
export class GroupedRead<V> {
  private readonly reads: GroupCommit<string[], Map<string, V>>;

  constructor(load: (keys: string[]) => Promise<Map<string, V>>) {
    this.reads = new GroupCommit(async (requests) => {
      const rows = await load([...new Set(requests.flat())]);
      return requests.map(
        (keys) => new Map(keys.flatMap((key) => (rows.has(key) ? [[key, rows.get(key) as V] as const] : []))),
      );
    });
  }

  read(keys: string[]): Promise<Map<string, V>> {
    return this.reads.submit(keys);
  }
}
