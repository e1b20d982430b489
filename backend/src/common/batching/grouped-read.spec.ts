import { GroupedRead } from './grouped-read';

describe('GroupedRead', () => {
  const source = () => {
    const queries: string[][] = [];
    const gates: Array<() => void> = [];
    let version = 1;
    const reader = new GroupedRead<string>(async (keys) => {
      queries.push(keys);
      const seen = version; // what the database holds when the query begins
      await new Promise<void>((resolve) => gates.push(resolve));
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, `${k}@v${seen}`]));
    });
    return { reader, queries, open: () => gates.shift()?.(), commit: () => (version += 1) };
  };

  it('sends a lone read at once and merges the reads asked while it runs into one query', async () => {
    const { reader, queries, open, commit } = source();
    const first = reader.read(['a']);
    expect(queries).toEqual([['a']]);
    commit();
    const second = reader.read(['a', 'b']);
    const third = reader.read(['b', 'c', 'missing']);
    expect(queries).toHaveLength(1);
    open();
    expect(await first).toEqual(new Map([['a', 'a@v1']]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(queries).toEqual([['a'], ['a', 'b', 'c', 'missing']]);
    open();
    // Both were asked after the commit, and both see it.
    expect(await second).toEqual(
      new Map([
        ['a', 'a@v2'],
        ['b', 'b@v2'],
      ]),
    );
    expect(await third).toEqual(
      new Map([
        ['b', 'b@v2'],
        ['c', 'c@v2'],
      ]),
    );
  });

  it('fails every read of a failed query, and reads again afterwards', async () => {
    let fail = true;
    const reader = new GroupedRead<number>((keys) =>
      fail ? Promise.reject(new Error('database down')) : Promise.resolve(new Map(keys.map((k) => [k, 1]))),
    );
    await expect(Promise.all([reader.read(['a']), reader.read(['b'])])).rejects.toThrow('database down');
    fail = false;
    expect(await reader.read(['a'])).toEqual(new Map([['a', 1]]));
  });
});
