import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  type DataPointsAccepted,
  type MetricForecast,
  type MetricSeries,
  type OpsMetricList,
  type OpsSnapshot,
  type OpsStatus,
  type Principal,
} from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors } from '../common';
import { OpsMetricsService } from './data/ops-metrics.service';
import {
  DATA_POINT_BATCH_BODY,
  DataPointsAcceptedModel,
  MetricForecastModel,
  MetricSeriesModel,
  OpsMetricListModel,
  OpsSnapshotModel,
  OpsStatusModel,
} from './dto/ops.models';
import { OpsAggregator } from './ops-aggregator.service';

const METRIC_PARAM = { name: 'metric', example: 'cpu_usage', description: 'Lower case, digits and underscores.' };

/** Operations center: data points in, series, forecasts, the snapshot and the aggregator's controls. */
@ApiTags('operations')
@Controller('ops')
export class OpsController {
  constructor(
    private readonly metrics: OpsMetricsService,
    private readonly aggregator: OpsAggregator,
  ) {}

  @Post('data-points')
  @HttpCode(202)
  @RequirePermission('ops.write')
  @ApiOperation({
    summary: 'Push a batch of data points (at most 1,000).',
    description:
      'Answers 202 only once the whole batch is committed. A full per-source buffer refuses the batch with 503 and Retry-After; nothing is half taken.',
  })
  @ApiBody({ schema: DATA_POINT_BATCH_BODY })
  @ApiAcceptedResponse({ type: DataPointsAcceptedModel })
  @ApiErrors(400, 413, 415, 503)
  dataPoints(@Body() body: unknown): Promise<DataPointsAccepted> {
    return this.metrics.accept(body);
  }

  @Get('metrics')
  @RequirePermission('ops.read')
  @ApiOperation({
    summary: 'The metrics you may chart: those with data points or an alert rule, in your role’s modules.',
  })
  @ApiOkResponse({ type: OpsMetricListModel })
  @ApiErrors()
  metricList(@CurrentPrincipal() principal: Principal): Promise<OpsMetricList> {
    return this.metrics.visibleMetrics(principal);
  }

  @Get('metrics/:metric/series')
  @RequirePermission('ops.read')
  @ApiOperation({
    summary: 'A metric downsampled to buckets of `step` seconds (avg, min, max, count).',
    description:
      'Steps in whole hours read the 1-hour rollups, whole minutes the 1-minute rollups, other steps the raw points (kept OPS_RAW_RETENTION_HOURS). At most 1,440 buckets.',
  })
  @ApiParam(METRIC_PARAM)
  @ApiQuery({ name: 'from', type: String, format: 'date-time' })
  @ApiQuery({ name: 'to', type: String, format: 'date-time' })
  @ApiQuery({ name: 'step', type: Number, description: 'Seconds per bucket, at least 10.' })
  @ApiOkResponse({ type: MetricSeriesModel })
  @ApiErrors(400, 404)
  series(
    @Param('metric') metric: string,
    @Query() query: Record<string, string>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MetricSeries> {
    return this.metrics.series(metric, query, principal);
  }

  @Get('metrics/:metric/forecast')
  @RequirePermission('ops.read')
  @ApiOperation({
    summary: "Holt's linear trend forecast with a 95 % prediction interval and time until the alert thresholds.",
  })
  @ApiParam(METRIC_PARAM)
  @ApiQuery({ name: 'horizon', type: Number, required: false, description: 'Steps ahead, 1–240 (default 30).' })
  @ApiQuery({ name: 'step', type: Number, required: false, description: 'Seconds per step, 60–3600 (default 60).' })
  @ApiOkResponse({ type: MetricForecastModel })
  @ApiErrors(400, 404, 409)
  forecast(
    @Param('metric') metric: string,
    @Query() query: Record<string, string>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MetricForecast> {
    return this.metrics.forecast(metric, query, principal);
  }

  @Get('snapshot')
  @RequirePermission('ops.read')
  @ApiOperation({ summary: 'The latest operations snapshot, with only the modules your role may see.' })
  @ApiOkResponse({ type: OpsSnapshotModel })
  @ApiErrors()
  snapshot(@CurrentPrincipal() principal: Principal): Promise<OpsSnapshot> {
    return this.aggregator.snapshotFor(principal);
  }

  @Get('status')
  @RequirePermission('ops.read')
  @ApiOperation({ summary: "The aggregator's own status: running, sources, subscriptions, data points, latency." })
  @ApiOkResponse({ type: OpsStatusModel })
  @ApiErrors()
  status(): Promise<OpsStatus> {
    return this.aggregator.status();
  }

  @Post('aggregate')
  @HttpCode(200)
  @RequirePermission('ops.control')
  @ApiOperation({ summary: 'Aggregate now: write buffered points, evaluate alerts, build the snapshot.' })
  @ApiOkResponse({ type: OpsSnapshotModel })
  @ApiErrors()
  async aggregate(@CurrentPrincipal() principal: Principal): Promise<OpsSnapshot> {
    await this.aggregator.aggregate();
    return this.aggregator.snapshotFor(principal);
  }

  @Post('aggregator/start')
  @HttpCode(200)
  @RequirePermission('ops.control')
  @ApiOperation({ summary: "Start the aggregator's interval on this instance." })
  @ApiOkResponse({ type: OpsStatusModel })
  @ApiErrors()
  start(): Promise<OpsStatus> {
    this.aggregator.start();
    return this.aggregator.status();
  }

  @Post('aggregator/stop')
  @HttpCode(200)
  @RequirePermission('ops.control')
  @ApiOperation({ summary: "Stop the aggregator's interval on this instance (pushed points are still written)." })
  @ApiOkResponse({ type: OpsStatusModel })
  @ApiErrors()
  stop(): Promise<OpsStatus> {
    this.aggregator.stop();
    return this.aggregator.status();
  }
}
