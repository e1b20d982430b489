import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { BreakerState, FreshnessState, SourceFreshness } from '@switchyard/contracts';
import { Gauge } from 'prom-client';
import type { Subscription } from 'rxjs';
import { DomainEventBus } from '../../events';
import { forgetSource, MetricsService } from '../../metrics';

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };
const FRESHNESS_VALUE: Record<FreshnessState, number> = {
  fresh: 0,
  late: 1,
  rate_limited: 2,
  stale: 3,
  unavailable: 4,
};

/** Prometheus gauges of each source's state: freshness, data age and breaker; a deleted source's series go with it. */
@Injectable()
export class SourceStateMetrics implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | null = null;
  readonly breaker: Gauge<'source'>;
  readonly sourceAge: Gauge<'source'>;
  readonly freshness: Gauge<'source'>;

  constructor(
    metrics: MetricsService,
    private readonly bus: DomainEventBus,
  ) {
    const registers = [metrics.registry];
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
      if (event.action === 'deleted') void forgetSource([this.breaker, this.sourceAge, this.freshness], event.sourceId);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
