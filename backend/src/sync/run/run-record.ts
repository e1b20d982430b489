import { randomUUID } from 'node:crypto';
import type { SourceStateEntity } from '../../sources';
import type { SyncRunEntity } from '../entities/sync-run.entity';

/** How long a claim lasts without news; every fetched page extends it. */
export const LEASE_MS = 5 * 60_000;

/** A run row before it starts: every counter at zero, no outcome yet. */
export function emptyRun(sourceId: string, trigger: SyncRunEntity['trigger'], now: Date): SyncRunEntity {
  return {
    id: randomUUID(),
    sourceId,
    trigger,
    mode: 'full',
    status: 'queued',
    queuedAt: now,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    attempts: 0,
    pages: 0,
    recordsFetched: 0,
    recordsUpserted: 0,
    recordsDeleted: 0,
    recordsSkippedOlder: 0,
    errorCode: null,
    errorMessage: null,
    errorCategory: null,
    retryable: null,
    retryAfterSeconds: null,
    instanceId: null,
  };
}

/** The stored columns of a run (without the ids it carries to its events). */
export function runColumns(run: SyncRunEntity): Partial<SyncRunEntity> {
  const { upsertedIds: _u, deletedIds: _d, source: _s, ...columns } = run;
  return columns;
}

/** What every run that wrote data leaves on its source: the clocks move, the last error clears. */
export function successState(run: SyncRunEntity, now: Date, dataAsOf: Date | null): Partial<SourceStateEntity> {
  return {
    lastRunId: run.id,
    lastRunStatus: run.status,
    lastAttemptAt: now,
    lastSuccessAt: now,
    dataAsOf,
    rateLimitedUntil: null,
    consecutiveFailures: 0,
    lastErrorCode: null,
    lastErrorMessage: null,
    lastErrorDetail: null,
    lastErrorCategory: null,
    lastErrorAt: null,
  };
}

/** The later of two data clocks: a run never moves a source's data backwards. */
export function laterOf(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
