import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import type { Subscription } from 'rxjs';
import { DomainEventBus } from '../events';
import { forgetSource, MetricsService } from '../metrics';

/**
 * Prometheus metrics of sync runs, labelled by source id; a deleted source's series go with it.
 * A source's freshness and breaker gauges belong to its state (`sources/state/source-state-metrics.ts`).
 */
@Injectable()
export class SyncMetrics implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | null = null;
  readonly runs: Counter<'source' | 'status'>;
  readonly duration: Histogram<'source'>;
  readonly upstreamRequests: Counter<'source' | 'outcome'>;
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
    this.skippedOlder = new Counter({
      name: 'switchyard_records_skipped_older_total',
      help: 'Rows not written because the stored row is newer (late retries, out-of-order events), by source.',
      labelNames: ['source'],
      registers,
    });
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
  forget(source: string): Promise<void> {
    return forgetSource([this.runs, this.duration, this.upstreamRequests, this.skippedOlder], source);
  }
}
