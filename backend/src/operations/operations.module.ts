import { Module } from '@nestjs/common';
import { LiveHub, RealtimeModule } from '../realtime';
import { SourcesModule } from '../sources';
import { SyncModule } from '../sync';
import { AlertEvaluator } from './alerts/alert-evaluator.service';
import { SecurityAlertsService } from './alerts/security-alerts.service';
import { AlertsRepository } from './alerts/alerts.repository';
import { AlertsService } from './alerts/alerts.service';
import { AlertsController } from './alerts.controller';
import { DataPointIngest } from './data/data-point-ingest.service';
import { MetricsSyncFeed } from './data/metrics-sync-feed.service';
import { OpsDataRepository } from './data/ops-data.repository';
import { OpsMetricsService } from './data/ops-metrics.service';
import { OPS_SUBSCRIPTION_COUNTER, OpsAggregator, type OpsSubscriptionCounter } from './ops-aggregator.service';
import { OpsController } from './ops.controller';
import { OpsScopeService } from './ops-scope.service';
import { SnapshotBuilder } from './snapshot/snapshot-builder';

@Module({
  imports: [SyncModule, RealtimeModule, SourcesModule],
  controllers: [OpsController, AlertsController],
  providers: [
    OpsDataRepository,
    AlertsRepository,
    DataPointIngest,
    MetricsSyncFeed,
    OpsMetricsService,
    AlertEvaluator,
    SecurityAlertsService,
    AlertsService,
    OpsScopeService,
    SnapshotBuilder,
    OpsAggregator,
    {
      provide: OPS_SUBSCRIPTION_COUNTER,
      inject: [LiveHub],
      useFactory: (hub: LiveHub): OpsSubscriptionCounter => ({ activeSubscriptions: () => hub.subscriptionCount }),
    },
  ],
  exports: [OpsAggregator, AlertsService, OPS_SUBSCRIPTION_COUNTER],
})
export class OperationsModule {}
