import type { LiveUpdate } from '@switchyard/contracts';
import { judgeReplay } from './update-log';

const update = (seq: number): LiveUpdate => ({
  topic: 't',
  seq,
  type: 'x',
  at: '2026-11-26T00:00:00.000Z',
  publishedAt: '2026-11-26T00:00:00.000Z',
  data: null,
  freshness: null,
});

describe('judgeReplay', () => {
  const buffer = [8, 9, 10, 11, 12].map(update);

  it('replays exactly the missed updates when the buffer reaches back far enough', () => {
    expect(judgeReplay('t', 9, 12, buffer)).toEqual({ ok: true, updates: [10, 11, 12].map(update) });
    expect(judgeReplay('t', 7, 12, buffer)).toEqual({ ok: true, updates: buffer });
    expect(judgeReplay('t', 12, 12, buffer)).toEqual({ ok: true, updates: [] });
  });

  it('asks for a resync when the gap starts before the buffer or the position is from the future', () => {
    expect(judgeReplay('t', 6, 12, buffer)).toEqual({
      ok: false,
      resync: { topic: 't', seq: 12, reason: 'buffer_overflow' },
    });
    expect(judgeReplay('t', 13, 12, buffer)).toEqual({
      ok: false,
      resync: { topic: 't', seq: 12, reason: 'unknown_position' },
    });
    expect(judgeReplay('t', 3, 12, [], false)).toEqual({
      ok: false,
      resync: { topic: 't', seq: 12, reason: 'server_restart' },
    });
  });

  it('never replays a buffer with a hole in it', () => {
    const holed = [8, 9, 11, 12].map(update);
    expect(judgeReplay('t', 8, 12, holed)).toMatchObject({ ok: false });
  });
});
