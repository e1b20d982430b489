import { Module } from '@nestjs/common';
import { SyncModule } from '../sync';
import { AlertEvaluator } from './alerts/alert-evaluator.service';
import { AlertsRepository } from './alerts/alerts.repository';
import { AlertsService } from './alerts/alerts.service';
import { AlertsController } from './alerts.controller';
import { DataPointIngest } from './data/data-point-ingest.service';
import { MetricsSyncFeed } from './data/metrics-sync-feed.service';
import { OpsDataRepository } from './data/ops-data.repository';
import { OpsMetricsService } from './data/ops-metrics.service';
import { NO_SUBSCRIPTIONS, OPS_SUBSCRIPTION_COUNTER, OpsAggregator } from './ops-aggregator.service';
import { OpsController } from './ops.controller';
import { SnapshotBuilder } from './snapshot/snapshot-builder';

@Module({
  imports: [SyncModule],
  controllers: [OpsController, AlertsController],
  providers: [
    OpsDataRepository,
    AlertsRepository,
    DataPointIngest,
    MetricsSyncFeed,
    OpsMetricsService,
    AlertEvaluator,
    AlertsService,
    SnapshotBuilder,
    OpsAggregator,
    { provide: OPS_SUBSCRIPTION_COUNTER, useValue: NO_SUBSCRIPTIONS },
  ],
  exports: [OpsAggregator, AlertsService, OPS_SUBSCRIPTION_COUNTER],
})
export class OperationsModule {}
