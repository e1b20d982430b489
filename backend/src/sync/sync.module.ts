import { RunHistoryController } from './run-history.controller';
import { RunHistoryService } from './run-history.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorsModule } from '../connectors';
import { SourcesModule } from '../sources';
import { RawSnapshotEntity } from './entities/raw-snapshot.entity';
import { SourceStateEntity } from './entities/source-state.entity';
import { SyncRunEntity } from './entities/sync-run.entity';
import { WebhookReceiptEntity } from './entities/webhook-receipt.entity';
import { FreshnessService } from './freshness.service';
import { NormalizedStore } from './normalize/normalized-store';
import { RawSnapshotsRepository } from './raw-snapshots.repository';
import { RecordWriter } from './record-writer';
import { SourceStateRepository } from './source-state.repository';
import { SourceTrialController } from './source-trial.controller';
import { SourceTrialService } from './source-trial.service';
import { SourceWebhookController } from './source-webhook.controller';
import { SourceWebhookService } from './source-webhook.service';
import { SyncCoordinator } from './sync-coordinator.service';
import { SyncMetrics } from './sync-metrics';
import { SyncRetention } from './sync-retention.service';
import { SyncRunner } from './sync-runner.service';
import { SyncRunsRepository } from './sync-runs.repository';
import { SyncController } from './sync.controller';
import { SyncService } from './sync.service';
import { StreamFetcher } from './upstream/stream-fetcher';
import { UpstreamAuth } from './upstream/upstream-auth';
import { UpstreamHealthController } from './upstream-health.controller';
import { WebhookReceiptsRepository } from './webhook-receipts.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([SourceStateEntity, SyncRunEntity, RawSnapshotEntity, WebhookReceiptEntity]),
    SourcesModule,
    ConnectorsModule,
  ],
  controllers: [
    RunHistoryController,
    SyncController,
    SourceTrialController,
    SourceWebhookController,
    UpstreamHealthController,
  ],
  providers: [
    RunHistoryService,
    SyncCoordinator,
    SyncRunner,
    SyncService,
    SourceTrialService,
    SyncRetention,
    SourceWebhookService,
    FreshnessService,
    RecordWriter,
    NormalizedStore,
    UpstreamAuth,
    StreamFetcher,
    SyncMetrics,
    SourceStateRepository,
    SyncRunsRepository,
    RawSnapshotsRepository,
    WebhookReceiptsRepository,
  ],
  exports: [FreshnessService, SyncService, SyncCoordinator, NormalizedStore, WebhookReceiptsRepository],
})
export class SyncModule {}
