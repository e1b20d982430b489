export { DataPointEntity } from './entities/data-point.entity';
export { OpsDataPointEntity } from './entities/ops-data-point.entity';
export { OpsRollupEntity } from './entities/ops-rollup.entity';
export { AlertRuleEntity } from './entities/alert-rule.entity';
export { AlertEntity } from './entities/alert.entity';
export { SilenceEntity } from './entities/silence.entity';
export { OperationsModule } from './operations.module';
export {
  OpsAggregator,
  OPS_SUBSCRIPTION_COUNTER,
  NO_SUBSCRIPTIONS,
  type OpsSubscriptionCounter,
} from './ops-aggregator.service';
