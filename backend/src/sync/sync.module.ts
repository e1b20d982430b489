import { RunHistoryController } from './run-history.controller';
import { RunHistoryService } from './run-history.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorsModule } from '../connectors';
import { SourcesModule } from '../sources';
import { RawSnapshotEntity } from './entities/raw-snapshot.entity';
import { SyncRunEntity } from './entities/sync-run.entity';
import { WebhookReceiptEntity } from './entities/webhook-receipt.entity';
import { NormalizedStore } from './normalize/normalized-store';
import { RawSnapshotsRepository } from './raw-snapshots.repository';
import { RecordWriter } from './record-writer';
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
import { SyncQueries } from './sync-queries.service';
import { RunRecorder } from './run/run-recorder.service';
import { WebhookRuns } from './run/webhook-runs.service';
import { StreamFetcher } from './upstream/stream-fetcher';
import { UpstreamAuth } from './upstream/upstream-auth';
import { WebhookReceiptsRepository } from './webhook-receipts.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([SyncRunEntity, RawSnapshotEntity, WebhookReceiptEntity]),
    SourcesModule,
    ConnectorsModule,
  ],
  controllers: [RunHistoryController, SyncController, SourceTrialController, SourceWebhookController],
  providers: [
    RunHistoryService,
    SyncCoordinator,
    SyncRunner,
    SyncService,
    SyncQueries,
    RunRecorder,
    WebhookRuns,
    SourceTrialService,
    SyncRetention,
    SourceWebhookService,
    RecordWriter,
    NormalizedStore,
    UpstreamAuth,
    StreamFetcher,
    SyncMetrics,
    SyncRunsRepository,
    RawSnapshotsRepository,
    WebhookReceiptsRepository,
  ],
  exports: [SyncService, SyncCoordinator, NormalizedStore, WebhookReceiptsRepository],
})
export class SyncModule {}
