import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common';
import { AppConfig } from '../../config';
import { IntegrationEventsRepository } from '../integration-events.repository';
import { IntegrationIssuesRepository } from '../integration-issues.repository';

const HOUR_MS = 3_600_000;

/**
 * Bounds the integration tables: events past INTEGRATION_RETENTION_DAYS go (unless a person
 * corrected their category: those feed the golden set), and so do closed issues not seen since.
 */
@Injectable()
export class IntegrationRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IntegrationRetention.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly events: IntegrationEventsRepository,
    private readonly issues: IntegrationIssuesRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: unknown) => this.logger.warn({ err: error }, 'integration retention failed'));
    }, HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async prune(): Promise<{ events: number; issues: number }> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.integrations.retentionDays * 86_400_000);
    const events = await this.events.pruneBefore(cutoff);
    const issues = await this.issues.pruneClosedBefore(cutoff);
    if (events + issues > 0) this.logger.log({ events, issues, cutoff }, 'pruned old integration events and issues');
    return { events, issues };
  }
}
