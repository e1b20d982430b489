import { Injectable } from '@nestjs/common';
import type { LiveUpdate } from '@switchyard/contracts';
import { Subject, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { GroupCommit } from '../common';
import { AppConfig } from '../config';
import { LiveMetrics } from './live-metrics';
import { judgeReplay, UpdateLog, type ReplayResult, type UpdateDraft } from './update-log';

/** The most groups of drafts numbered by one statement. */
const MAX_BATCH = 500;

/**
 * One process: sequence numbers in Postgres (they survive restarts), the replay buffer in
 * memory (a restart answers `resync`), delivery through an in-process subject.
 *
 * Numbering is a group commit: while one statement runs, later drafts wait and are all
 * numbered by the next one, so a burst costs one round trip instead of one per update,
 * and a lone update goes at once. Updates are emitted in the order they were numbered,
 * which is the order `appendAll` was called: per topic, seq order is emit order.
 */
@Injectable()
export class LocalUpdateLog extends UpdateLog {
  private readonly subject = new Subject<LiveUpdate>();
  /** Replay buffers, least recently updated topic first (a topic moves to the end on each update). */
  private readonly buffers = new Map<string, LiveUpdate[]>();
  /** Every topic numbered by this process, buffered or not (a resume on one of them is not a restart). */
  private readonly known = new Set<string>();
  private buffered = 0;
  /** Inputs are groups of drafts: a group is always numbered by one statement, never split. */
  private readonly numbering = new GroupCommit<UpdateDraft[], number[]>(
    (groups) => this.numberAndEmit(groups),
    MAX_BATCH,
  );
  readonly updates$: Observable<LiveUpdate> = this.subject.asObservable();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly metrics: LiveMetrics,
  ) {
    super();
  }

  appendAll(drafts: UpdateDraft[]): Promise<number[]> {
    return drafts.length === 0 ? Promise.resolve([]) : this.numbering.submit(drafts);
  }

  /** Numbers groups in one statement, then keeps and emits their updates in order; each group's seqs. */
  private async numberAndEmit(groups: UpdateDraft[][]): Promise<number[][]> {
    const next = await this.number(groups.flatMap((drafts) => drafts.map((d) => d.topic)));
    const publishedAt = new Date().toISOString();
    return groups.map((drafts) =>
      drafts.map((draft) => {
        const seq = next.get(draft.topic) as number;
        next.set(draft.topic, seq + 1);
        const update: LiveUpdate = { ...draft, seq, publishedAt };
        this.remember(update);
        this.subject.next(update);
        return seq;
      }),
    );
  }

  /** Advances each topic by its number of drafts in one statement; the first new seq per topic. */
  private async number(topics: string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ topic: string; seq: string }>>(
      `INSERT INTO live_topics (topic, seq, updated_at)
       SELECT topic, count(*), now() FROM unnest($1::text[]) AS drafts(topic) GROUP BY topic
       ON CONFLICT (topic) DO UPDATE SET seq = live_topics.seq + EXCLUDED.seq, updated_at = now()
       RETURNING topic, seq`,
      [topics],
    );
    const counts = new Map<string, number>();
    for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    return new Map(rows.map((row) => [row.topic, Number(row.seq) - (counts.get(row.topic) as number) + 1]));
  }

  async replay(topic: string, afterSeq: number): Promise<ReplayResult> {
    const current = (await this.seqs([topic]))[topic];
    // The number read may belong to a batch still on its way into the buffer: let it land,
    // or a client resuming at that moment would be told to resync for nothing.
    await this.numbering.settled();
    return judgeReplay(topic, afterSeq, current, this.buffers.get(topic) ?? [], this.known.has(topic));
  }

  async seqs(topics: string[]): Promise<Record<string, number>> {
    const result = Object.fromEntries(topics.map((t) => [t, 0]));
    if (topics.length === 0) return result;
    const rows = await this.dataSource.query<Array<{ topic: string; seq: string }>>(
      `SELECT topic, seq FROM live_topics WHERE topic = ANY($1)`,
      [topics],
    );
    for (const row of rows) result[row.topic] = Number(row.seq);
    return result;
  }

  /** Updates held for resuming, over all topics. */
  get bufferedUpdates(): number {
    return this.buffered;
  }

  private remember(update: LiveUpdate): void {
    const { topic } = update;
    const buffer = this.buffers.get(topic) ?? [];
    this.buffers.delete(topic);
    this.buffers.set(topic, buffer);
    this.known.add(topic);
    buffer.push(update);
    this.buffered += 1;
    this.trim(buffer, buffer.length - this.config.live.bufferSize);
    // Over the memory bound: the topics updated least recently give up their oldest updates.
    for (const [oldest, oldestBuffer] of this.buffers) {
      if (this.buffered <= this.config.live.bufferTotal) break;
      this.trim(oldestBuffer, this.buffered - this.config.live.bufferTotal);
      if (oldestBuffer.length === 0) this.buffers.delete(oldest);
    }
    this.metrics.replayBuffered.set(this.buffered);
  }

  private trim(buffer: LiveUpdate[], excess: number): void {
    if (excess <= 0) return;
    const dropped = buffer.splice(0, excess).length;
    this.buffered -= dropped;
  }
}
