import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DomainEventBus } from '../../events';
import { DataPointIngest } from './data-point-ingest.service';

/**
 * Feeds the operations data points from sync: when a metrics source's run stored new
 * samples (records.changed on the metrics domain), they are copied into the operations
 * data. Batches are handled one after another, in the order they were announced.
 */
@Injectable()
export class MetricsSyncFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MetricsSyncFeed.name);
  private subscription: Subscription | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly bus: DomainEventBus,
    private readonly ingest: DataPointIngest,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.ofType('records.changed').subscribe((event) => {
      if (event.domain !== 'metrics' || event.upsertedIds.length === 0) return;
      this.queue = this.queue.then(() => this.take(event.sourceId, event.upsertedIds));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Resolves once every announced batch so far has been written. */
  drain(): Promise<void> {
    return this.queue;
  }

  private async take(sourceId: string, externalIds: string[]): Promise<void> {
    try {
      await this.ingest.takeSynced(sourceId, externalIds);
    } catch (error) {
      // The samples stay in data_points; a failed hand-over loses nothing that was stored.
      this.logger.error({ err: error, sourceId }, 'could not take synced metrics into the operations data');
    }
  }
}
