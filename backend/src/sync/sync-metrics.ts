import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { BreakerState, FreshnessState, SourceFreshness } from '@switchyard/contracts';
import { Counter, Gauge, Histogram, type Metric } from 'prom-client';
import type { Subscription } from 'rxjs';
import { DomainEventBus } from '../events';
import { MetricsService } from '../metrics';

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };
const FRESHNESS_VALUE: Record<FreshnessState, number> = {
  fresh: 0,
  late: 1,
  rate_limited: 2,
  stale: 3,
  unavailable: 4,
};

/** Prometheus metrics of the sync engine, labelled by source id; a deleted source's series go with it. */
@Injectable()
export class SyncMetrics implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | null = null;
  readonly runs: Counter<'source' | 'status'>;
  readonly duration: Histogram<'source'>;
  readonly upstreamRequests: Counter<'source' | 'outcome'>;
  readonly breaker: Gauge<'source'>;
  readonly sourceAge: Gauge<'source'>;
  readonly freshness: Gauge<'source'>;
  readonly skippedOlder: Counter<'source'>;

  constructor(
    metrics: MetricsService,
    private readonly bus: DomainEventBus,
  ) {
    const registers = [metrics.registry];
    this.runs = new Counter({
      name: 'switchyard_sync_runs_total',
      help: 'Finished sync runs by source and status.',
      labelNames: ['source', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'switchyard_sync_duration_seconds',
      help: 'Sync run duration by source.',
      labelNames: ['source'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    });
    this.upstreamRequests = new Counter({
      name: 'switchyard_upstream_requests_total',
      help: 'Requests to upstreams by source and outcome (HTTP status, timeout or network).',
      labelNames: ['source', 'outcome'],
      registers,
    });
    this.breaker = new Gauge({
      name: 'switchyard_source_breaker_state',
      help: 'Circuit breaker per source: 0 closed, 1 half-open, 2 open.',
      labelNames: ['source'],
      registers,
    });
    this.sourceAge = new Gauge({
      name: 'switchyard_source_data_age_seconds',
      help: 'Age of the newest data per source (from dataAsOf, else the last success).',
      labelNames: ['source'],
      registers,
    });
    this.skippedOlder = new Counter({
      name: 'switchyard_records_skipped_older_total',
      help: 'Rows not written because the stored row is newer (late retries, out-of-order events), by source.',
      labelNames: ['source'],
      registers,
    });
    this.freshness = new Gauge({
      name: 'switchyard_source_freshness_state',
      help: 'Freshness per source: 0 fresh, 1 late, 2 rate_limited, 3 stale, 4 unavailable.',
      labelNames: ['source'],
      registers,
    });
  }

  recordBreaker(source: string, state: BreakerState): void {
    this.breaker.set({ source }, BREAKER_VALUE[state]);
  }

  recordFreshness(freshness: SourceFreshness): void {
    this.freshness.set({ source: freshness.id }, FRESHNESS_VALUE[freshness.state]);
    if (freshness.ageSeconds !== null) this.sourceAge.set({ source: freshness.id }, freshness.ageSeconds);
  }

  onModuleInit(): void {
    this.subscription = this.bus.ofType('source.changed').subscribe((event) => {
      if (event.action === 'deleted') void this.forget(event.sourceId);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Removes every series of a source, whatever its other labels (status, outcome, bucket). */
  async forget(source: string): Promise<void> {
    const metrics: Array<Metric<string>> = [
      this.runs,
      this.duration,
      this.upstreamRequests,
      this.breaker,
      this.sourceAge,
      this.freshness,
      this.skippedOlder,
    ];
    for (const metric of metrics) {
      const { values } = await metric.get();
      const labelSets = new Map<string, Record<string, string | number>>();
      for (const { labels } of values) {
        if (labels.source !== source) continue;
        const { le: _bucket, ...own } = labels as Record<string, string | number>;
        labelSets.set(JSON.stringify(own), own);
      }
      for (const labels of labelSets.values()) (metric as Gauge<string>).remove(labels);
    }
  }
}
