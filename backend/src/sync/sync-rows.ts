import type { RawSnapshotSummary, SyncRun } from '@switchyard/contracts';
import { createHash, randomUUID } from 'node:crypto';
import type { SourceEntity } from '../sources';
import type { RawSnapshotEntity } from './entities/raw-snapshot.entity';
import type { SyncRunEntity } from './entities/sync-run.entity';

/** The rows the sync service writes and reads, as entities and as the API's shapes. */
export function snapshotOf(
  source: SourceEntity,
  run: SyncRunEntity,
  payload: object,
  webhookId: string,
  now: Date,
): RawSnapshotEntity {
  const json = JSON.stringify(payload);
  return {
    id: randomUUID(),
    sourceId: source.id,
    runId: run.id,
    tenant: source.tenant,
    page: 1,
    full: false,
    fetchedAt: now,
    lastSeenAt: now,
    contentHash: createHash('sha256').update(json).digest('hex'),
    bytes: Buffer.byteLength(json),
    requestUrl: `webhook:${webhookId}`,
    webhookId,
    payload,
  };
}

export function toSyncRun(run: SyncRunEntity): SyncRun {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: run.id,
    sourceId: run.sourceId,
    trigger: run.trigger,
    mode: run.mode,
    status: run.status,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    durationMs: run.durationMs,
    attempts: run.attempts,
    pages: run.pages,
    recordsFetched: run.recordsFetched,
    recordsUpserted: run.recordsUpserted,
    recordsDeleted: run.recordsDeleted,
    recordsSkippedOlder: run.recordsSkippedOlder,
    errorCode: run.errorCode,
    errorMessage: run.errorMessage,
    errorCategory: run.errorCategory,
    retryable: run.retryable,
    retryAfterSeconds: run.retryAfterSeconds,
    instanceId: run.instanceId,
  };
}

export function toSnapshotSummary(row: RawSnapshotEntity): RawSnapshotSummary {
  return {
    id: row.id,
    sourceId: row.sourceId,
    runId: row.runId,
    tenant: row.tenant,
    page: row.page,
    full: row.full,
    fetchedAt: row.fetchedAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    contentHash: row.contentHash,
    bytes: row.bytes,
    requestUrl: row.requestUrl,
  };
}
