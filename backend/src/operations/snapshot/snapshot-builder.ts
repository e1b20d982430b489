import { Injectable } from '@nestjs/common';
import type { OpsSnapshot } from '@switchyard/contracts';
import { performance } from 'node:perf_hooks';
import { Clock } from '../../common';
import { toAlertView } from '../alerts/alert-views';
import { AlertsRepository } from '../alerts/alerts.repository';
import { OpsDataRepository } from '../data/ops-data.repository';
import { buildSnapshot } from './build-snapshot';

/** A source counts as active when it sent a point within this window. */
const ACTIVE_SOURCE_WINDOW_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

/** Reads what the snapshot needs (latest values, open alerts, counts) and builds it. */
@Injectable()
export class SnapshotBuilder {
  constructor(
    private readonly data: OpsDataRepository,
    private readonly alerts: AlertsRepository,
    private readonly clock: Clock,
  ) {}

  /** `startedAt` (performance.now()) is when the aggregation began, for its latency figure. */
  async build(startedAt = performance.now()): Promise<OpsSnapshot> {
    const now = this.clock.now();
    const [latest, open, totalDataPoints, dataSourcesActive] = await Promise.all([
      this.data.latest(),
      this.alerts.openAlerts(),
      this.data.countPoints(),
      this.data.countSourcesSince(new Date(now.getTime() - ACTIVE_SOURCE_WINDOW_MS)),
    ]);
    const revenue = latest.get('revenue_today');
    const revenueHourAgo = revenue
      ? await this.data.valueAtOrBefore('revenue_today', new Date(revenue.recordedAt.getTime() - HOUR_MS))
      : null;
    return buildSnapshot({
      builtAt: now,
      latest,
      revenueHourAgo,
      alerts: open.map(toAlertView),
      performance: {
        dataSourcesActive,
        totalDataPoints,
        aggregationLatencyMs: Math.round((performance.now() - startedAt) * 10) / 10,
        memoryUsageMb: Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10,
      },
    });
  }
}
