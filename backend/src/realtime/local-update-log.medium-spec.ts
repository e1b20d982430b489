import type { LiveUpdate } from '@switchyard/contracts';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { DomainEventBus } from '../events';
import { LivePublisher } from './live-publisher.service';
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

  it('numbers a burst of one topic’s domain events in a few batches, contiguously and in event order', async () => {
    const bus = app.app.get(DomainEventBus);
    const publisher = app.app.get(LivePublisher);
    const [before] = Object.values(await log.seqs(['integrations']));
    const emitted: LiveUpdate[] = [];
    const subscription = log.updates$.subscribe((u) => {
      if (u.topic === 'integrations') emitted.push(u);
    });
    const numbering = jest.spyOn(log as unknown as { number: (topics: string[]) => Promise<unknown> }, 'number');
    const eventIds = Array.from({ length: 200 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    let statements = 0;
    try {
      for (const eventId of eventIds) {
        bus.publish({
          type: 'integration.event',
          at: new Date().toISOString(),
          integration: 'gusto',
          eventId,
          status: 'success',
          category: null,
        });
      }
      await publisher.settled();
      statements = numbering.mock.calls.length;
    } finally {
      subscription.unsubscribe();
      numbering.mockRestore();
    }
    expect(emitted.map((u) => (u.data as { eventId: string }).eventId)).toEqual(eventIds);
    expect(emitted.map((u) => u.seq)).toEqual(eventIds.map((_, i) => before + 1 + i));
    // The first update goes at once; what queued meanwhile goes together (not one statement each).
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(5);
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

describe('replay buffers under the memory bound (LIVE_BUFFER_TOTAL)', () => {
  let app: TestApp;
  let log: LocalUpdateLog;

  beforeAll(async () => {
    app = await startTestApp({ REDIS_URL: '', LIVE_BUFFER_SIZE: '10', LIVE_BUFFER_TOTAL: '25' });
    log = app.app.get(LocalUpdateLog);
  });

  afterAll(async () => {
    await app.close();
  });

  const fill = async (topic: string, count: number): Promise<number[]> => {
    const seqs: number[] = [];
    for (let n = 0; n < count; n += 1) {
      seqs.push(await log.append({ topic, type: 'test', at: new Date().toISOString(), data: { n }, freshness: null }));
    }
    return seqs;
  };

  it('keeps at most the total over all topics, taking the oldest updates of the least recently updated topic', async () => {
    const [a, b, c] = ['source:cap-a', 'source:cap-b', 'source:cap-c'];
    const seqsA = await fill(a, 10);
    const seqsB = await fill(b, 10);
    expect(log.bufferedUpdates).toBe(20);
    const seqsC = await fill(c, 10);
    expect(log.bufferedUpdates).toBe(25);

    // a gave up its five oldest: resuming before them needs a resync, after them replays.
    expect(await log.replay(a, seqsA[0] - 1)).toMatchObject({ ok: false, resync: { reason: 'buffer_overflow' } });
    const fromA = await log.replay(a, seqsA[4]);
    expect(fromA.ok && fromA.updates.map((u) => u.seq)).toEqual(seqsA.slice(5));
    for (const [topic, seqs] of [
      [b, seqsB],
      [c, seqsC],
    ] as const) {
      const replay = await log.replay(topic, seqs[0] - 1);
      expect(replay.ok && replay.updates.map((u) => u.seq)).toEqual(seqs);
    }

    // A new busy topic pushes the rest out, least recently updated first: all that is left of
    // a, then the three oldest of b.
    await fill('source:cap-d', 8);
    expect(log.bufferedUpdates).toBe(25);
    expect(await log.replay(a, seqsA[9] - 1)).toMatchObject({ ok: false, resync: { reason: 'buffer_overflow' } });
    expect(await log.replay(a, seqsA[9])).toEqual({ ok: true, updates: [] });
    const fromB = await log.replay(b, seqsB[2]);
    expect(fromB.ok && fromB.updates.map((u) => u.seq)).toEqual(seqsB.slice(3));

    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^switchyard_live_replay_buffered_updates 25$/m);
  });
});
