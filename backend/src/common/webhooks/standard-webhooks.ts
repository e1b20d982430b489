import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Standard Webhooks tolerance: a message more than 5 minutes off our clock is refused. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export interface SignedHeaders {
  id: string;
  timestamp: string;
  signature: string;
}

export type SignatureCheck = { ok: true; sentAt: Date } | { ok: false; reason: string };

/** Reads the three Standard Webhooks headers; null names the first one missing. */
export function readSignedHeaders(
  headers: Record<string, string | string[] | undefined>,
): SignedHeaders | { missing: string } {
  const read = (name: string): string => {
    const value = headers[name];
    return (Array.isArray(value) ? value[0] : value) ?? '';
  };
  const id = read('webhook-id');
  const timestamp = read('webhook-timestamp');
  const signature = read('webhook-signature');
  if (!id) return { missing: 'webhook-id' };
  if (!timestamp) return { missing: 'webhook-timestamp' };
  if (!signature) return { missing: 'webhook-signature' };
  return { id, timestamp, signature };
}

/**
 * The one Standard Webhooks verifier, for source webhooks and integration senders alike:
 * HMAC-SHA256 over `id.timestamp.body` against every active secret (so a secret can be
 * rotated without downtime). The HMAC comes from the `standardwebhooks` library; the clock
 * is the app's (`now`), so tests and skewed hosts judge timestamps the same way, and the
 * comparison is constant-time. How long a `webhook-id` may be is the caller's storage rule.
 */
export function verifyWebhookSignature(
  signed: SignedHeaders,
  body: Buffer,
  secrets: readonly string[],
  now: Date,
): SignatureCheck {
  if (!/^\d{1,12}$/.test(signed.timestamp)) return { ok: false, reason: 'webhook-timestamp is not Unix seconds' };
  const seconds = Number(signed.timestamp);
  const skew = Math.floor(now.getTime() / 1000) - seconds;
  if (skew > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: 'message timestamp too old' };
  if (-skew > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: 'message timestamp is in the future' };
  const sentAt = new Date(seconds * 1000);
  const offered = signed.signature
    .split(' ')
    .map((part) => part.split(','))
    .filter(([version, value]) => version === 'v1' && value)
    .map(([, value]) => Buffer.from(value, 'utf8'));
  for (const secret of secrets) {
    const expected = Buffer.from(new Webhook(secret).sign(signed.id, sentAt, body).slice(3), 'utf8');
    if (offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected))) {
      return { ok: true, sentAt };
    }
  }
  return { ok: false, reason: 'no matching signature' };
}
