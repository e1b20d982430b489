import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_DIRECTIONS,
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATES,
  OPS_MODULES,
  SERIES_RESOLUTIONS,
  type AlertDirection,
  type AlertKind,
  type AlertSeverity,
  type AlertState,
  type OpsMetricInfo,
  type OpsMetricList,
  type OpsModule,
  type SeriesResolution,
  type AlertAcknowledgement,
  type AlertRule,
  type AlertSeries,
  type AlertView,
  type DataPointsAccepted,
  type ForecastPoint,
  type MetricForecast,
  type MetricSeries,
  type OpsSnapshot,
  type OpsStatus,
  type SeriesBucket,
  type Silence,
  type ThresholdCrossing,
  type ItemList,
  type RevokedFromAlert,
} from '@switchyard/contracts';
import { TimestampedModel, zodBodySchema } from '../../common';
import { acknowledgeSchema, alertRuleSchema, dataPointBatchSchema, silenceSchema } from './ops.schemas';

export const DATA_POINT_BATCH_BODY = zodBodySchema(dataPointBatchSchema);
export const ALERT_RULE_BODY = zodBodySchema(alertRuleSchema);
export const ACKNOWLEDGE_BODY = zodBodySchema(acknowledgeSchema);
export const SILENCE_BODY = zodBodySchema(silenceSchema);

const anyObject = { type: 'object', additionalProperties: true } as const;

export class DataPointsAcceptedModel extends TimestampedModel implements DataPointsAccepted {
  @ApiProperty({ description: 'Points committed.' }) accepted!: number;
}

export class SeriesBucketModel implements SeriesBucket {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() avg!: number;
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty() count!: number;
}

export class OpsMetricInfoModel implements OpsMetricInfo {
  @ApiProperty({ example: 'cpu_usage' }) metric!: string;
  @ApiProperty({ enum: OPS_MODULES, isArray: true }) modules!: OpsModule[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'percent',
    description:
      'Unit of the newest data point (metadata.unit): percent, ms, seconds, count, score or a currency code.',
  })
  unit!: string | null;
}

export class OpsMetricListModel extends TimestampedModel implements OpsMetricList {
  @ApiProperty({ type: OpsMetricInfoModel, isArray: true }) items!: OpsMetricInfoModel[];
}

export class MetricSeriesModel extends TimestampedModel implements MetricSeries {
  @ApiProperty({ example: 'cpu_usage' }) metric!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty() stepSeconds!: number;
  @ApiProperty({ enum: SERIES_RESOLUTIONS }) resolution!: SeriesResolution;
  @ApiProperty({ type: [SeriesBucketModel] }) buckets!: SeriesBucketModel[];
}

export class ForecastPointModel implements ForecastPoint {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ description: 'Lower bound of the 95 % prediction interval.' }) lower!: number;
  @ApiProperty({ description: 'Upper bound of the 95 % prediction interval.' }) upper!: number;
}

export class ThresholdCrossingModel implements ThresholdCrossing {
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity!: AlertSeverity;
  @ApiProperty() threshold!: number;
  @ApiProperty({ type: Number, nullable: true }) secondsUntil!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) at!: string | null;
}

export class MetricForecastModel extends TimestampedModel implements MetricForecast {
  @ApiProperty() metric!: string;
  @ApiProperty({ enum: ['holt-linear-trend'] }) model!: 'holt-linear-trend';
  @ApiProperty({ description: 'Level smoothing, fitted by grid search on SSE.' }) alpha!: number;
  @ApiProperty({ description: 'Trend smoothing, fitted by grid search on SSE.' }) beta!: number;
  @ApiProperty() stepSeconds!: number;
  @ApiProperty() horizon!: number;
  @ApiProperty({ example: 0.95 }) intervalLevel!: number;
  @ApiProperty() residualStdDev!: number;
  @ApiProperty() observations!: number;
  @ApiProperty() level!: number;
  @ApiProperty() trendPerStep!: number;
  @ApiProperty({ type: [ForecastPointModel] }) points!: ForecastPointModel[];
  @ApiProperty({ type: [ThresholdCrossingModel] }) crossings!: ThresholdCrossingModel[];
}

export class AlertAcknowledgementModel implements AlertAcknowledgement {
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() comment!: string;
}

export class AlertSeriesModel implements AlertSeries {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The series source; null when the instance groups sources.',
  })
  source!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels!: Record<string, string>;
}

export class AlertViewModel implements AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: AlertKind;
  @ApiProperty({ type: String, nullable: true }) ruleId!: string | null;
  @ApiProperty({ type: String, nullable: true }) metric!: string | null;
  @ApiProperty({ type: String, nullable: true }) sourceId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The brand of that source, if it has one.' })
  tenant!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The rule's labels, the series' labels and source.",
  })
  labels!: Record<string, string>;
  @ApiProperty({
    type: AlertSeriesModel,
    nullable: true,
    description: 'The series (metric + source + labels) a rule alert instance judges; null for freshness alerts.',
  })
  series!: AlertSeriesModel | null;
  @ApiProperty({ enum: OPS_MODULES }) module!: OpsModule;
  @ApiProperty({ enum: ALERT_STATES }) state!: AlertState;
  @ApiProperty({ enum: ALERT_SEVERITIES, nullable: true }) severity!: AlertSeverity | null;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true }) threshold!: number | null;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) stateSince!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) lastEvaluatedAt!: string;
  @ApiProperty({ type: AlertAcknowledgementModel, nullable: true }) acknowledgement!: AlertAcknowledgementModel | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) silencedBy!: string | null;
}

export class AlertListModel extends TimestampedModel implements ItemList<AlertView> {
  @ApiProperty({ type: [AlertViewModel] }) items!: AlertViewModel[];
}

export class AlertRuleModel implements AlertRule {
  @ApiProperty({ example: 'cpu_usage' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() metric!: string;
  @ApiProperty() warning!: number;
  @ApiProperty() critical!: number;
  @ApiProperty({ enum: ALERT_DIRECTIONS }) direction!: AlertDirection;
  @ApiProperty() holdSeconds!: number;
  @ApiProperty() noDataAfterSeconds!: number;
  @ApiProperty() alertOnNoData!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels!: Record<string, string>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Label values a series must carry to be watched (`source` matches its source).',
  })
  matchers!: Record<string, string>;
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'Labels that make one instance (worst newest value of its series); null: one instance per series.',
  })
  groupBy!: string[] | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AlertRuleListModel extends TimestampedModel implements ItemList<AlertRule> {
  @ApiProperty({ type: [AlertRuleModel] }) items!: AlertRuleModel[];
}

export class SilenceModel implements Silence {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ ...anyObject, description: 'ruleId, metric and/or labels; all given must match.' })
  matchers!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() comment!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() active!: boolean;
}

export class SilenceListModel extends TimestampedModel implements ItemList<Silence> {
  @ApiProperty({ type: [SilenceModel] }) items!: SilenceModel[];
}

export class OpsSnapshotModel extends TimestampedModel implements OpsSnapshot {
  @ApiProperty({ format: 'date-time' }) builtAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dataAsOf!: string | null;
  @ApiProperty({ enum: OPS_MODULES, isArray: true, description: 'Modules the caller may see.' }) modules!: OpsModule[];
  @ApiPropertyOptional({
    ...anyObject,
    description:
      "Per visible module (systemHealth, businessMetrics…): `dataAsOf`, its newest data point, and the metrics sources' `warnAfterSeconds` / `staleAfterSeconds`.",
  })
  moduleClocks?: Record<string, unknown>;
  @ApiPropertyOptional({
    ...anyObject,
    nullable: true,
    description: 'Freshness of the sources that feed the operations metrics; null when none.',
  })
  freshness?: OpsSnapshot['freshness'];
  @ApiPropertyOptional(anyObject) systemHealth?: OpsSnapshot['systemHealth'];
  @ApiPropertyOptional(anyObject) businessMetrics?: OpsSnapshot['businessMetrics'];
  @ApiPropertyOptional(anyObject) workflowPerformance?: OpsSnapshot['workflowPerformance'];
  @ApiPropertyOptional(anyObject) customerIntelligence?: OpsSnapshot['customerIntelligence'];
  @ApiPropertyOptional(anyObject) securityCompliance?: OpsSnapshot['securityCompliance'];
  @ApiPropertyOptional(anyObject) executiveSummary?: OpsSnapshot['executiveSummary'];
  @ApiProperty({ type: [AlertViewModel] }) alerts!: AlertViewModel[];
  @ApiPropertyOptional(anyObject) performance?: OpsSnapshot['performance'];
}

export class OpsStatusModel extends TimestampedModel implements OpsStatus {
  @ApiProperty() running!: boolean;
  @ApiProperty() intervalMs!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAggregationAt!: string | null;
  @ApiProperty() dataSourcesActive!: number;
  @ApiProperty() subscriptionsActive!: number;
  @ApiProperty() totalDataPoints!: number;
  @ApiProperty() bufferedDataPoints!: number;
  @ApiProperty() memoryUsageMb!: number;
  @ApiProperty({ type: Number, nullable: true }) aggregationLatencyMs!: number | null;
  @ApiProperty() alertsActive!: number;
}

export class RevokedFromAlertModel implements RevokedFromAlert {
  @ApiProperty({ type: AlertViewModel }) alert!: AlertViewModel;
  @ApiProperty({ example: 'dashboard-service' }) clientId!: string;
}
