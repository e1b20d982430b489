import { createHmac } from 'node:crypto';
import {
  badShape,
  dateFrom,
  header,
  isRecord,
  sameSecret,
  text,
  type SenderEvent,
  type SenderHandshake,
  type SenderRequest,
  type Verification,
  type WebhookSender,
} from '../webhook-sender';

/**
 * Gusto events that report something going wrong. Gusto's payloads are thin (ids and a
 * type, no error text), so the message says what the event type means; the details are
 * in Gusto's API (payroll blockers, the notification) for whoever follows up.
 */
const FAILURE_EVENTS: Record<string, string> = {
  'payroll.processing_failed': 'Payroll failed to process: the async calculation or submission was rejected',
  'payroll.reversed': 'Payroll debits were fully reversed and the payroll will be cancelled',
  'payroll.partially_reversed': 'Payroll debits were partially reversed',
  'contractor_payment.reversed': 'A contractor payment debit was reversed',
  'notification.bank_error.created': 'Gusto could not debit funds because of a bank error',
  'notification.recovery_case.created':
    'A recovery case was opened after a failed debit; payroll is blocked until it is resolved',
  'notification.invalid_signatory.created':
    "The company signatory's details do not match the Social Security records; payroll is blocked",
  'notification.information_request.created': 'Gusto needs more information from the company before payroll can run',
};

/**
 * Gusto: `X-Gusto-Signature` is the hex HMAC-SHA256 of the raw body keyed with the
 * subscription's verification token. A new subscription's first POST carries that token
 * (`verification_token`, unsigned, since we do not know it yet): it is accepted and
 * logged so an admin can verify the subscription and configure the token as the secret.
 */
export class GustoSender implements WebhookSender {
  readonly format = 'gusto';

  recognizes(headers: Record<string, unknown>): boolean {
    return headers['x-gusto-signature'] !== undefined;
  }

  handshake(body: unknown): SenderHandshake | null {
    if (!isRecord(body) || typeof body.verification_token !== 'string') return null;
    const keys = Object.keys(body);
    if (keys.some((key) => key !== 'verification_token' && key !== 'webhook_subscription_uuid')) return null;
    if (!/^[A-Za-z0-9_-]{8,200}$/.test(body.verification_token)) return null;
    return { token: body.verification_token, subscription: text(body.webhook_subscription_uuid) };
  }

  verify(request: SenderRequest, secrets: readonly string[]): Verification {
    const signature = header(request.headers, 'x-gusto-signature');
    if (!signature) return { ok: false, reason: 'missing X-Gusto-Signature header' };
    for (const token of secrets) {
      const expected = createHmac('sha256', token).update(request.rawBody).digest('hex');
      if (sameSecret(signature.toLowerCase(), expected)) return { ok: true, sentAt: null };
    }
    return { ok: false, reason: 'no matching signature' };
  }

  parse(body: unknown): SenderEvent[] {
    if (!isRecord(body)) throw badShape('Gusto', 'expected an event object');
    const id = text(body.uuid);
    const type = text(body.event_type);
    if (!id || !type) throw badShape('Gusto', 'uuid and event_type are required');
    const failure = FAILURE_EVENTS[type];
    const entityType = text(body.entity_type);
    const entityId = text(body.entity_uuid);
    return [
      {
        senderEventId: id,
        eventType: type,
        status: failure ? 'failure' : 'success',
        occurredAt: dateFrom(body.timestamp),
        error: failure ? { code: `gusto_event/${type}`, message: failure, httpStatus: null } : null,
        entity: entityType && entityId ? { type: entityType, id: entityId } : null,
        facts: { companyUuid: text(body.resource_uuid), resourceType: text(body.resource_type) },
        native: body,
      },
    ];
  }
}
