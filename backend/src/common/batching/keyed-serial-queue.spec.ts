import { KeyedSerialQueue } from './keyed-serial-queue';

describe('KeyedSerialQueue', () => {
  it('runs tasks of one key in order and keeps going after a failure', async () => {
    const queue = new KeyedSerialQueue();
    const order: string[] = [];
    const slow = (label: string, ms: number) => () =>
      new Promise<void>((resolve) => setTimeout(() => resolve(void order.push(label)), ms));
    const first = queue.run('a', slow('a1', 30));
    const failing = queue.run('a', () => Promise.reject(new Error('boom')));
    const third = queue.run('a', slow('a2', 1));
    const other = queue.run('b', slow('b1', 1));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([first, third, other]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
    await queue.idle();
  });
});
