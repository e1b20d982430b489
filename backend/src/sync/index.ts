export { SyncModule } from './sync.module';
export { FreshnessService } from './freshness.service';
export { SyncService } from './sync.service';
export { SyncCoordinator } from './sync-coordinator.service';
export { NormalizedStore } from './normalize/normalized-store';
export { WebhookReceiptsRepository } from './webhook-receipts.repository';
