import { Injectable } from '@nestjs/common';
import type {
  FailureCategory,
  FeedbackView,
  GoldenCase,
  IntegrationEventDetail,
  IntegrationEventStatus,
  IntegrationEventView,
  IntegrationId,
  Page,
  Principal,
} from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Clock, ResourceNotFoundException, toPage, type PageWindow } from '../common';
import type { IntegrationEventEntity } from './entities';
import { IntegrationEventsRepository } from './integration-events.repository';
import { IntegrationFeedbackRepository } from './integration-feedback.repository';
import { toEventDetail, toEventView } from './integration-views';
import { actorOf } from './issues/issue-tracker.service';

const CORRECTIONS_LIMIT = 10_000;

/** Reading stored events, and what people say about their classification. */
@Injectable()
export class IntegrationEventsService {
  constructor(
    private readonly events: IntegrationEventsRepository,
    private readonly feedback: IntegrationFeedbackRepository,
    private readonly clock: Clock,
  ) {}

  async list(
    integration: IntegrationId,
    status: IntegrationEventStatus | undefined,
    window: PageWindow,
  ): Promise<Omit<Page<IntegrationEventView>, 'generatedAt'>> {
    const [rows, total] = await this.events.list(integration, status, window);
    return toPage(window, rows.map(toEventView), total);
  }

  async detail(id: string): Promise<Omit<IntegrationEventDetail, 'generatedAt'>> {
    return toEventDetail(await this.require(id));
  }

  async giveFeedback(
    id: string,
    verdict: { helpful: boolean; correctCategory?: FailureCategory },
    principal: Principal,
  ): Promise<FeedbackView> {
    const event = await this.require(id);
    const givenAt = this.clock.now();
    const givenBy = actorOf(principal);
    const correctCategory = verdict.correctCategory ?? null;
    await this.feedback.upsert({
      id: randomUUID(),
      eventId: event.id,
      integration: event.integration,
      helpful: verdict.helpful,
      correctCategory,
      givenBy,
      givenAt,
    });
    return { eventId: event.id, helpful: verdict.helpful, correctCategory, givenBy, givenAt: givenAt.toISOString() };
  }

  /** People's corrections, in the golden set's format, ready to review and add to it. */
  async corrections(): Promise<GoldenCase[]> {
    const rows = await this.feedback.corrections(CORRECTIONS_LIMIT);
    return rows.map(({ feedback, event }) => ({
      id: `feedback-${feedback.id}`,
      integration: event.integration,
      eventType: event.eventType,
      error: {
        message: event.errorMessage ?? '',
        ...(event.errorCode !== null ? { code: event.errorCode } : {}),
        ...(event.errorHttpStatus !== null ? { httpStatus: event.errorHttpStatus } : {}),
      },
      ...(isRecord(event.payload.data) ? { context: event.payload.data } : {}),
      expected: { category: feedback.correctCategory as FailureCategory },
    }));
  }

  private async require(id: string): Promise<IntegrationEventEntity> {
    const event = await this.events.findById(id);
    if (!event) throw new ResourceNotFoundException('integration event', id);
    return event;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
