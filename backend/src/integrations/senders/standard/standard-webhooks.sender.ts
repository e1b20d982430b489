import { header, type SenderEvent, type SenderRequest, type Verification, type WebhookSender } from '../webhook-sender';
import { readGenericEvent } from './generic-body';
import { readSignedHeaders, verifyWebhookSignature } from '../../../common';

/** The longest sender event id the intake keeps (`integration_events.webhook_id`). */
const MAX_EVENT_ID_LENGTH = 200;

/**
 * Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with
 * Switchyard's generic body: the default for senders without a scheme of their own.
 */
export class StandardWebhooksSender implements WebhookSender {
  readonly format = 'standard-webhooks';
  readonly genericBody = true;

  recognizes(headers: Record<string, unknown>): boolean {
    return headers['webhook-signature'] !== undefined || headers['webhook-id'] !== undefined;
  }

  verify(request: SenderRequest, secrets: readonly string[]): Verification {
    const signed = readSignedHeaders(request.headers);
    if ('missing' in signed) return { ok: false, reason: `missing ${signed.missing} header` };
    if (signed.id.length > MAX_EVENT_ID_LENGTH) {
      return { ok: false, reason: `webhook-id is longer than ${MAX_EVENT_ID_LENGTH} characters` };
    }
    // A secret that is not `whsec_` + base64 belongs to another scheme: skip it.
    const usable = secrets.filter((secret) => /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret));
    return verifyWebhookSignature(signed, request.rawBody, usable, request.receivedAt);
  }

  parse(body: unknown, request: SenderRequest, sentAt: Date | null): SenderEvent[] {
    return [readGenericEvent(body, header(request.headers, 'webhook-id'), sentAt)];
  }
}
