import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService, SecurityCounters } from '../../auth';
import { Clock } from '../../common';
import { AppConfig } from '../../config';
import { DataPointIngest, type IncomingDataPoint } from './data-point-ingest.service';

/** The source of the security data points Switchyard measures of itself. */
export const SECURITY_SOURCE = 'switchyard-auth';

const UNITS: Record<string, string> = {
  failed_auth_attempts: 'count',
  token_refusals: 'count',
  audit_events: 'count',
  audit_events_today: 'count',
};

/**
 * Seed 002's security module from real data. Every OPS_SECURITY_METRICS_INTERVAL_MS (a minute
 * by default) this replica's failed sign-ins, refused tokens and audit events since the last
 * write become one data point each (zero included: a quiet minute is data, not a gap), plus
 * the audit events of the day so far, in the same store the operations center charts and
 * alerts on (category `security`, source `switchyard-auth`).
 */
@Injectable()
export class SecurityMetrics implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SecurityMetrics.name);
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly counters: SecurityCounters,
    private readonly audit: AuditService,
    private readonly ingest: DataPointIngest,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => this.logger.error({ err: error }, 'could not write security metrics'));
    }, this.config.ops.securityMetricsIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.writing.catch(() => undefined);
  }

  /** Writes the counts since the last write (one after another; answers once committed). */
  flush(): Promise<void> {
    const next = this.writing.then(
      () => this.write(),
      () => this.write(),
    );
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async write(): Promise<void> {
    const counts = this.counters.drain();
    const now = this.clock.now();
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const values: Record<string, number> = { ...counts, audit_events_today: await this.audit.countSince(midnight) };
    const points: IncomingDataPoint[] = Object.entries(values).map(([metric, value]) => ({
      source: SECURITY_SOURCE,
      category: 'security',
      metric,
      value,
      metadata: { unit: UNITS[metric], intervalMs: this.config.ops.securityMetricsIntervalMs },
      recordedAt: now,
    }));
    try {
      await this.ingest.add(points);
    } catch (error) {
      // Not lost: the counts go back and are written with the next interval's.
      this.counters.restore(counts);
      throw error;
    }
  }
}
