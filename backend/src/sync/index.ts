export { SyncModule } from './sync.module';
export { SyncService } from './sync.service';
export { SyncCoordinator } from './sync-coordinator.service';
export { NormalizedStore } from './normalize/normalized-store';
export { WebhookReceiptsRepository } from './webhook-receipts.repository';
