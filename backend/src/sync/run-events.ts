import type { DomainEventBus } from '../events';
import type { SourceEntity } from '../sources';
import type { SyncRunEntity } from './entities/sync-run.entity';

/** What every finished run announces: the records it changed (if any), then that it finished. */
export function publishRunFinished(bus: DomainEventBus, source: SourceEntity, run: SyncRunEntity, at: string): void {
  const upsertedIds = run.upsertedIds ?? [];
  const deletedIds = run.deletedIds ?? [];
  if (upsertedIds.length > 0 || deletedIds.length > 0) {
    bus.publish({
      type: 'records.changed',
      at,
      sourceId: source.id,
      domain: source.domain,
      tenant: source.tenant,
      upsertedIds,
      deletedIds,
    });
  }
  bus.publish({
    type: 'sync.finished',
    at,
    sourceId: source.id,
    runId: run.id,
    status: run.status,
    recordsUpserted: run.recordsUpserted,
    recordsDeleted: run.recordsDeleted,
    errorCategory: run.errorCategory,
  });
}
