import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  GOOD_RUN_STATUSES,
  type Principal,
  type RunBeat,
  type SourceRunHistory,
  type SyncErrorCode,
  type SyncRunStatus,
  type SyncTrigger,
} from '@switchyard/contracts';
import type { DataSource } from 'typeorm';
import { DataScopeService } from '../auth';
import { Clock } from '../common';

const DAY_MS = 86_400_000;
/** Runs still going have no outcome yet: they join the strip when they finish. */
const FINISHED = "status NOT IN ('queued', 'running')";

interface BeatRow {
  source_id: string;
  id: string;
  status: SyncRunStatus;
  trigger: SyncTrigger;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  attempts: number;
  records_fetched: number;
  error_code: SyncErrorCode | null;
  error_message: string | null;
}

interface ShareRow {
  source_id: string;
  good_24h: string;
  total_24h: string;
  good_30d: string;
  total_30d: string;
}

/**
 * Per source: the last N finished runs and the share of good runs over 24 h and 30 days,
 * in two queries for all sources (the Sources page shows every source's strip at once).
 */
@Injectable()
export class RunHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scopes: DataScopeService,
    private readonly clock: Clock,
  ) {}

  async history(limit: number, principal: Principal, sourceId?: string): Promise<SourceRunHistory[]> {
    const tenants = this.scopes.tenants(principal);
    const params: unknown[] = [tenants === null ? null : [...tenants, '']];
    const visible = `source_id IN (SELECT s.id FROM sources s WHERE $1::text[] IS NULL OR s.tenant_id IS NULL OR s.tenant_id = ANY($1::text[]))`;
    let only = '';
    if (sourceId) {
      params.push(sourceId);
      only = ` AND source_id = $${params.length}`;
    }
    const now = this.clock.now().getTime();
    const beats: BeatRow[] = await this.db.query(
      `SELECT * FROM (
         SELECT source_id, id, status, trigger, started_at, finished_at, duration_ms, attempts, records_fetched,
                error_code, error_message,
                row_number() OVER (PARTITION BY source_id ORDER BY queued_at DESC, id) AS n
         FROM sync_runs WHERE ${FINISHED} AND ${visible}${only}) AS r
       WHERE n <= $${params.length + 1} ORDER BY source_id, n DESC`,
      [...params, limit],
    );
    const shares: ShareRow[] = await this.db.query(
      `SELECT source_id,
              count(*) FILTER (WHERE finished_at >= $${params.length + 1} AND status = ANY($${params.length + 3}::text[])) AS good_24h,
              count(*) FILTER (WHERE finished_at >= $${params.length + 1}) AS total_24h,
              count(*) FILTER (WHERE status = ANY($${params.length + 3}::text[])) AS good_30d,
              count(*) AS total_30d
       FROM sync_runs WHERE ${FINISHED} AND finished_at >= $${params.length + 2} AND ${visible}${only}
       GROUP BY source_id`,
      [...params, new Date(now - DAY_MS), new Date(now - 30 * DAY_MS), [...GOOD_RUN_STATUSES]],
    );
    const bySource = new Map<string, SourceRunHistory>();
    const entry = (id: string): SourceRunHistory => {
      let found = bySource.get(id);
      if (!found) {
        found = { sourceId: id, recent: [], last24h: { succeeded: 0, total: 0 }, last30d: { succeeded: 0, total: 0 } };
        bySource.set(id, found);
      }
      return found;
    };
    for (const row of beats) entry(row.source_id).recent.push(toBeat(row));
    for (const row of shares) {
      const e = entry(row.source_id);
      e.last24h = { succeeded: Number(row.good_24h), total: Number(row.total_24h) };
      e.last30d = { succeeded: Number(row.good_30d), total: Number(row.total_30d) };
    }
    return [...bySource.values()].sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  }
}

function toBeat(row: BeatRow): RunBeat {
  return {
    id: row.id,
    status: row.status,
    trigger: row.trigger,
    startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    durationMs: row.duration_ms,
    attempts: row.attempts,
    recordsFetched: row.records_fetched,
    errorCode: row.error_code,
    errorMessage: row.error_message,
  };
}
