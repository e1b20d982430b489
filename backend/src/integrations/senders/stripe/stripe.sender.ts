import Stripe from 'stripe';
import {
  badShape,
  header,
  isRecord,
  text,
  type SenderEvent,
  type SenderRequest,
  type Verification,
  type WebhookSender,
} from '../webhook-sender';
import { stripeOutcome } from './stripe-outcome';

/** Stripe's own default: a signature older than five minutes is refused (replay protection). */
export const STRIPE_TOLERANCE_SECONDS = 300;

/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` keyed with the
 * endpoint's whole signing secret (`whsec_…`), verified by the official `stripe` package.
 * Every active secret is tried, so a secret can be rolled in the Dashboard without a gap.
 */
export class StripeSender implements WebhookSender {
  readonly format = 'stripe';

  recognizes(headers: Record<string, unknown>): boolean {
    return headers['stripe-signature'] !== undefined;
  }

  verify(request: SenderRequest, secrets: readonly string[]): Verification {
    const signature = header(request.headers, 'stripe-signature');
    if (!signature) return { ok: false, reason: 'missing Stripe-Signature header' };
    const helper = Stripe.webhooks.signature;
    if (!helper) return { ok: false, reason: 'the stripe package has no signature helper' };
    const receivedMs = request.receivedAt.getTime();
    const timestamp = /(?:^|,)t=(\d{1,12})(?:,|$)/.exec(signature)?.[1];
    // The package refuses old timestamps only; one far ahead of our clock is refused too.
    if (timestamp && Number(timestamp) - receivedMs / 1000 > STRIPE_TOLERANCE_SECONDS) {
      return { ok: false, reason: 'timestamp is in the future' };
    }
    for (const secret of secrets) {
      try {
        // receivedAt in milliseconds, as the package expects.
        helper.verifyHeader(request.rawBody, signature, secret, STRIPE_TOLERANCE_SECONDS, undefined, receivedMs);
        return { ok: true, sentAt: timestamp ? new Date(Number(timestamp) * 1000) : null };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // A stale timestamp is the same for every secret; say so rather than "no match".
        if (/tolerance/i.test(message)) return { ok: false, reason: 'timestamp outside the 300 s tolerance' };
        if (/extract timestamp|expected scheme/i.test(message))
          return { ok: false, reason: 'malformed Stripe-Signature' };
      }
    }
    return { ok: false, reason: 'no matching signature' };
  }

  parse(body: unknown): SenderEvent[] {
    if (!isRecord(body) || body.object !== 'event') throw badShape('Stripe', 'expected an object "event"');
    const id = text(body.id);
    const type = text(body.type);
    const data = isRecord(body.data) ? body.data : null;
    const object = data && isRecord(data.object) ? data.object : null;
    if (!id || !type || !object) throw badShape('Stripe', 'id, type and data.object are required');
    const created = typeof body.created === 'number' ? new Date(body.created * 1000) : null;
    const outcome = stripeOutcome(type, object);
    const objectId = text(object.id);
    const objectType = text(object.object);
    return [
      {
        senderEventId: id,
        eventType: type,
        status: outcome.error ? 'failure' : 'success',
        occurredAt: created,
        error: outcome.error,
        entity: objectId && objectType ? { type: objectType, id: objectId } : null,
        facts: {
          ...outcome.facts,
          livemode: body.livemode === true,
          ...(text(body.account) ? { account: text(body.account) } : {}),
        },
        native: body,
      },
    ];
  }
}
