import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  alertVisibleTo,
  opsModulesOf,
  type Freshness,
  type OpsSnapshot,
  type OpsStatus,
  type Principal,
} from '@switchyard/contracts';
import { performance } from 'node:perf_hooks';
import { Clock } from '../common';
import { AppConfig } from '../config';
import { DomainEventBus } from '../events';
import { FreshnessService, SourcesService } from '../sources';
import { AlertEvaluator } from './alerts/alert-evaluator.service';
import { DataPointAnnouncer } from './data/data-point-announcer';
import { DataPointIngest } from './data/data-point-ingest.service';
import { OpsDataRepository } from './data/ops-data.repository';
import { summarizeSnapshot, visibleSnapshot } from './snapshot/build-snapshot';
import { SnapshotBuilder } from './snapshot/snapshot-builder';

/** Counts the live subscriptions of this instance (the realtime hub's count). */
export interface OpsSubscriptionCounter {
  activeSubscriptions(): number;
}
export const OPS_SUBSCRIPTION_COUNTER = Symbol('OPS_SUBSCRIPTION_COUNTER');
export const NO_SUBSCRIPTIONS: OpsSubscriptionCounter = { activeSubscriptions: () => 0 };

const JOB = 'ops-aggregator';
const RETENTION_EVERY_MS = 3_600_000;

/**
 * The operations aggregator: on its interval (and on demand) it writes buffered points,
 * evaluates alert rules and source freshness, builds the snapshot and announces it.
 * Raw points past their retention are pruned hourly; rollups are kept longer.
 */
@Injectable()
export class OpsAggregator implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OpsAggregator.name);
  private latest: OpsSnapshot | null = null;
  private aggregating: Promise<OpsSnapshot> | null = null;
  private lastRetentionAt = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
    private readonly ingest: DataPointIngest,
    private readonly evaluator: AlertEvaluator,
    private readonly builder: SnapshotBuilder,
    private readonly data: OpsDataRepository,
    private readonly freshness: FreshnessService,
    private readonly sources: SourcesService,
    private readonly bus: DomainEventBus,
    private readonly announcer: DataPointAnnouncer,
    @Inject(OPS_SUBSCRIPTION_COUNTER) private readonly subscriptions: OpsSubscriptionCounter,
  ) {}

  onApplicationBootstrap(): void {
    // A committed batch is evaluated right away, not at the next tick.
    this.ingest.onCommitted((metrics) => {
      this.evaluator.evaluateRules(metrics).catch((error: unknown) => {
        this.logger.error({ err: error }, 'alert evaluation after a write failed');
      });
    });
    if (this.config.ops.aggregatorEnabled) this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.aggregating?.catch(() => undefined);
  }

  get running(): boolean {
    return this.scheduler.doesExist('interval', JOB);
  }

  start(): void {
    if (this.running) return;
    const timer = setInterval(() => {
      this.aggregate().catch((error: unknown) => this.logger.error({ err: error }, 'aggregation failed'));
    }, this.config.ops.aggregateIntervalMs);
    timer.unref();
    this.scheduler.addInterval(JOB, timer);
    this.logger.log({ intervalMs: this.config.ops.aggregateIntervalMs }, 'operations aggregator started');
  }

  stop(): void {
    if (!this.running) return;
    this.scheduler.deleteInterval(JOB);
    this.logger.log('operations aggregator stopped');
  }

  /** One aggregation; a call while one runs shares its result. */
  aggregate(): Promise<OpsSnapshot> {
    this.aggregating ??= this.runAggregation().finally(() => {
      this.aggregating = null;
    });
    return this.aggregating;
  }

  /** The snapshot as a principal may see it: its role's modules, and alerts of its tenants only. */
  async snapshotFor(principal: Principal): Promise<OpsSnapshot> {
    const visible = visibleSnapshot(this.latest ?? (await this.aggregate()), opsModulesOf(principal.roles));
    const { freshness, slo } = await this.metricsFreshness(principal);
    const moduleClocks = Object.fromEntries(
      Object.entries(visible.moduleClocks ?? {}).map(([key, clock]) => [
        key,
        {
          ...clock,
          warnAfterSeconds: slo?.warnAfterSeconds ?? null,
          staleAfterSeconds: slo?.staleAfterSeconds ?? null,
        },
      ]),
    );
    return {
      ...visible,
      moduleClocks,
      freshness,
      alerts: visible.alerts.filter((alert) => alertVisibleTo(principal, alert)),
    };
  }

  /** The enabled metrics sources (they feed the data points): their freshness and the strictest SLO. */
  private async metricsFreshness(principal: Principal): Promise<{
    freshness: Freshness | null;
    slo: { warnAfterSeconds: number; staleAfterSeconds: number } | null;
  }> {
    const sources = (await this.sources.findAll()).filter((s) => s.enabled && s.domain === 'metrics');
    if (sources.length === 0) return { freshness: null, slo: null };
    const freshness = await this.freshness.summarizeSources(sources, principal.permissions.includes('sync.raw_read'));
    return {
      freshness,
      slo: {
        warnAfterSeconds: Math.min(...sources.map((s) => s.freshness.warnAfterSeconds)),
        staleAfterSeconds: Math.min(...sources.map((s) => s.freshness.staleAfterSeconds)),
      },
    };
  }

  async status(): Promise<OpsStatus> {
    const performanceFigures = this.latest?.performance;
    return {
      running: this.running,
      intervalMs: this.config.ops.aggregateIntervalMs,
      lastAggregationAt: this.latest?.builtAt ?? null,
      dataSourcesActive: performanceFigures?.dataSourcesActive ?? 0,
      subscriptionsActive: this.subscriptions.activeSubscriptions(),
      totalDataPoints: await this.data.countPoints(),
      bufferedDataPoints: this.ingest.pending,
      memoryUsageMb: Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10,
      aggregationLatencyMs: performanceFigures?.aggregationLatencyMs ?? null,
      alertsActive: this.latest?.executiveSummary?.activeAlerts ?? 0,
      generatedAt: this.clock.now().toISOString(),
    };
  }

  /** Deletes raw points past OPS_RAW_RETENTION_HOURS and rollups past theirs. */
  async prune(): Promise<{ raw: number; rollups: number }> {
    const now = this.clock.now().getTime();
    const { rawRetentionHours, minuteRollupRetentionDays, hourRollupRetentionDays } = this.config.ops;
    const pruned = await this.data.prune({
      raw: new Date(now - rawRetentionHours * 3_600_000),
      minute: new Date(now - minuteRollupRetentionDays * 86_400_000),
      hour: new Date(now - hourRollupRetentionDays * 86_400_000),
    });
    this.lastRetentionAt = now;
    if (pruned.raw + pruned.rollups > 0) this.logger.log(pruned, 'pruned old operations data');
    return pruned;
  }

  private async runAggregation(): Promise<OpsSnapshot> {
    const startedAt = performance.now();
    await this.ingest.flush();
    await this.evaluator.evaluateRules();
    const tenants = new Map<string, string | null>();
    const freshness = await this.freshness.summarize((source) => {
      tenants.set(source.id, source.tenant);
      return source.enabled;
    });
    await this.evaluator.evaluateFreshness(freshness.sources, (id) => tenants.get(id) ?? null);
    const snapshot = await this.builder.build(startedAt);
    this.latest = snapshot;
    const summary = { ...summarizeSnapshot(snapshot), ...this.announcer.takeChanges() };
    this.bus.publish({ type: 'ops.snapshot', at: snapshot.builtAt, snapshot: summary });
    if (this.clock.now().getTime() - this.lastRetentionAt >= RETENTION_EVERY_MS) await this.prune();
    return snapshot;
  }
}
