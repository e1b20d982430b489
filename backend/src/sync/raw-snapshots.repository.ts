import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { PageWindow } from '../common';
import { RawSnapshotEntity } from './entities/raw-snapshot.entity';

const SUMMARY_COLUMNS = {
  id: true,
  sourceId: true,
  runId: true,
  tenant: true,
  page: true,
  full: true,
  fetchedAt: true,
  lastSeenAt: true,
  contentHash: true,
  bytes: true,
  requestUrl: true,
} as const;

@Injectable()
export class RawSnapshotsRepository {
  constructor(@InjectRepository(RawSnapshotEntity) private readonly rows: Repository<RawSnapshotEntity>) {}

  async insert(snapshots: RawSnapshotEntity[], manager?: EntityManager): Promise<void> {
    if (snapshots.length === 0) return;
    const repo = manager ? manager.getRepository(RawSnapshotEntity) : this.rows;
    await repo.insert(snapshots);
  }

  /** An identical page seen again: remember when, store nothing new. */
  async markSeen(sourceId: string, hashes: string[], at: Date): Promise<void> {
    if (hashes.length === 0) return;
    await this.rows.query(
      `UPDATE raw_snapshots SET last_seen_at = $3 WHERE id IN (
         SELECT DISTINCT ON (content_hash) id FROM raw_snapshots
         WHERE source_id = $1 AND content_hash = ANY($2::text[])
         ORDER BY content_hash, fetched_at DESC)`,
      [sourceId, hashes, at],
    );
  }

  list(sourceId: string, window: PageWindow): Promise<[RawSnapshotEntity[], number]> {
    return this.rows.findAndCount({
      select: SUMMARY_COLUMNS,
      where: { sourceId },
      order: { fetchedAt: 'DESC', page: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
  }

  findOne(sourceId: string, id: string): Promise<RawSnapshotEntity | null> {
    return this.rows.findOneBy({ sourceId, id });
  }

  /**
   * What a replay needs, oldest first: the newest complete full fetch and every
   * incremental page fetched after it.
   */
  async forReplay(sourceId: string): Promise<RawSnapshotEntity[]> {
    return this.rows.query(
      `WITH last_full AS (
         SELECT run_id, min(fetched_at) AS fetched_at FROM raw_snapshots
         WHERE source_id = $1 AND "full" GROUP BY run_id ORDER BY min(fetched_at) DESC LIMIT 1)
       SELECT id, run_id AS "runId", page, "full", fetched_at AS "fetchedAt", payload FROM raw_snapshots s
       WHERE s.source_id = $1 AND (
         s.run_id = (SELECT run_id FROM last_full)
         OR (NOT s."full" AND s.fetched_at >= COALESCE((SELECT fetched_at FROM last_full), '-infinity'::timestamptz)))
       ORDER BY s.fetched_at, s.page`,
      [sourceId],
    );
  }

  /**
   * Retention: drops snapshots older than the cutoff or beyond the newest `keep` per
   * source, but never the ones a replay still needs.
   */
  async prune(cutoff: Date, keep: number): Promise<number> {
    const result: [unknown[], number] = await this.rows.query(
      `WITH needed AS (
         SELECT DISTINCT ON (source_id) source_id, run_id, fetched_at FROM raw_snapshots WHERE "full"
         ORDER BY source_id, fetched_at DESC),
       ranked AS (
         SELECT id, source_id, run_id, fetched_at,
                row_number() OVER (PARTITION BY source_id ORDER BY fetched_at DESC) AS rank
         FROM raw_snapshots)
       DELETE FROM raw_snapshots s USING ranked r
       WHERE s.id = r.id AND (r.fetched_at < $1 OR r.rank > $2)
         AND NOT EXISTS (SELECT 1 FROM needed n WHERE n.source_id = r.source_id
                         AND (n.run_id = r.run_id OR r.fetched_at >= n.fetched_at))`,
      [cutoff, keep],
    );
    return result[1];
  }
}
