import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('runs a lone input at once, then the inputs submitted meanwhile together, in order and in batches', async () => {
    const calls: number[][] = [];
    const gates: Array<() => void> = [];
    const batcher = new GroupCommit<number, string>(async (inputs) => {
      calls.push(inputs);
      await new Promise<void>((resolve) => gates.push(resolve));
      return inputs.map((n) => `#${n}`);
    }, 2);
    const first = batcher.submit(1);
    expect(calls).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => batcher.submit(n));
    gates.shift()?.();
    expect(await first).toBe('#1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1], [2, 3]]);
    gates.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1], [2, 3], [4]]);
    gates.shift()?.();
    expect(await Promise.all(rest)).toEqual(['#2', '#3', '#4']);
  });

  it('fails every input of a failed call and goes on with the next', async () => {
    let fail = true;
    const batcher = new GroupCommit<string, string>((inputs) =>
      fail ? Promise.reject(new Error('database down')) : Promise.resolve(inputs),
    );
    const failed = [batcher.submit('a'), batcher.submit('b')];
    await expect(failed[0]).rejects.toThrow('database down');
    await expect(failed[1]).rejects.toThrow('database down');
    fail = false;
    expect(await batcher.submit('c')).toBe('c');
  });

  it('settles once the call running now has ended, and at once when none runs', async () => {
    const gates: Array<() => void> = [];
    const done: number[] = [];
    const batcher = new GroupCommit<number, number>(async (inputs) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      done.push(...inputs);
      return inputs;
    });
    await batcher.settled();
    const first = batcher.submit(1);
    let settled = false;
    const waiting = batcher.settled().then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    gates.shift()?.();
    await waiting;
    expect(done).toEqual([1]);
    expect(await first).toBe(1);
  });
});
