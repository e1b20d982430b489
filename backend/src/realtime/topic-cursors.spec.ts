import type { LiveResync, LiveUpdate } from '@switchyard/contracts';
import { TopicCursors } from './topic-cursors';

const update = (seq: number, topic = 't'): LiveUpdate => ({
  topic,
  seq,
  type: 'x',
  at: '2026-11-26T00:00:00.000Z',
  publishedAt: '2026-11-26T00:00:00.000Z',
  data: { seq },
  freshness: null,
});

function setup() {
  const sent: LiveUpdate[] = [];
  const resyncs: LiveResync[] = [];
  const state = { congested: false, coalesced: 0 };
  const cursors = new TopicCursors(
    {
      sendUpdate: (u) => sent.push(u),
      sendResync: (r) => resyncs.push(r),
      congested: () => state.congested,
    },
    () => (state.coalesced += 1),
  );
  return { cursors, sent, resyncs, state };
}

describe('TopicCursors', () => {
  it('sends updates after the start position once, in order, and ignores other topics', () => {
    const { cursors, sent } = setup();
    cursors.hold('t');
    cursors.start('t', 3);
    for (const seq of [2, 3, 4, 4, 5]) cursors.deliver(update(seq));
    cursors.deliver(update(6, 'other'));
    expect(sent.map((u) => u.seq)).toEqual([4, 5]);
  });

  it('stitches a replay and the updates that arrived while it was read, without gap or duplicate', () => {
    const { cursors, sent } = setup();
    cursors.hold('t');
    cursors.deliver(update(12));
    cursors.deliver(update(13));
    expect(sent).toEqual([]);
    cursors.start('t', 10, [update(11), update(12)]);
    expect(sent.map((u) => u.seq)).toEqual([11, 12, 13]);
    expect(cursors.positions()).toEqual({ t: 13 });
  });

  it('gives a slow client the latest update, marked with the run it stands for', () => {
    const { cursors, sent, state } = setup();
    cursors.hold('t');
    cursors.start('t', 0);
    cursors.deliver(update(1));
    state.congested = true;
    for (const seq of [2, 3, 4]) cursors.deliver(update(seq));
    expect(sent.map((u) => u.seq)).toEqual([1]);
    expect(cursors.positions()).toEqual({});
    cursors.flush();
    expect(sent.map((u) => u.seq)).toEqual([1]);
    state.congested = false;
    cursors.flush();
    expect(sent[1]).toMatchObject({ seq: 4, coalesced: { fromSeq: 2, count: 3 }, data: { seq: 4 } });
    expect(state.coalesced).toBe(1);
    // One late update is sent as it is.
    state.congested = true;
    cursors.deliver(update(5));
    state.congested = false;
    cursors.flush();
    expect(sent[2]).toEqual(update(5));
  });

  it('keeps the position of filtered-out updates so a resume does not replay them', () => {
    const sent: LiveUpdate[] = [];
    const cursors = new TopicCursors({
      sendUpdate: (u) => sent.push(u),
      sendResync: () => undefined,
      congested: () => false,
      narrow: (u) => (u.seq % 2 === 0 ? u : null),
    });
    cursors.hold('t');
    cursors.start('t', 0, [update(1), update(2), update(3)]);
    expect(sent.map((u) => u.seq)).toEqual([2]);
    expect(cursors.lastSent()).toEqual({ t: 3 });
  });

  it('sends a resync and continues from its seq', () => {
    const { cursors, sent, resyncs } = setup();
    cursors.hold('t');
    cursors.resync({ topic: 't', seq: 40, reason: 'buffer_overflow' });
    cursors.deliver(update(40));
    cursors.deliver(update(41));
    expect(resyncs).toEqual([{ topic: 't', seq: 40, reason: 'buffer_overflow' }]);
    expect(sent.map((u) => u.seq)).toEqual([41]);
  });
});
