import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DomainEvent, ErrorClassification } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../../common';
import { AppConfig } from '../../config';
import { DomainEventBus } from '../../events';
import { FailureClassifierService } from '../classifier/failure-classifier.service';
import type { IntegrationEventEntity } from '../entities';
import { IntegrationEventsRepository } from '../integration-events.repository';
import { IssueTrackerService } from '../issues/issue-tracker.service';

const BATCH = 50;
/** Longer than the model's timeout: a live processor never loses its claim. */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Classifies stored events and groups failures into issues, after the webhook was
 * answered. Work is claimed in the database (stored events have processed_at null),
 * so nothing is lost when a process stops and replicas never do the same event twice.
 */
@Injectable()
export class EventProcessorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventProcessorService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly events: IntegrationEventsRepository,
    private readonly classifier: FailureClassifierService,
    private readonly issues: IssueTrackerService,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // Picks up whatever an earlier process stored but did not finish.
    this.timer = setInterval(() => this.kick(), this.config.integrations.processTickMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Asks for a pass soon; passes never overlap within a process. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'integration event processing pass failed'))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves once everything stored so far has been processed (tests, shutdown). */
  async settle(): Promise<void> {
    if (!this.running) this.kick();
    while (this.running) await this.running;
  }

  /** Processes claimed batches until none is left. */
  private async drain(): Promise<void> {
    for (;;) {
      const ids = await this.events.claimUnprocessed(this.clock.now(), LEASE_MS, BATCH, MAX_ATTEMPTS);
      if (ids.length > 0) await this.processBatch(await this.events.findUnprocessed(ids));
      if (ids.length < BATCH || this.stopped) return;
    }
  }

  /**
   * Classifies a claimed batch, then records it in one transaction. Should the database refuse
   * that transaction, each event is tried on its own, so one it cannot store does not hold back
   * the rest (that one stays claimed, and is tried again until MAX_ATTEMPTS).
   */
  private async processBatch(events: IntegrationEventEntity[]): Promise<void> {
    const verdicts: Verdict[] = [];
    for (const event of events) {
      verdicts.push({
        event,
        classification: event.status === 'failure' ? await this.classifier.classify(failureInput(event)) : null,
      });
    }
    try {
      await this.record(verdicts);
    } catch (error) {
      if (verdicts.length === 1) throw error;
      this.logger.warn({ err: error, events: verdicts.length }, 'a batch of integration events failed; trying each');
      for (const verdict of verdicts) {
        await this.record([verdict]).catch((one: unknown) =>
          this.logger.warn({ err: one, eventId: verdict.event.id }, 'could not record an integration event'),
        );
      }
    }
  }

  private async record(verdicts: Verdict[]): Promise<void> {
    const published: DomainEvent[] = [];
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const failures = verdicts.flatMap(({ event, classification }) =>
        classification ? [{ event, classification }] : [],
      );
      const { issueOf, changed } = await this.issues.recordFailures(manager, failures, now);
      await this.events.markProcessed(
        manager,
        now,
        verdicts.map(({ event, classification }) => ({
          id: event.id,
          category: classification?.category ?? null,
          classification,
          issueId: issueOf.get(event.id) ?? null,
        })),
      );
      for (const { event, classification } of verdicts) {
        published.push({
          type: 'integration.event',
          at: now.toISOString(),
          integration: event.integration,
          eventId: event.id,
          status: event.status,
          category: classification?.category ?? null,
        });
      }
      published.push(...changed);
    });
    // Published after the commit: subscribers can read what they are told about.
    for (const domainEvent of published) this.bus.publish(domainEvent);
  }
}

type Verdict = { event: IntegrationEventEntity; classification: ErrorClassification | null };

function failureInput(event: IntegrationEventEntity): Parameters<FailureClassifierService['classify']>[0] {
  const data = event.payload.data;
  const context = (event.payload.error as { context?: unknown } | undefined)?.context;
  return {
    integration: event.integration,
    eventType: event.eventType,
    message: event.errorMessage ?? 'failure without an error message',
    code: event.errorCode,
    httpStatus: event.errorHttpStatus,
    data: {
      ...(isRecord(context) ? context : {}),
      ...(isRecord(data) ? data : {}),
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
