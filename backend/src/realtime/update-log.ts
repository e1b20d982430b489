import type { Freshness, LiveResync, LiveUpdate } from '@switchyard/contracts';
import type { Observable } from 'rxjs';

/** An update before it is numbered. */
export interface UpdateDraft {
  topic: string;
  type: string;
  at: string;
  data: unknown;
  freshness: Freshness | null;
  truncated?: boolean;
}

export type ReplayResult = { ok: true; updates: LiveUpdate[] } | { ok: false; resync: LiveResync };

/**
 * Numbers updates per topic, keeps the last few per topic for replay, and hands every
 * update (from every replica) to `updates$` in sequence order per topic.
 * Two implementations: Postgres + memory for one process, Redis for several replicas.
 */
export abstract class UpdateLog {
  /** Every numbered update, in `seq` order per topic. */
  abstract readonly updates$: Observable<LiveUpdate>;

  /**
   * Numbers drafts (in order, consecutively per topic), keeps them for replay and broadcasts
   * them to every replica; their seqs, in order.
   */
  abstract appendAll(drafts: UpdateDraft[]): Promise<number[]>;

  /** `appendAll` for one draft. */
  async append(draft: UpdateDraft): Promise<number> {
    const [seq] = await this.appendAll([draft]);
    return seq;
  }

  /** The updates after `afterSeq`, or why they cannot be replayed. */
  abstract replay(topic: string, afterSeq: number): Promise<ReplayResult>;

  /** The current seq of each topic (0 for a topic that never had an update). */
  abstract seqs(topics: string[]): Promise<Record<string, number>>;
}

/**
 * Decides a resume: nothing missed, the missed updates in order, or a resync when the
 * buffer no longer reaches back to `afterSeq` (or the client claims a seq from the future).
 */
export function judgeReplay(
  topic: string,
  afterSeq: number,
  current: number,
  buffered: readonly LiveUpdate[],
  knownHere = true,
): ReplayResult {
  if (afterSeq > current) return { ok: false, resync: { topic, seq: current, reason: 'unknown_position' } };
  if (afterSeq === current) return { ok: true, updates: [] };
  const missed = buffered.filter((u) => u.seq > afterSeq).sort((a, b) => a.seq - b.seq);
  const complete = missed.length === current - afterSeq && missed.every((u, i) => u.seq === afterSeq + 1 + i);
  if (complete) return { ok: true, updates: missed };
  return { ok: false, resync: { topic, seq: current, reason: knownHere ? 'buffer_overflow' : 'server_restart' } };
}
