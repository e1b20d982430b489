import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { IntegrationEventStatus, IntegrationId } from '@switchyard/contracts';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';
import type { PageWindow } from '../common';
import { IntegrationEventEntity } from './entities';

export interface EventCounts {
  integration: IntegrationId;
  hour: Date;
  successes: number;
  failures: number;
}

/** SQL over integration_events. */
@Injectable()
export class IntegrationEventsRepository {
  constructor(@InjectRepository(IntegrationEventEntity) private readonly events: Repository<IntegrationEventEntity>) {}

  /**
   * Inserts many events with their idempotency receipts in ONE statement (the intake's group
   * commit): the receipts go first, and only the events whose receipt was new are inserted, so
   * an event whose sender id was seen before (earlier, by another replica, or twice in this
   * very batch) is skipped, not failed. Answers, per row in order, whether it was stored now.
   * The receipt table is the sync module's record of seen webhook ids (`webhook_receipts`).
   */
  async insertBatch(rows: { row: IntegrationEventEntity; origin: string }[]): Promise<boolean[]> {
    if (rows.length === 0) return [];
    const column = <T>(pick: (row: IntegrationEventEntity) => T) => rows.map(({ row }) => pick(row));
    const inserted = await this.events.query<{ id: string }[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                              $6::timestamptz[], $7::timestamptz[], $8::jsonb[], $9::text[], $10::varchar[],
                              $11::int[], $12::varchar[])
           AS t(id, integration, webhook_id, event_type, status, occurred_at, received_at, payload,
                error_message, error_code, error_http_status, origin)
       ), receipts AS (
         INSERT INTO webhook_receipts (origin, webhook_id, run_id, received_at)
         SELECT origin, webhook_id, id, received_at FROM input
         ON CONFLICT DO NOTHING
         RETURNING run_id
       )
       INSERT INTO integration_events (id, integration, webhook_id, event_type, status, occurred_at, received_at,
         payload, error_message, error_code, error_http_status)
       SELECT id, integration, webhook_id, event_type, status, occurred_at, received_at, payload,
         error_message, error_code, error_http_status
       FROM input WHERE id IN (SELECT run_id FROM receipts)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        column((r) => r.id),
        column((r) => r.integration),
        column((r) => r.webhookId),
        column((r) => r.eventType),
        column((r) => r.status),
        column((r) => r.occurredAt),
        column((r) => r.receivedAt),
        column((r) => JSON.stringify(r.payload)),
        column((r) => r.errorMessage),
        column((r) => r.errorCode),
        column((r) => r.errorHttpStatus),
        rows.map(({ origin }) => origin),
      ],
    );
    const stored = new Set(inserted.map((r) => r.id));
    return rows.map(({ row }) => stored.has(row.id));
  }

  findByWebhookId(integration: IntegrationId, webhookId: string): Promise<IntegrationEventEntity | null> {
    return this.events.findOneBy({ integration, webhookId });
  }

  findById(id: string): Promise<IntegrationEventEntity | null> {
    return this.events.findOneBy({ id });
  }

  /**
   * Claims unprocessed events for `leaseMs` (SKIP LOCKED: replicas never claim the same
   * event). An event whose processor died is claimed again once its lease runs out.
   */
  async claimUnprocessed(now: Date, leaseMs: number, limit: number, maxAttempts: number): Promise<string[]> {
    // Wrapped in a CTE so the driver hands back rows (a bare UPDATE answers [rows, count]).
    const rows: Array<{ id: string }> = await this.events.query(
      `WITH claimed AS (
         UPDATE integration_events SET claimed_until = $1, process_attempts = process_attempts + 1
         WHERE id IN (
           SELECT id FROM integration_events
           WHERE processed_at IS NULL AND (claimed_until IS NULL OR claimed_until < $2) AND process_attempts < $3
           ORDER BY received_at LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING id)
       SELECT id FROM claimed`,
      [new Date(now.getTime() + leaseMs), now, maxAttempts, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The claimed events not processed yet, oldest first, in one read. */
  findUnprocessed(ids: string[]): Promise<IntegrationEventEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.events.find({ where: { id: In(ids), processedAt: IsNull() }, order: { receivedAt: 'ASC', id: 'ASC' } });
  }

  /** Marks a batch processed, each with its own verdict, in one statement, and releases their claims. */
  async markProcessed(
    manager: EntityManager,
    processedAt: Date,
    verdicts: Array<Pick<IntegrationEventEntity, 'id' | 'category' | 'classification' | 'issueId'>>,
  ): Promise<void> {
    if (verdicts.length === 0) return;
    await manager.query(
      `UPDATE integration_events AS e
       SET processed_at = $1, claimed_until = NULL,
           category = v.category, classification = v.classification, issue_id = v.issue_id
       FROM json_to_recordset($2::json) AS v(id uuid, category varchar, classification jsonb, issue_id uuid)
       WHERE e.id = v.id`,
      [
        processedAt,
        JSON.stringify(
          verdicts.map(({ id, category, classification, issueId }) => ({
            id,
            category,
            classification,
            issue_id: issueId,
          })),
        ),
      ],
    );
  }

  list(
    integration: IntegrationId,
    status: IntegrationEventStatus | undefined,
    window: PageWindow,
  ): Promise<[IntegrationEventEntity[], number]> {
    const query = this.events.createQueryBuilder('e').where('e.integration = :integration', { integration });
    if (status) query.andWhere('e.status = :status', { status });
    return query
      .orderBy('e.occurredAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .offset(window.offset)
      .limit(window.pageSize)
      .getManyAndCount();
  }

  async hourlyCounts(since: Date): Promise<EventCounts[]> {
    const rows: Array<{ integration: IntegrationId; hour: Date; successes: string; failures: string }> =
      await this.events.query(
        `SELECT integration, date_trunc('hour', occurred_at) AS hour,
                count(*) FILTER (WHERE status = 'success') AS successes,
                count(*) FILTER (WHERE status = 'failure') AS failures
         FROM integration_events WHERE occurred_at >= $1 GROUP BY 1, 2`,
        [since],
      );
    return rows.map((r) => ({
      integration: r.integration,
      hour: new Date(r.hour),
      successes: Number(r.successes),
      failures: Number(r.failures),
    }));
  }

  async latest(): Promise<Array<{ integration: IntegrationId; lastEventAt: Date | null; lastFailureAt: Date | null }>> {
    const rows: Array<{ integration: IntegrationId; last_event_at: Date | null; last_failure_at: Date | null }> =
      await this.events.query(
        `SELECT integration, max(occurred_at) AS last_event_at,
                max(occurred_at) FILTER (WHERE status = 'failure') AS last_failure_at
         FROM integration_events GROUP BY 1`,
      );
    return rows.map((r) => ({
      integration: r.integration,
      lastEventAt: r.last_event_at ? new Date(r.last_event_at) : null,
      lastFailureAt: r.last_failure_at ? new Date(r.last_failure_at) : null,
    }));
  }

  /** Per integration: summed seconds from occurrence to storage of the window's failures (mean time to detect). */
  async detectionDelays(
    since: Date,
  ): Promise<Array<{ integration: IntegrationId; totalSeconds: number; count: number }>> {
    const rows: Array<{ integration: IntegrationId; total_seconds: string | number; n: string | number }> =
      await this.events.query(
        `SELECT integration, sum(greatest(0, extract(epoch FROM received_at - occurred_at))) AS total_seconds,
                count(*) AS n
         FROM integration_events WHERE occurred_at >= $1 AND status = 'failure' GROUP BY 1`,
        [since],
      );
    return rows.map((r) => ({ integration: r.integration, totalSeconds: Number(r.total_seconds), count: Number(r.n) }));
  }

  /** Deletes events received before the cutoff, except those whose category someone corrected. */
  async pruneBefore(cutoff: Date): Promise<number> {
    const [{ n }] = await this.events.query<Array<{ n: string }>>(
      `WITH gone AS (
         DELETE FROM integration_events e WHERE e.received_at < $1
           AND NOT EXISTS (
             SELECT 1 FROM integration_feedback f WHERE f.event_id = e.id AND f.correct_category IS NOT NULL)
         RETURNING 1)
       SELECT count(*) AS n FROM gone`,
      [cutoff],
    );
    return Number(n);
  }
}
