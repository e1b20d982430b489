import type { LiveUpdate } from '@switchyard/contracts';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { LocalUpdateLog } from './local-update-log';
import { UpdateLog } from './update-log';

describe('live update numbering in Postgres (one instance)', () => {
  let app: TestApp;
  let log: UpdateLog;

  beforeAll(async () => {
    app = await startTestApp({ REDIS_URL: '' });
    log = app.app.get(UpdateLog);
  });

  afterAll(async () => {
    await app.close();
  });

  const draft = (topic: string, n: number) => ({
    topic,
    type: 'test',
    at: new Date().toISOString(),
    data: { n },
    freshness: null,
  });

  it('numbers a concurrent burst over several topics contiguously, in call order, emitted in seq order', async () => {
    expect(log).toBeInstanceOf(LocalUpdateLog);
    const topics = ['ops', 'alerts', 'integrations', 'source:burst-a', 'source:burst-b'];
    const before = await log.seqs(topics);
    const emitted: LiveUpdate[] = [];
    const subscription = log.updates$.subscribe((u) => {
      if (topics.includes(u.topic)) emitted.push(u);
    });
    const calls = Array.from({ length: 300 }, (_, n) => ({ topic: topics[(n * 7) % topics.length], n }));
    const seqs = await Promise.all(calls.map((c) => log.append(draft(c.topic, c.n))));
    subscription.unsubscribe();

    for (const topic of topics) {
      const mine = calls.map((c, i) => ({ ...c, seq: seqs[i] })).filter((c) => c.topic === topic);
      // Call order is seq order, with no gap and no repeat.
      expect(mine.map((c) => c.seq)).toEqual(mine.map((_, i) => before[topic] + 1 + i));
      const out = emitted.filter((u) => u.topic === topic);
      expect(out.map((u) => u.seq)).toEqual(mine.map((c) => c.seq));
      expect(out.map((u) => (u.data as { n: number }).n)).toEqual(mine.map((c) => c.n));
    }
    expect(await log.seqs(topics)).toEqual(
      Object.fromEntries(topics.map((t) => [t, before[t] + calls.filter((c) => c.topic === t).length])),
    );
    // Replay serves the burst back from memory.
    const replay = await log.replay('ops', before.ops);
    expect(replay.ok && replay.updates.map((u) => u.seq)).toEqual(seqs.filter((_, i) => calls[i].topic === 'ops'));
  });

  it('numbers one update alone at once', async () => {
    const [before] = Object.values(await log.seqs(['source:alone']));
    expect(await log.append(draft('source:alone', 1))).toBe(before + 1);
    expect(await log.append(draft('source:alone', 2))).toBe(before + 2);
  });

  it('replays an update numbered while the resume reads, instead of asking for a resync', async () => {
    const topic = 'source:resume-race';
    await log.append(draft(topic, 0));
    const [position] = Object.values(await log.seqs([topic]));
    // The numbering statement commits, but its answer reaches the process late (a loaded
    // machine): a resume reading the topic's number meanwhile sees a seq not yet buffered.
    const slow = log as unknown as { number: (topics: string[]) => Promise<Map<string, number>> };
    const number = slow.number.bind(log);
    const delayed = jest.spyOn(slow, 'number').mockImplementation(async (topics) => {
      const seqs = await number(topics);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return seqs;
    });
    try {
      const appending = log.append(draft(topic, 1));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(Object.values(await log.seqs([topic]))).toEqual([position + 1]);
      const replay = await log.replay(topic, position);
      expect(replay).toEqual({ ok: true, updates: [expect.objectContaining({ seq: position + 1, data: { n: 1 } })] });
      expect(await appending).toBe(position + 1);
    } finally {
      delayed.mockRestore();
    }
  });
});
