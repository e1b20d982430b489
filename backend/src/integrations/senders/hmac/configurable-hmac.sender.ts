import type { HmacScheme } from '../../../config';
import { createHmac } from 'node:crypto';
import { readGenericEvent } from '../standard/generic-body';
import {
  badShape,
  header,
  isRecord,
  sameSecret,
  text,
  type SenderEvent,
  type SenderRequest,
  type Verification,
  type WebhookSender,
} from '../webhook-sender';

/**
 * A signing scheme described in configuration, for senders (LCPtracker and others) that
 * sign with an HMAC but publish no scheme of their own: which header, which algorithm and
 * encoding, whether a timestamp is signed with the body and how old it may be. The body
 * is Switchyard's generic event; the event id comes from a header or the body's `id`.
 */
export class ConfigurableHmacSender implements WebhookSender {
  readonly format = 'hmac';
  readonly genericBody = true;

  constructor(private readonly scheme: HmacScheme) {}

  recognizes(headers: Record<string, unknown>): boolean {
    return headers[this.scheme.header] !== undefined;
  }

  verify(request: SenderRequest, secrets: readonly string[]): Verification {
    const offered = header(request.headers, this.scheme.header);
    if (!offered) return { ok: false, reason: `missing ${this.scheme.header} header` };
    let signedText = '';
    let sentAt: Date | null = null;
    if (this.scheme.signed === 'timestamp.body') {
      const stamp = header(request.headers, this.scheme.timestampHeader ?? '');
      if (!/^\d{1,12}$/.test(stamp)) return { ok: false, reason: `${this.scheme.timestampHeader} is not Unix seconds` };
      const skew = Math.abs(request.receivedAt.getTime() / 1000 - Number(stamp));
      if (skew > this.scheme.toleranceSeconds) {
        return { ok: false, reason: `timestamp outside the ${this.scheme.toleranceSeconds} s tolerance` };
      }
      signedText = `${stamp}.`;
      sentAt = new Date(Number(stamp) * 1000);
    }
    for (const secret of secrets) {
      const digest = createHmac(this.scheme.algorithm, secret)
        .update(signedText)
        .update(request.rawBody)
        .digest(this.scheme.encoding);
      if (sameSecret(offered, `${this.scheme.prefix}${digest}`)) return { ok: true, sentAt };
    }
    return { ok: false, reason: 'no matching signature' };
  }

  parse(body: unknown, request: SenderRequest, sentAt: Date | null): SenderEvent[] {
    const id = this.scheme.idHeader
      ? header(request.headers, this.scheme.idHeader)
      : isRecord(body)
        ? text(body.id)
        : null;
    if (!id || id.length > 200) throw badShape('signed', 'an event id (1 to 200 characters) is required');
    const withoutId = isRecord(body) && !this.scheme.idHeader ? { ...body, id: undefined } : body;
    return [{ ...readGenericEvent(withoutId, id, sentAt), native: body }];
  }
}
