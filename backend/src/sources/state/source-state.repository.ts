import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { returnedRows } from '../../database/query-result';
import { SourceStateEntity } from './source-state.entity';
import { SourceStateView } from './source-state-view';

@Injectable()
export class SourceStateRepository {
  constructor(
    @InjectRepository(SourceStateEntity) private readonly rows: Repository<SourceStateEntity>,
    private readonly view: SourceStateView,
  ) {}

  /** Gives every source a state row, due now. Cheap when all exist. */
  async ensureStates(now: Date): Promise<void> {
    await this.rows.query(
      `INSERT INTO source_states (source_id, next_run_at)
       SELECT s.id, $1 FROM sources s
       WHERE NOT EXISTS (SELECT 1 FROM source_states st WHERE st.source_id = s.id)
       ON CONFLICT (source_id) DO NOTHING`,
      [now],
    );
    this.view.written();
  }

  /**
   * Claims up to `limit` due sources for this instance. SKIP LOCKED lets replicas claim
   * side by side without waiting on each other; the lease keeps a claimed source from
   * being claimed again until it is released or its holder is presumed dead.
   */
  async claimDue(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
    const rows = returnedRows<{ source_id: string }>(
      await this.rows.query(
        `UPDATE source_states st SET lease_owner = $2, lease_until = $3
       FROM (
         SELECT due.source_id FROM source_states due JOIN sources s ON s.id = due.source_id
         WHERE s.enabled AND s.kind = 'http-pull' AND due.next_run_at <= $1
           AND (due.lease_until IS NULL OR due.lease_until < $1)
         ORDER BY due.next_run_at
         LIMIT $4
         FOR UPDATE OF due SKIP LOCKED
       ) claimed
       WHERE st.source_id = claimed.source_id
       RETURNING st.source_id`,
        [now, owner, leaseUntil, limit],
      ),
    );
    for (const row of rows) this.view.written(null, row.source_id);
    return rows.map((r) => r.source_id);
  }

  /** When the next unclaimed source falls due after `now`, or null when none is waiting. */
  async nextDueAt(now: Date): Promise<Date | null> {
    const rows = returnedRows<{ due: Date | null }>(
      await this.rows.query(
        `SELECT min(st.next_run_at) AS due FROM source_states st JOIN sources s ON s.id = st.source_id
         WHERE s.enabled AND s.kind = 'http-pull' AND st.next_run_at > $1
           AND (st.lease_until IS NULL OR st.lease_until < $1)`,
        [now],
      ),
    );
    const due = rows[0]?.due;
    return due ? new Date(due) : null;
  }

  async extendLease(sourceId: string, owner: string, leaseUntil: Date): Promise<void> {
    await this.rows.update({ sourceId, leaseOwner: owner }, { leaseUntil });
    this.view.written(null, sourceId);
  }

  /** Ends the claim and schedules the next run — now, if a run was queued meanwhile. */
  async release(
    manager: EntityManager | null,
    sourceId: string,
    owner: string,
    changes: Partial<SourceStateEntity>,
    nextRunAt: Date,
    now: Date,
  ): Promise<void> {
    const repo = manager ? manager.getRepository(SourceStateEntity) : this.rows;
    await repo.update({ sourceId, leaseOwner: owner }, { ...changes, leaseOwner: null, leaseUntil: null, nextRunAt });
    await repo.query(
      `UPDATE source_states SET next_run_at = GREATEST($2::timestamptz, COALESCE(rate_limited_until, $2::timestamptz))
       WHERE source_id = $1 AND EXISTS (SELECT 1 FROM sync_runs r WHERE r.source_id = $1 AND r.status = 'queued')`,
      [sourceId, now],
    );
    this.view.written(manager, sourceId);
  }

  find(sourceId: string): Promise<SourceStateEntity | null> {
    return this.rows.findOneBy({ sourceId });
  }

  findMany(sourceIds: string[]): Promise<SourceStateEntity[]> {
    return sourceIds.length === 0 ? Promise.resolve([]) : this.rows.findBy({ sourceId: In(sourceIds) });
  }

  findAll(): Promise<SourceStateEntity[]> {
    return this.rows.find();
  }

  async update(sourceId: string, changes: Partial<SourceStateEntity>, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(SourceStateEntity) : this.rows;
    await repo.update({ sourceId }, changes);
    this.view.written(manager, sourceId);
  }

  /**
   * A run's outcome (`changes`) in one statement, inside its transaction: creates the state
   * row when the source has none yet (due `now`), and keeps the later `data_as_of` (the
   * database compares, so two runs committing together cannot move it backwards).
   */
  async upsertOutcome(
    manager: EntityManager,
    sourceId: string,
    changes: Partial<SourceStateEntity>,
    now: Date,
  ): Promise<void> {
    const values: Partial<SourceStateEntity> = { nextRunAt: now, ...changes, sourceId };
    const columns = Object.keys(values).map((property) => {
      const column = this.rows.metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`source_states has no column for ${property}`);
      return column.databaseName;
    });
    const updates = columns
      .filter((column) => column !== 'source_id' && column !== 'next_run_at')
      .map((column) =>
        column === 'data_as_of'
          ? 'data_as_of = GREATEST(st.data_as_of, EXCLUDED.data_as_of)'
          : `"${column}" = EXCLUDED."${column}"`,
      );
    await manager.query(
      `INSERT INTO source_states AS st (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (source_id) DO UPDATE SET ${updates.join(', ')}`,
      Object.values(values),
    );
    this.view.written(manager, sourceId);
  }

  /** Makes a source due now (or when its Retry-After ends), for a manual or webhook refresh. */
  async makeDue(sourceId: string, now: Date): Promise<Date> {
    const rows = returnedRows<{ next_run_at: Date }>(
      await this.rows.query(
        `UPDATE source_states SET next_run_at = GREATEST($2::timestamptz, COALESCE(rate_limited_until, $2::timestamptz))
         WHERE source_id = $1 RETURNING next_run_at`,
        [sourceId, now],
      ),
    );
    this.view.written(null, sourceId);
    return rows[0]?.next_run_at ?? now;
  }

  /** Claims one source for work outside the schedule (a replay); false when a run holds it. */
  async claimOne(sourceId: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const rows = returnedRows<{ source_id: string }>(
      await this.rows.query(
        `UPDATE source_states SET lease_owner = $2, lease_until = $3
         WHERE source_id = $1 AND (lease_until IS NULL OR lease_until < $4) RETURNING source_id`,
        [sourceId, owner, leaseUntil, now],
      ),
    );
    if (rows.length > 0) this.view.written(null, sourceId);
    return rows.length > 0;
  }

  async releaseLease(
    sourceId: string,
    owner: string,
    changes: Partial<SourceStateEntity>,
    manager?: EntityManager,
  ): Promise<void> {
    const repo = manager ? manager.getRepository(SourceStateEntity) : this.rows;
    await repo.update({ sourceId, leaseOwner: owner }, { ...changes, leaseOwner: null, leaseUntil: null });
    this.view.written(manager, sourceId);
  }
}
