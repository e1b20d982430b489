import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityMetadata } from 'typeorm';
import { SecretBox } from '../../common';
import { returnedRows } from '../../database/query-result';
import type { NormalizedRow, NormalizedTable } from '../../connectors';

/** Columns holding sensitive values, sealed with the secrets key before they are written. */
const SEALED_COLUMNS: Partial<Record<NormalizedTable, string[]>> = { teams: ['sentimentSealed'] };
const BATCH_SIZE = 2000;

interface TablePlan {
  columns: Array<{ property: string; column: string; sqlType: string }>;
  insertSql: string;
}

/**
 * Writes normalized rows, keyed by (source, external id). Generic over the normalized
 * entities: the SQL is planned once per table from TypeORM's metadata. Rows whose
 * content hash did not change are left alone, so the answer lists only real changes.
 * A row never moves backwards: one whose source `updated_at` is older than the stored
 * one (a late retry, an out-of-order event) is skipped; the check sits in the conflict
 * clause so it sees the row a concurrent writer just committed.
 */
@Injectable()
export class NormalizedStore {
  private readonly plans = new Map<NormalizedTable, TablePlan>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {}

  /**
   * Upserts; answers the external ids that were inserted, changed or revived, and how many
   * rows were skipped for being older than the stored row (never moved backwards).
   */
  async upsert(
    manager: EntityManager,
    table: NormalizedTable,
    source: { id: string; tenant: string | null },
    rows: NormalizedRow[],
    syncedAt: Date,
  ): Promise<{ changed: string[]; skippedOlder: number }> {
    const plan = this.plan(table);
    const sealed = SEALED_COLUMNS[table] ?? [];
    const payload = (start: number): string =>
      JSON.stringify(
        rows.slice(start, start + BATCH_SIZE).map((r) => {
          const record: Record<string, unknown> = {
            source_id: source.id,
            external_id: r.externalId,
            tenant_id: source.tenant,
            content_hash: r.contentHash,
            source_updated_at: r.sourceUpdatedAt,
            synced_at: syncedAt,
            deleted_at: null,
          };
          for (const { property, column } of plan.columns) {
            if (column in record) continue;
            const value = r.values[property];
            record[column] =
              sealed.includes(property) && value !== null && value !== undefined
                ? this.box.encrypt(JSON.stringify(value))
                : (value ?? null);
          }
          return record;
        }),
      );
    const changed: string[] = [];
    let skippedOlder = 0;
    // The next batch is serialized while Postgres works on the one before (the connection
    // still runs one statement at a time, in order, inside the caller's transaction).
    let pending = rows.length > 0 ? this.send(manager, plan.insertSql, payload(0)) : null;
    for (let next = BATCH_SIZE; pending; next += BATCH_SIZE) {
      let following: string | null = null;
      if (next < rows.length) {
        await new Promise<void>((resolve) => setImmediate(resolve)); // let the statement go out first
        following = payload(next);
      }
      const result = returnedRows<{ external_id: string; written: boolean }>(await pending);
      for (const row of result) {
        if (row.written) changed.push(row.external_id);
        else skippedOlder += 1;
      }
      pending = following === null ? null : this.send(manager, plan.insertSql, following);
    }
    return { changed, skippedOlder };
  }

  /** Starts a statement; its failure is reported where it is awaited, not as an unhandled rejection meanwhile. */
  private send(manager: EntityManager, sql: string, payload: string): Promise<unknown> {
    const statement = manager.query<unknown>(sql, [payload]);
    statement.catch(() => undefined);
    return statement;
  }

  /** Marks the source's rows that a full refresh did not see as deleted; returns their ids. */
  async tombstoneMissing(
    manager: EntityManager,
    table: NormalizedTable,
    sourceId: string,
    seenIds: string[],
    at: Date,
  ): Promise<string[]> {
    const result = returnedRows<{ external_id: string }>(
      await manager.query(
        `UPDATE "${table}" SET deleted_at = $3 WHERE source_id = $1 AND deleted_at IS NULL
         AND NOT (external_id = ANY($2::text[])) RETURNING external_id`,
        [sourceId, seenIds, at],
      ),
    );
    return result.map((r) => r.external_id);
  }

  async deleteAllOf(manager: EntityManager, table: NormalizedTable, sourceId: string): Promise<number> {
    const result: [unknown[], number] = await manager.query(`DELETE FROM "${table}" WHERE source_id = $1`, [sourceId]);
    return result[1];
  }

  /** One transaction for everything a run writes: a failed run writes nothing. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private plan(table: NormalizedTable): TablePlan {
    const cached = this.plans.get(table);
    if (cached) return cached;
    const metadata = this.dataSource.entityMetadatas.find((m) => m.tableName === table);
    if (!metadata) throw new Error(`no entity for normalized table ${table}`);
    const columns = ownColumns(metadata, this.dataSource);
    const names = columns.map((c) => `"${c.column}"`).join(', ');
    const recordset = columns.map((c) => `"${c.column}" ${c.sqlType}`).join(', ');
    const updates = columns
      .filter((c) => c.column !== 'source_id' && c.column !== 'external_id')
      .map((c) => `"${c.column}" = EXCLUDED."${c.column}"`)
      .join(', ');
    // One snapshot for the whole statement: `judged` sets each incoming row beside the stored
    // one, so an unchanged row (the common case of a refresh) is not offered to the INSERT at
    // all and takes no row lock; the conflict clause repeats the checks against the row a
    // concurrent writer may just have committed. Incoming rows older than the stored ones are
    // counted, so a sender stuck replaying old events shows in the run.
    const fresher = `NOT COALESCE(EXCLUDED.source_updated_at < "${table}".source_updated_at, false)`;
    const insertSql = `WITH incoming AS (SELECT ${names} FROM json_to_recordset($1::json) AS x(${recordset})),
      judged AS (
        SELECT i.*, stored.external_id IS NOT NULL AS present,
          (stored.content_hash IS DISTINCT FROM i.content_hash OR stored.deleted_at IS NOT NULL) AS differs,
          COALESCE(i.source_updated_at < stored.source_updated_at, false) AS older
        FROM incoming i LEFT JOIN "${table}" stored
          ON stored.source_id = i.source_id AND stored.external_id = i.external_id),
      written AS (
        INSERT INTO "${table}" (${names}) SELECT ${names} FROM judged WHERE NOT present OR (differs AND NOT older)
        ON CONFLICT (source_id, external_id) DO UPDATE SET ${updates}
        WHERE ("${table}".content_hash IS DISTINCT FROM EXCLUDED.content_hash OR "${table}".deleted_at IS NOT NULL)
          AND ${fresher}
        RETURNING external_id)
      SELECT external_id, true AS written FROM written
      UNION ALL
      SELECT external_id, false AS written FROM judged WHERE present AND older`;
    const plan = { columns, insertSql };
    this.plans.set(table, plan);
    return plan;
  }
}

function ownColumns(metadata: EntityMetadata, dataSource: DataSource): TablePlan['columns'] {
  const seen = new Set<string>();
  const columns: TablePlan['columns'] = [];
  for (const column of metadata.columns) {
    if (seen.has(column.databaseName)) continue;
    seen.add(column.databaseName);
    const type = column.relationMetadata ? 'varchar' : dataSource.driver.normalizeType(column);
    const sqlType = type === 'character varying' || type === 'varchar' ? 'text' : type;
    columns.push({ property: column.propertyName, column: column.databaseName, sqlType });
  }
  return columns;
}
