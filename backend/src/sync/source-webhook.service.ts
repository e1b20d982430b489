import { Injectable, Logger } from '@nestjs/common';
import type { RefreshAccepted, SyncRun } from '@switchyard/contracts';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { DomainException } from '../common';
import { CredentialsService, SourcesService } from '../sources';
import { WebhookRuns } from './run/webhook-runs.service';
import { SyncService } from './sync.service';

export type WebhookOutcome = { kind: 'refresh'; accepted: RefreshAccepted } | { kind: 'ingested'; run: SyncRun };

/** Stored with the event, so a retry can be recognised. */
const MAX_WEBHOOK_ID_LENGTH = 255;
const SIGNATURE_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/**
 * Change notifications from upstreams, signed the Standard Webhooks way (HMAC-SHA256
 * over id.timestamp.body, 5-minute tolerance). For a pulled source the notification
 * triggers a targeted refresh; a webhook-fed source gets the event itself stored, once per
 * `webhook-id` (a retry of a stored event is answered with the run that stored it).
 */
@Injectable()
export class SourceWebhookService {
  private readonly logger = new Logger(SourceWebhookService.name);

  constructor(
    private readonly sources: SourcesService,
    private readonly credentials: CredentialsService,
    private readonly sync: SyncService,
    private readonly webhookRuns: WebhookRuns,
  ) {}

  async receive(
    sourceId: string,
    rawBody: Buffer | undefined,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<WebhookOutcome> {
    const source = await this.sources.require(sourceId);
    const credentialId = source.webhookSecretCredentialId;
    const credential = credentialId ? await this.credentials.open(credentialId) : null;
    if (!credential) {
      throw new DomainException(
        'NOT_FOUND',
        404,
        `source ${sourceId} does not accept webhooks (no signing secret configured)`,
      );
    }
    const signed = Object.fromEntries(SIGNATURE_HEADERS.map((name) => [name, String(headers[name] ?? '')]));
    const body = rawBody?.toString('utf8') ?? '';
    let payload: unknown;
    try {
      payload = new Webhook(credential.secret).verify(body, signed);
    } catch (error) {
      const reason = error instanceof WebhookVerificationError ? error.message : 'signature check failed';
      this.logger.warn(
        { sourceId, webhookId: signed['webhook-id'], reason },
        'refused an unsigned or badly signed webhook',
      );
      throw new DomainException('UNAUTHENTICATED', 401, `webhook signature refused: ${reason}`);
    }
    if (signed['webhook-id'].length > MAX_WEBHOOK_ID_LENGTH) {
      throw new DomainException('VALIDATION_FAILED', 400, 'the webhook-id header is too long', {
        fields: [{ field: 'webhook-id', message: `must be at most ${MAX_WEBHOOK_ID_LENGTH} characters` }],
      });
    }
    if (source.kind === 'http-pull') return { kind: 'refresh', accepted: await this.sync.refresh(sourceId, 'webhook') };
    if (typeof payload !== 'object' || payload === null) {
      throw new DomainException('VALIDATION_FAILED', 400, 'webhook body must be a JSON object', {
        fields: [{ field: '(body)', message: 'must be a JSON object' }],
      });
    }
    return { kind: 'ingested', run: await this.webhookRuns.ingest(source, payload, signed['webhook-id']) };
  }
}
