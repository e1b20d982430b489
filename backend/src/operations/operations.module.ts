import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveHub, RealtimeModule } from '../realtime';
import { SourcesModule } from '../sources';
import { AdminDashboardController } from './admin-dashboard.controller';
import { AlertRuleEntity } from './entities/alert-rule.entity';
import { AlertEntity } from './entities/alert.entity';
import { OpsDataPointEntity } from './entities/ops-data-point.entity';
import { OpsRollupEntity } from './entities/ops-rollup.entity';
import { SilenceEntity } from './entities/silence.entity';
import { AlertEvaluator } from './alerts/alert-evaluator.service';
import { SecurityAlertsService } from './alerts/security-alerts.service';
import { AlertsRepository } from './alerts/alerts.repository';
import { AlertsService } from './alerts/alerts.service';
import { AlertsController } from './alerts.controller';
import { DataPointAnnouncer } from './data/data-point-announcer';
import { DataPointIngest } from './data/data-point-ingest.service';
import { MetricsSyncFeed } from './data/metrics-sync-feed.service';
import { OpsDataRepository } from './data/ops-data.repository';
import { OpsMetricsService } from './data/ops-metrics.service';
import { SecurityMetrics } from './data/security-metrics.service';
import { OPS_SUBSCRIPTION_COUNTER, OpsAggregator, type OpsSubscriptionCounter } from './ops-aggregator.service';
import { OpsController } from './ops.controller';
import { OpsScopeService } from './ops-scope.service';
import { SnapshotBuilder } from './snapshot/snapshot-builder';

@Module({
  imports: [
    TypeOrmModule.forFeature([OpsDataPointEntity, OpsRollupEntity, AlertRuleEntity, AlertEntity, SilenceEntity]),
    RealtimeModule,
    SourcesModule,
  ],
  controllers: [OpsController, AlertsController, AdminDashboardController],
  providers: [
    OpsDataRepository,
    AlertsRepository,
    DataPointIngest,
    DataPointAnnouncer,
    MetricsSyncFeed,
    OpsMetricsService,
    SecurityMetrics,
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
