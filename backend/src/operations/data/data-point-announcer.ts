import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataPointStatus, OpsDataPointView, OpsModule } from '@switchyard/contracts';
import { Clock } from '../../common';
import { DomainEventBus } from '../../events';
import { DataPointIngest } from './data-point-ingest.service';
import type { NewDataPoint } from './ops-data.repository';

/** Points per `ops.data_points` event, so one live update stays well under the message limit. */
export const POINTS_PER_EVENT = 200;

/**
 * Announces each committed batch of pushed data points (seed 002: the stream carries the
 * data points' values) and remembers which sources, categories and metrics received points
 * since the last snapshot, so stream filters can tell which snapshots concern them.
 */
@Injectable()
export class DataPointAnnouncer implements OnApplicationBootstrap {
  private changed = { sources: new Set<string>(), categories: new Set<string>(), metrics: new Set<string>() };

  constructor(
    private readonly ingest: DataPointIngest,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.ingest.onPointsCommitted((rows) => this.announce(rows));
  }

  /** What received points since the previous call, sorted; the sets start over. */
  takeChanges(): { sources: string[]; categories: string[]; metrics: string[] } {
    const { sources, categories, metrics } = this.changed;
    this.changed = { sources: new Set(), categories: new Set(), metrics: new Set() };
    return { sources: [...sources].sort(), categories: [...categories].sort(), metrics: [...metrics].sort() };
  }

  private announce(rows: readonly NewDataPoint[]): void {
    const points: OpsDataPointView[] = rows.map((r) => {
      this.changed.sources.add(r.source);
      this.changed.categories.add(r.category);
      this.changed.metrics.add(r.metric);
      return {
        timestamp: r.recordedAt.toISOString(),
        source: r.source,
        category: r.category,
        metric: r.metric,
        value: r.value,
        status: r.status as DataPointStatus,
        metadata: r.metadata,
        moduleAccess: r.moduleAccess as OpsModule[],
      };
    });
    const at = this.clock.now().toISOString();
    for (let i = 0; i < points.length; i += POINTS_PER_EVENT) {
      this.bus.publish({ type: 'ops.data_points', at, points: points.slice(i, i + POINTS_PER_EVENT) });
    }
  }
}
