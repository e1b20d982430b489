import type { LiveResync, LiveUpdate } from '@switchyard/contracts';

/** How one client connection is written to (a Socket.IO socket or an SSE response). */
export interface LiveTransport {
  sendUpdate(update: LiveUpdate): void;
  sendResync(resync: LiveResync): void;
  /** True while the client is not keeping up (its outgoing queue is long). */
  congested(): boolean;
  /**
   * A client-side filter (SSE `sources=`, `categories=`): the update as this client wants it
   * (possibly narrowed), or null to skip it. A skipped update advances the position unsent.
   */
  narrow?(update: LiveUpdate): LiveUpdate | null;
}

interface TopicState {
  /** Highest seq the client has been sent (or told to start from). */
  lastSent: number;
  /** While a subscribe or resume reads the store, live updates wait here. */
  held: LiveUpdate[] | null;
  /** Latest update not yet sent to a slow client, and the first seq folded into it. */
  pending: { update: LiveUpdate; fromSeq: number; count: number } | null;
}

/** Updates held during one resume before the topic gives up and asks for a resync. */
const MAX_HELD = 1000;

/**
 * Per-topic delivery state of one connection: no duplicates, no reordering, replay and
 * live updates stitched together without a gap, and a slow client given the latest update
 * of each topic (marked as coalesced) instead of a queue that grows without bound.
 */
export class TopicCursors {
  private readonly topics = new Map<string, TopicState>();

  constructor(
    private readonly transport: LiveTransport,
    private readonly onCoalesced: (topic: string) => void = () => undefined,
    /** The update as this recipient may see it (per-item scopes, redactions), or null to skip it. */
    private readonly audience: (update: LiveUpdate) => LiveUpdate | null = (update) => update,
  ) {}

  get size(): number {
    return this.topics.size;
  }

  has(topic: string): boolean {
    return this.topics.has(topic);
  }

  list(): string[] {
    return [...this.topics.keys()];
  }

  /** Starts (or restarts) a topic in the holding state: call `start` once its position is known. */
  hold(topic: string): void {
    const state = this.topics.get(topic);
    if (state) {
      state.held ??= [];
      return;
    }
    this.topics.set(topic, { lastSent: 0, held: [], pending: null });
  }

  /**
   * Ends holding: the client stands at `position`; `replay` (seqs after it, in order) is sent,
   * then every held update that is newer. Returns the seq the client now stands at.
   */
  start(topic: string, position: number, replay: readonly LiveUpdate[] = []): number {
    const state = this.topics.get(topic);
    if (!state) return position;
    const held = state.held ?? [];
    state.held = null;
    state.pending = null;
    state.lastSent = position;
    for (const update of replay) this.send(state, update);
    for (const update of held) this.deliver(update);
    return state.lastSent;
  }

  /** Tells the client to refetch, and continues from `resync.seq`. */
  resync(resync: LiveResync): void {
    const state = this.topics.get(resync.topic);
    if (!state) return;
    this.transport.sendResync(resync);
    this.start(resync.topic, resync.seq);
  }

  remove(topic: string): void {
    this.topics.delete(topic);
  }

  deliver(update: LiveUpdate): void {
    const state = this.topics.get(update.topic);
    if (!state) return;
    if (state.held) {
      if (state.held.length < MAX_HELD) state.held.push(update);
      return;
    }
    if (update.seq <= (state.pending?.update.seq ?? state.lastSent)) return;
    if (state.pending || this.transport.congested()) {
      state.pending = state.pending
        ? { update, fromSeq: state.pending.fromSeq, count: state.pending.count + 1 }
        : { update, fromSeq: update.seq, count: 1 };
      return;
    }
    this.send(state, update);
  }

  /** The client caught up: send what waited, one (coalesced) update per topic. */
  flush(): void {
    for (const [topic, state] of this.topics) {
      const pending = state.pending;
      if (!pending || this.transport.congested()) continue;
      state.pending = null;
      // One update that was simply late needs no marking; a run of them folded into one does.
      const gapless = pending.count === 1 && pending.fromSeq === state.lastSent + 1;
      if (!gapless) this.onCoalesced(topic);
      this.send(
        state,
        gapless ? pending.update : { ...pending.update, coalesced: { fromSeq: pending.fromSeq, count: pending.count } },
      );
    }
  }

  /** Topics whose position is settled (not holding, nothing pending), with their seq. */
  positions(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [topic, state] of this.topics) {
      if (!state.held && !state.pending) result[topic] = state.lastSent;
    }
    return result;
  }

  /** Every topic's position, settled or not: what a client has received up to (the SSE event id). */
  lastSent(): Record<string, number> {
    return Object.fromEntries([...this.topics].map(([topic, state]) => [topic, state.lastSent]));
  }

  private send(state: TopicState, update: LiveUpdate): void {
    if (update.seq <= state.lastSent) return;
    state.lastSent = update.seq;
    const visible = this.audience(update);
    const wanted = visible && this.transport.narrow ? this.transport.narrow(visible) : visible;
    if (wanted) this.transport.sendUpdate(wanted);
  }
}
