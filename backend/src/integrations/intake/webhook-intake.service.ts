import { Injectable, Logger } from '@nestjs/common';
import { isIntegrationId, type IntegrationId, type WebhookReceipt } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Clock, DomainException, parseOrThrow } from '../../common';
import type { IntegrationEventEntity } from '../entities';
import { IntegrationEventsRepository } from '../integration-events.repository';
import { EventProcessorService } from '../processing/event-processor.service';
import { redactPayload } from './redact-pii';
import { WebhookSecretsService } from './webhook-secrets.service';
import { readSignedHeaders, verifyWebhookSignature } from './webhook-signature';
import { readWebhookEvent, webhookBodySchema } from './webhook-event';

const RETRY_AFTER_SECONDS = 5;

/**
 * Receives one integration webhook: verify, redact, store once by webhook id, and only
 * then answer. Classification and grouping happen afterwards (see EventProcessorService).
 */
@Injectable()
export class WebhookIntakeService {
  private readonly logger = new Logger(WebhookIntakeService.name);

  constructor(
    private readonly secrets: WebhookSecretsService,
    private readonly events: IntegrationEventsRepository,
    private readonly processor: EventProcessorService,
    private readonly clock: Clock,
  ) {}

  async receive(
    integration: string,
    rawBody: Buffer | undefined,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<WebhookReceipt> {
    if (!isIntegrationId(integration))
      throw new DomainException('NOT_FOUND', 404, `unknown integration ${integration}`);
    const secrets = this.secrets.secretsOf(integration);
    if (secrets.length === 0) {
      throw new DomainException('NOT_FOUND', 404, `integration ${integration} has no webhook secret configured`);
    }
    const receivedAt = this.clock.now();
    const signed = readSignedHeaders(headers);
    if ('missing' in signed) return this.refuse(integration, null, `missing ${signed.missing} header`);
    const check = verifyWebhookSignature(signed, rawBody ?? Buffer.alloc(0), secrets, receivedAt);
    if (!check.ok) return this.refuse(integration, signed.id, check.reason);

    const body = parseOrThrow(webhookBodySchema, parseJson(rawBody));
    const facts = readWebhookEvent(body, check.sentAt, receivedAt);
    const row: IntegrationEventEntity = {
      id: randomUUID(),
      integration,
      webhookId: signed.id,
      ...facts,
      receivedAt,
      processedAt: null,
      payload: redactPayload(body, this.secrets.sensitiveFields),
      errorMessage:
        facts.errorMessage === null ? null : redactPayload(facts.errorMessage, this.secrets.sensitiveFields),
      category: null,
      classification: null,
      issueId: null,
      processAttempts: 0,
      claimedUntil: null,
    };
    const stored = await this.store(row);
    if (stored.id === row.id) this.processor.kick();
    return receipt(stored);
  }

  /** Commits the event, or finds the one stored for the same webhook id before. */
  private async store(row: IntegrationEventEntity): Promise<IntegrationEventEntity> {
    try {
      if (await this.events.insertOnce(row)) return row;
      const original = await this.events.findByWebhookId(row.integration, row.webhookId);
      if (original) return original;
    } catch (error) {
      this.logger.error(
        { integration: row.integration, webhookId: row.webhookId, err: error },
        'could not store an integration webhook; answered 503 so the sender retries',
      );
    }
    throw new DomainException('SERVICE_UNAVAILABLE', 503, 'the event could not be stored; retry later', {
      retryAfter: RETRY_AFTER_SECONDS,
    });
  }

  private refuse(integration: IntegrationId, webhookId: string | null, reason: string): never {
    this.logger.warn({ integration, webhookId, reason }, 'refused an unsigned or badly signed integration webhook');
    throw new DomainException('UNAUTHENTICATED', 401, `webhook signature refused: ${reason}`);
  }
}

function parseJson(rawBody: Buffer | undefined): unknown {
  try {
    return JSON.parse(rawBody?.toString('utf8') ?? '');
  } catch {
    throw new DomainException('MALFORMED_JSON', 400, 'The request body is not valid JSON');
  }
}

function receipt(event: IntegrationEventEntity): WebhookReceipt {
  return {
    eventId: event.id,
    integration: event.integration,
    webhookId: event.webhookId,
    status: event.status,
    receivedAt: event.receivedAt.toISOString(),
  };
}
