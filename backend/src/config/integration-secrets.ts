import { INTEGRATIONS, type IntegrationId } from '@switchyard/contracts';
import { z } from 'zod';

export type WebhookSecrets = Partial<Record<IntegrationId, string[]>>;

/**
 * Each sender uses its secret its own way (a `whsec_` key, a verifier token, a header
 * value), so only the shape is checked: 8 to 500 printable characters without `,` or `|`.
 */
const secret = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{8,500}$/, 'each secret must be 8 to 500 printable characters without spaces')
  .refine((value) => !/[,|]/.test(value), 'a secret cannot contain "," or "|"');
const schema = z.partialRecord(z.enum(INTEGRATIONS), z.array(secret).min(1, 'needs at least one secret'));

/**
 * Reads INTEGRATION_WEBHOOK_SECRETS: JSON (`{"procore":["whsec_…","whsec_…"]}`) or
 * `procore=whsec_a|whsec_b,gusto=whsec_c`. Several secrets per integration are all
 * accepted, so a secret can be rotated without refusing webhooks in between.
 * Returns the secrets, or a message naming what is wrong.
 */
export function parseWebhookSecrets(value: string): WebhookSecrets | string {
  const text = value.trim();
  if (text === '') return {};
  let raw: unknown;
  if (text.startsWith('{')) {
    try {
      raw = JSON.parse(text);
    } catch {
      return 'is not valid JSON';
    }
  } else {
    const pairs = text
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean);
    const entries: Array<[string, string[]]> = [];
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq < 1) return `"${pair.slice(0, 20)}…" must look like integration=secret|secret`;
      entries.push([pair.slice(0, eq).trim(), pair.slice(eq + 1).split('|')]);
    }
    raw = Object.fromEntries(entries);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    return `unknown integration ${issue.keys.join(', ')} (known: ${INTEGRATIONS.join(', ')})`;
  }
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}
