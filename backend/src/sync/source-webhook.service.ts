import { Injectable, Logger } from '@nestjs/common';
import type { RefreshAccepted, SyncRun } from '@switchyard/contracts';
import { Clock, DomainException, readSignedHeaders, verifyWebhookSignature } from '../common';
import { CredentialsService, SourcesService } from '../sources';
import { WebhookRuns } from './run/webhook-runs.service';
import { SyncService } from './sync.service';

type RequestHeaders = Record<string, string | string[] | undefined>;

export type WebhookOutcome = { kind: 'refresh'; accepted: RefreshAccepted } | { kind: 'ingested'; run: SyncRun };

/** Stored with the event, so a retry can be recognised. */
const MAX_WEBHOOK_ID_LENGTH = 255;

/**
 * Change notifications from upstreams, signed the Standard Webhooks way (HMAC-SHA256
 * over id.timestamp.body, 5-minute tolerance, checked by the one verifier in `common/webhooks`). For a pulled source the notification
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
    private readonly clock: Clock,
  ) {}

  async receive(sourceId: string, rawBody: Buffer | undefined, headers: RequestHeaders): Promise<WebhookOutcome> {
    // From the in-memory view: a webhook must not cost a read of its source's definition.
    const source = await this.sources.requireKnown(sourceId);
    const credentialId = source.webhookSecretCredentialId;
    const credential = credentialId ? await this.credentials.openRecent(credentialId) : null;
    if (!credential) {
      throw new DomainException(
        'NOT_FOUND',
        404,
        `source ${sourceId} does not accept webhooks (no signing secret configured)`,
      );
    }
    const body = rawBody ?? Buffer.alloc(0);
    const webhookId = this.verify(sourceId, headers, body, credential.secret);
    if (webhookId.length > MAX_WEBHOOK_ID_LENGTH) {
      throw new DomainException('VALIDATION_FAILED', 400, 'the webhook-id header is too long', {
        fields: [{ field: 'webhook-id', message: `must be at most ${MAX_WEBHOOK_ID_LENGTH} characters` }],
      });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      throw new DomainException('VALIDATION_FAILED', 400, 'webhook body is not valid JSON', {
        fields: [{ field: '(body)', message: 'must be JSON' }],
      });
    }
    if (source.kind === 'http-pull') return { kind: 'refresh', accepted: await this.sync.refresh(sourceId, 'webhook') };
    if (typeof payload !== 'object' || payload === null) {
      throw new DomainException('VALIDATION_FAILED', 400, 'webhook body must be a JSON object', {
        fields: [{ field: '(body)', message: 'must be a JSON object' }],
      });
    }
    return { kind: 'ingested', run: await this.webhookRuns.ingest(source, payload, webhookId) };
  }

  /** Checks the Standard Webhooks signature with the source's secret and our clock; answers the `webhook-id`. */
  private verify(sourceId: string, headers: RequestHeaders, body: Buffer, secret: string): string {
    const signed = readSignedHeaders(headers);
    const check =
      'missing' in signed
        ? { ok: false as const, reason: `missing ${signed.missing} header` }
        : verifyWebhookSignature(signed, body, [secret], this.clock.now());
    if (check.ok && !('missing' in signed)) return signed.id;
    const reason = check.ok ? 'signature check failed' : check.reason;
    const webhookId = 'missing' in signed ? undefined : signed.id;
    this.logger.warn({ sourceId, webhookId, reason }, 'refused an unsigned or badly signed webhook');
    throw new DomainException('UNAUTHENTICATED', 401, `webhook signature refused: ${reason}`);
  }
}
