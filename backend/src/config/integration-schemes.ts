import { INTEGRATIONS, type IntegrationId } from '@switchyard/contracts';
import { z } from 'zod';

const headerName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{1,100}$/, 'must be an HTTP header name');

/** A signing scheme described as data, for senders that publish none of their own. */
export const hmacSchemeSchema = z
  .object({
    header: headerName,
    algorithm: z.enum(['sha256', 'sha512']).default('sha256'),
    encoding: z.enum(['hex', 'base64']).default('hex'),
    /** Text before the digest in the header, e.g. `sha256=`. */
    prefix: z.string().max(20).default(''),
    /** What is signed: the raw body, or `<timestamp header value>.<raw body>`. */
    signed: z.enum(['body', 'timestamp.body']).default('body'),
    timestampHeader: headerName.optional(),
    toleranceSeconds: z.number().int().min(1).max(86_400).default(300),
    /** Header carrying the sender's event id; without it the body's `id` is used. */
    idHeader: headerName.optional(),
  })
  .strict()
  .refine((s) => s.signed === 'body' || s.timestampHeader !== undefined, {
    message: 'signed "timestamp.body" needs timestampHeader',
  });
export type HmacScheme = z.infer<typeof hmacSchemeSchema>;

const schemeSchema = z
  .object({
    /** `native`: the sender's own scheme (Standard Webhooks for senders without one). */
    scheme: z.enum(['native', 'standard-webhooks', 'hmac']).default('native'),
    /** Also accept Standard Webhooks requests (Switchyard's generic body), as before native receivers. */
    standardWebhooks: z.boolean().default(true),
    hmac: hmacSchemeSchema.optional(),
  })
  .strict()
  .refine((s) => s.scheme !== 'hmac' || s.hmac !== undefined, { message: 'scheme "hmac" needs an hmac object' });
export type WebhookScheme = z.infer<typeof schemeSchema>;
export type WebhookSchemes = Partial<Record<IntegrationId, WebhookScheme>>;

const schemesSchema = z.partialRecord(z.enum(INTEGRATIONS), schemeSchema);

/**
 * Reads INTEGRATION_WEBHOOK_SCHEMES (JSON, per integration): which signing scheme its
 * webhooks use. Unlisted integrations use their sender's native scheme and also accept
 * Standard Webhooks. Returns the schemes, or a message naming what is wrong.
 */
export function parseWebhookSchemes(value: string): WebhookSchemes | string {
  const text = value.trim();
  if (text === '') return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'is not valid JSON';
  }
  const parsed = schemesSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.join(', ')}`;
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}
