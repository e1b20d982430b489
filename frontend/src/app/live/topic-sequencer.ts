import type { LiveResync, LiveUpdate, ResumeRequest } from '@switchyard/contracts';

/** What to do with an arriving update. */
export type UpdateVerdict =
  { action: 'apply' } | { action: 'ignore' } | { action: 'refetch'; reason: 'gap' | 'coalesced' | 'truncated' };

/**
 * The last `seq` seen per topic, and what follows from the next one: the protocol
 * numbers every update per topic, so a jump means updates were missed and the page must
 * refetch by REST; a repeat (e.g. replayed after a resume) is dropped.
 */
export class TopicSequencer {
  private readonly seqs = new Map<string, number>();

  lastSeq(topic: string): number | undefined {
    return this.seqs.get(topic);
  }

  /** A subscription was granted at the topic's current seq. */
  granted(topic: string, seq: number): void {
    this.seqs.set(topic, seq);
  }

  forget(topic: string): void {
    this.seqs.delete(topic);
  }

  accept(update: LiveUpdate): UpdateVerdict {
    const last = this.seqs.get(update.topic);
    if (last !== undefined && update.seq <= last) return { action: 'ignore' };
    this.seqs.set(update.topic, update.seq);
    if (update.coalesced) return { action: 'refetch', reason: 'coalesced' };
    if (update.truncated) return { action: 'refetch', reason: 'truncated' };
    if (last !== undefined && update.seq > last + 1) return { action: 'refetch', reason: 'gap' };
    return { action: 'apply' };
  }

  /** The server could not replay: continue from its seq once the page has refetched. */
  resynced(resync: LiveResync): void {
    this.seqs.set(resync.topic, resync.seq);
  }

  /** Topics the heartbeat says are ahead of us: ask the server to replay from where we are. */
  gaps(serverSeqs: Record<string, number>): ResumeRequest[] {
    const requests: ResumeRequest[] = [];
    for (const [topic, last] of this.seqs) {
      const latest = serverSeqs[topic];
      if (latest !== undefined && latest > last) requests.push({ topic, afterSeq: last });
    }
    return requests;
  }

  /** After a reconnect: resume every topic whose position we know. */
  resumeRequests(topics: Iterable<string>): ResumeRequest[] {
    const requests: ResumeRequest[] = [];
    for (const topic of topics) {
      const afterSeq = this.seqs.get(topic);
      if (afterSeq !== undefined) requests.push({ topic, afterSeq });
    }
    return requests;
  }
}

/**
 * Exponential backoff with full jitter: a random delay up to base × 2^attempt, capped,
 * so many consoles reconnecting after a server restart do not arrive together.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = 1000, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.max(baseMs / 4, Math.round(random() * ceiling));
}
