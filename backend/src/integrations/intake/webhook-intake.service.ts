import { Injectable, Logger } from '@nestjs/common';
import {
  isIntegrationId,
  type IntegrationId,
  type WebhookHandshakeReceipt,
  type WebhookReceipt,
} from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Clock, DomainException, GroupCommit } from '../../common';
import { WebhookReceiptsRepository } from '../../sync';
import type { IntegrationEventEntity } from '../entities';
import { IntegrationEventsRepository } from '../integration-events.repository';
import { EventProcessorService } from '../processing/event-processor.service';
import { WebhookSenders } from '../senders/webhook-senders.service';
import {
  parseWebhookJson,
  type RequestHeaders,
  type SenderEvent,
  type SenderRequest,
  type WebhookSender,
} from '../senders/webhook-sender';
import { redactPayload } from './redact-pii';
import { WebhookSecretsService } from './webhook-secrets.service';
import { WebhookSourceAllowlist } from './webhook-source-allowlist';

const RETRY_AFTER_SECONDS = 5;
const MAX_EVENTS_PER_DELIVERY = 100;
/** Events written by one intake statement at most. */
const MAX_BATCH = 200;

/**
 * Receives one integration webhook in its sender's native dialect: verify, parse, redact,
 * store each event once by the sender's event id, and only then answer. Classification
 * and grouping happen afterwards (see EventProcessorService).
 */
@Injectable()
export class WebhookIntakeService {
  private readonly logger = new Logger(WebhookIntakeService.name);
  /**
   * Group commit: deliveries arriving while a batch is being written go together in the next
   * one statement (see IntegrationEventsRepository.insertBatch); each is answered only after
   * the statement that stored it has committed.
   */
  private readonly inserts = new GroupCommit<{ row: IntegrationEventEntity; origin: string }, boolean>(
    (batch) => this.events.insertBatch(batch),
    MAX_BATCH,
  );

  constructor(
    private readonly secrets: WebhookSecretsService,
    private readonly senders: WebhookSenders,
    private readonly events: IntegrationEventsRepository,
    private readonly receipts: WebhookReceiptsRepository,
    private readonly processor: EventProcessorService,
    private readonly clock: Clock,
    private readonly sourceAllowlist: WebhookSourceAllowlist,
  ) {}

  async receive(
    integration: string,
    rawBody: Buffer | undefined,
    headers: RequestHeaders,
    clientIp?: string,
  ): Promise<WebhookReceipt | WebhookHandshakeReceipt> {
    if (!isIntegrationId(integration))
      throw new DomainException('NOT_FOUND', 404, `unknown integration ${integration}`);
    await this.sourceAllowlist.require(integration, clientIp);
    const secrets = this.secrets.secretsOf(integration);
    if (secrets.length === 0) {
      throw new DomainException('NOT_FOUND', 404, `integration ${integration} has no webhook secret configured`);
    }
    const request: SenderRequest = { rawBody: rawBody ?? Buffer.alloc(0), headers, receivedAt: this.clock.now() };
    const sender = this.senders.forRequest(integration, headers);
    const handshake = this.handshake(integration, sender, request);
    if (handshake) return handshake;
    const check = sender.verify(request, secrets);
    if (!check.ok) return this.refuse(integration, sender, check.reason);

    const parsed = sender.parse(parseWebhookJson(request.rawBody), request, check.sentAt);
    if (parsed.length === 0 || parsed.length > MAX_EVENTS_PER_DELIVERY) {
      throw new DomainException(
        'VALIDATION_FAILED',
        400,
        `a delivery must carry 1 to ${MAX_EVENTS_PER_DELIVERY} events (got ${parsed.length})`,
      );
    }
    const stored: IntegrationEventEntity[] = [];
    let fresh = false;
    for (const event of parsed) {
      const row = this.toRow(integration, sender, event, request.receivedAt);
      const kept = await this.store(row);
      fresh ||= kept.id === row.id;
      stored.push(kept);
    }
    if (fresh) this.processor.kick();
    return receipt(stored);
  }

  /** Gusto's first POST to a new subscription: the token to verify it with (unsigned by nature). */
  private handshake(
    integration: IntegrationId,
    sender: WebhookSender,
    request: SenderRequest,
  ): WebhookHandshakeReceipt | null {
    if (!sender.handshake || sender.recognizes(request.headers)) return null;
    let body: unknown;
    try {
      body = parseWebhookJson(request.rawBody);
    } catch {
      return null; // not a handshake: the signature check refuses it next
    }
    const answer = sender.handshake(body);
    if (!answer) return null;
    // The token is the secret to configure; it is logged once, on purpose, for the admin to copy.
    this.logger.warn(
      { integration, subscription: answer.subscription, verificationToken: answer.token },
      `${integration} sent a webhook subscription verification token: verify the subscription with it, then add it to INTEGRATION_WEBHOOK_SECRETS`,
    );
    return { integration, handshake: 'verification_token' };
  }

  private toRow(
    integration: IntegrationId,
    sender: WebhookSender,
    event: SenderEvent,
    receivedAt: Date,
  ): IntegrationEventEntity {
    const sensitive = this.secrets.sensitiveFields;
    const occurred = event.occurredAt ?? receivedAt;
    const record = sender.genericBody
      ? event.native
      : { sender: sender.format, entity: event.entity, data: withEntity(event), native: event.native };
    return {
      id: randomUUID(),
      integration,
      webhookId: event.senderEventId.slice(0, 200),
      eventType: event.eventType.slice(0, 120),
      status: event.status,
      // An event cannot have happened after we received it (clock skew upstream).
      occurredAt: occurred > receivedAt ? receivedAt : occurred,
      receivedAt,
      processedAt: null,
      payload: redactPayload(record, sensitive) as Record<string, unknown>,
      errorMessage: event.error ? redactPayload(event.error.message, sensitive) : null,
      errorCode: event.error?.code?.slice(0, 120) ?? null,
      errorHttpStatus: event.error?.httpStatus ?? null,
      category: null,
      classification: null,
      issueId: null,
      processAttempts: 0,
      claimedUntil: null,
    };
  }

  /** Commits the event with its receipt, or finds the one stored for the same sender event id. */
  private async store(row: IntegrationEventEntity): Promise<IntegrationEventEntity> {
    const origin = `integration:${row.integration}`;
    try {
      const inserted = await this.inserts.submit({ row, origin });
      if (inserted) return row;
      const seen = await this.receipts.find(origin, row.webhookId);
      const original =
        (seen ? await this.events.findById(seen.runId) : null) ??
        (await this.events.findByWebhookId(row.integration, row.webhookId));
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

  private refuse(integration: IntegrationId, sender: WebhookSender, reason: string): never {
    this.logger.warn({ integration, format: sender.format, reason }, 'refused an unsigned or badly signed webhook');
    throw new DomainException('UNAUTHENTICATED', 401, `webhook signature refused: ${reason}`);
  }
}

function withEntity(event: SenderEvent): Record<string, unknown> {
  const facts = Object.fromEntries(
    Object.entries(event.facts).filter(([, value]) => value !== null && value !== undefined),
  );
  return event.entity ? { ...facts, entityType: event.entity.type, entityId: event.entity.id } : facts;
}

function receipt(events: IntegrationEventEntity[]): WebhookReceipt {
  const [first] = events;
  return {
    eventId: first.id,
    integration: first.integration,
    webhookId: first.webhookId,
    status: first.status,
    receivedAt: first.receivedAt.toISOString(),
    ...(events.length > 1
      ? { events: events.map((e) => ({ eventId: e.id, webhookId: e.webhookId, status: e.status })) }
      : {}),
  };
}
