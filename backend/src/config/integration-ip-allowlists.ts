import { INTEGRATIONS, isIntegrationId, type IntegrationId } from '@switchyard/contracts';
import { isIP } from 'node:net';

export type WebhookIpAllowlists = Partial<Record<IntegrationId, string[]>>;

/**
 * Reads INTEGRATION_WEBHOOK_ALLOWED_IPS: per integration, the address ranges (CIDR, IPv4 or
 * IPv6; a bare address is one host) its webhooks may come from — JSON
 * (`{"stripe_issuing":["3.18.12.63/32"]}`) or `stripe_issuing=3.18.12.63/32|3.130.192.231/32,procore=…`.
 * An integration not listed takes webhooks from anywhere (its signature still decides).
 * Returns the lists with every range in `address/prefix` form, or a message naming what is wrong.
 */
export function parseWebhookIpAllowlists(value: string): WebhookIpAllowlists | string {
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
    const entries: Array<[string, string[]]> = [];
    for (const pair of text
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq < 1) return `"${pair.slice(0, 40)}" must look like integration=cidr|cidr`;
      entries.push([pair.slice(0, eq).trim(), pair.slice(eq + 1).split('|')]);
    }
    raw = Object.fromEntries(entries);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'must map integrations to lists of ranges';
  const result: WebhookIpAllowlists = {};
  for (const [integration, ranges] of Object.entries(raw)) {
    if (!isIntegrationId(integration)) return `unknown integration ${integration} (known: ${INTEGRATIONS.join(', ')})`;
    if (!Array.isArray(ranges) || ranges.length === 0) return `${integration}: needs at least one range`;
    const normalized: string[] = [];
    for (const range of ranges) {
      const cidr = normalizeCidr(range);
      if (!cidr) return `${integration}: ${JSON.stringify(range)} is not an IPv4 or IPv6 address or CIDR range`;
      normalized.push(cidr);
    }
    result[integration] = normalized;
  }
  return result;
}

/** `10.0.0.0/8` stays, `10.1.2.3` becomes `10.1.2.3/32`; anything else is null. */
export function normalizeCidr(range: unknown): string | null {
  if (typeof range !== 'string') return null;
  const [address, prefix, extra] = range.trim().split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (prefix === undefined) return `${address}/${max}`;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return null;
  return `${address}/${Number(prefix)}`;
}
