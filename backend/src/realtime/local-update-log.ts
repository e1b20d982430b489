import { Injectable } from '@nestjs/common';
import type { LiveUpdate } from '@switchyard/contracts';
import { Subject, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { judgeReplay, KeyedSerialQueue, UpdateLog, type ReplayResult, type UpdateDraft } from './update-log';

/**
 * One process: sequence numbers in Postgres (they survive restarts), the replay buffer in
 * memory (a restart answers `resync`), delivery through an in-process subject.
 */
@Injectable()
export class LocalUpdateLog extends UpdateLog {
  private readonly subject = new Subject<LiveUpdate>();
  private readonly buffers = new Map<string, LiveUpdate[]>();
  private readonly queue = new KeyedSerialQueue();
  readonly updates$: Observable<LiveUpdate> = this.subject.asObservable();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    super();
  }

  append(draft: UpdateDraft): Promise<number> {
    // Numbering and emitting happen in one queue per topic, so seq order is emit order.
    return this.queue.run(draft.topic, async () => {
      const rows = await this.dataSource.query<Array<{ seq: string }>>(
        `INSERT INTO live_topics (topic, seq, updated_at) VALUES ($1, 1, now())
         ON CONFLICT (topic) DO UPDATE SET seq = live_topics.seq + 1, updated_at = now()
         RETURNING seq`,
        [draft.topic],
      );
      const update: LiveUpdate = { ...draft, seq: Number(rows[0].seq), publishedAt: new Date().toISOString() };
      this.remember(update);
      this.subject.next(update);
      return update.seq;
    });
  }

  async replay(topic: string, afterSeq: number): Promise<ReplayResult> {
    const current = (await this.seqs([topic]))[topic];
    const buffered = this.buffers.get(topic);
    return judgeReplay(topic, afterSeq, current, buffered ?? [], buffered !== undefined);
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

  private remember(update: LiveUpdate): void {
    const buffer = this.buffers.get(update.topic) ?? [];
    buffer.push(update);
    const excess = buffer.length - this.config.live.bufferSize;
    if (excess > 0) buffer.splice(0, excess);
    this.buffers.set(update.topic, buffer);
  }
}
