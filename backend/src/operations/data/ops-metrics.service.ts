import { Injectable } from '@nestjs/common';
import {
  CATEGORY_MODULE,
  OPS_MODULES,
  type DataPointsAccepted,
  type MetricForecast,
  type MetricSeries,
  type OpsMetricList,
  type OpsModule,
  type Principal,
  type SeriesResolution,
} from '@switchyard/contracts';
import { z } from 'zod';
import { Clock, DomainException, parseOrThrow } from '../../common';
import { AlertsRepository } from '../alerts/alerts.repository';
import { dataPointBatchSchema, forecastQuerySchema, metricName, seriesQuerySchema } from '../dto/ops.schemas';
import { fitHolt, forecastHolt, MIN_OBSERVATIONS, stepsUntilThreshold, Z_95 } from '../forecast/holt';
import { DataPointIngest } from './data-point-ingest.service';
import { OpsScopeService } from '../ops-scope.service';
import { OpsDataRepository } from './ops-data.repository';

/** How many steps of history a forecast is fitted on. */
const FORECAST_HISTORY_STEPS = 180;

/** Raw points for steps that are not whole minutes, else the coarsest rollup that divides the step. */
export function resolutionFor(stepSeconds: number): SeriesResolution {
  if (stepSeconds % 3600 === 0) return '1h';
  if (stepSeconds % 60 === 0) return '1m';
  return 'raw';
}

/** Pushed data points, metric series and forecasts. */
@Injectable()
export class OpsMetricsService {
  constructor(
    private readonly ingest: DataPointIngest,
    private readonly data: OpsDataRepository,
    private readonly alerts: AlertsRepository,
    private readonly clock: Clock,
    private readonly scope: OpsScopeService,
  ) {}

  /** Answers once the points are committed (never earlier), or refuses them all. */
  async accept(body: unknown): Promise<DataPointsAccepted> {
    const { points } = parseOrThrow(dataPointBatchSchema, body);
    const now = this.clock.now();
    await this.ingest.add(
      points.map((p) => ({
        source: p.source,
        category: p.category,
        metric: p.metric,
        value: p.value,
        status: p.status,
        metadata: p.metadata ?? {},
        labels: p.labels ?? {},
        moduleAccess: p.moduleAccess,
        recordedAt: p.timestamp ? new Date(p.timestamp) : now,
      })),
    );
    return { accepted: points.length, generatedAt: this.clock.now().toISOString() };
  }

  /** The metrics (with points, or watched by a rule) the caller's modules may see, by name. */
  async visibleMetrics(principal: Principal): Promise<OpsMetricList> {
    const scope = this.scope.of(principal);
    const withPoints = await this.data.metricModules();
    const names = new Set([...withPoints.keys(), ...(await this.alerts.listRules()).map((r) => r.metric)]);
    const items = [...names]
      .sort()
      .map((metric) => ({
        metric,
        access: withPoints.get(metric)?.modules ?? null,
        unit: withPoints.get(metric)?.unit,
      }))
      .filter(({ access }) => this.scope.modulesVisible(scope, access))
      .map(({ metric, access, unit }) => ({
        metric,
        modules: (access ?? [CATEGORY_MODULE.custom]).filter((m): m is OpsModule =>
          (OPS_MODULES as readonly string[]).includes(m),
        ),
        unit: unit ?? null,
      }));
    return { items, generatedAt: this.clock.now().toISOString() };
  }

  /** A metric outside the caller's modules answers 404, like one that does not exist. */
  async series(metric: string, query: unknown, principal: Principal): Promise<MetricSeries> {
    const name = parseMetric(metric);
    const q = parseOrThrow(seriesQuerySchema, query);
    await this.scope.requireMetric(principal, name);
    const resolution = resolutionFor(q.step);
    const from = new Date(q.from);
    const to = new Date(q.to);
    const buckets = await this.data.series(name, from, to, q.step, resolution);
    return {
      metric: name,
      from: from.toISOString(),
      to: to.toISOString(),
      stepSeconds: q.step,
      resolution,
      buckets,
      generatedAt: this.clock.now().toISOString(),
    };
  }

  async forecast(metric: string, query: unknown, principal: Principal): Promise<MetricForecast> {
    const name = parseMetric(metric);
    const { horizon, step } = parseOrThrow(forecastQuerySchema, query);
    await this.scope.requireMetric(principal, name);
    const now = this.clock.now();
    const from = new Date(now.getTime() - FORECAST_HISTORY_STEPS * step * 1000);
    const history = await this.data.series(name, from, new Date(now.getTime() + 1), step, '1m');
    if (history.length < MIN_OBSERVATIONS) {
      throw new DomainException(
        'CONFLICT',
        409,
        `Not enough history to forecast ${name}: ${history.length} of at least ${MIN_OBSERVATIONS} ${step}-second steps`,
      );
    }
    const fit = fitHolt(history.map((b) => b.avg));
    const last = Date.parse(history[history.length - 1].at);
    const at = (steps: number) => new Date(last + steps * step * 1000).toISOString();
    const rule = (await this.alerts.rulesForMetrics([name]))[0];
    const crossings = rule
      ? (['warning', 'critical'] as const).map((severity) => {
          const threshold = rule[severity];
          const steps = stepsUntilThreshold(fit.level, fit.trend, threshold, rule.direction as 'above' | 'below');
          return {
            severity,
            threshold,
            secondsUntil: steps === null ? null : Math.round(steps * step),
            at: steps === null ? null : at(steps),
          };
        })
      : [];
    return {
      metric: name,
      model: 'holt-linear-trend',
      alpha: fit.alpha,
      beta: fit.beta,
      stepSeconds: step,
      horizon,
      intervalLevel: 0.95,
      residualStdDev: fit.residualStdDev,
      observations: fit.observations,
      level: fit.level,
      trendPerStep: fit.trend,
      points: forecastHolt(fit, horizon, Z_95).map((p) => ({
        at: at(p.step),
        value: p.value,
        lower: p.lower,
        upper: p.upper,
      })),
      crossings,
      generatedAt: now.toISOString(),
    };
  }
}

function parseMetric(metric: string): string {
  return parseOrThrow(z.strictObject({ metric: metricName }), { metric }).metric;
}
