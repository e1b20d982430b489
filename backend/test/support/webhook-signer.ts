import { createHmac } from 'node:crypto';

/**
 * The tests' own Standard Webhooks signer (not the library the app uses): HMAC-SHA256
 * over `id.timestamp.body` with the base64 key after `whsec_`.
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export interface SignedPost {
  id: string;
  body: unknown;
  secret: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
  /** Headers to leave out (to test their absence). */
  omit?: string[];
  /** Extra headers, e.g. X-Forwarded-For. */
  headers?: Record<string, string>;
}

/** POSTs a signed webhook and returns the status and parsed JSON answer. */
export async function postSignedWebhook(
  url: string,
  request: SignedPost,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = JSON.stringify(request.body);
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': request.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(request.secret, request.id, timestamp, payload),
    ...request.headers,
  };
  for (const name of request.omit ?? []) delete headers[name];
  const response = await fetch(url, { method: 'POST', headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
