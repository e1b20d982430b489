import type { AuditService } from '../../auth';
import { loadConfig } from '../../config';
import { plainAddress, WebhookSourceAllowlist } from './webhook-source-allowlist';

describe('webhook source allowlists', () => {
  const audited: unknown[] = [];
  const audit = { record: (entry: unknown) => Promise.resolve(void audited.push(entry)) } as unknown as AuditService;
  const allowlist = new WebhookSourceAllowlist(
    loadConfig({ INTEGRATION_WEBHOOK_ALLOWED_IPS: 'stripe_issuing=3.18.12.63/32|10.0.0.0/8,procore=2600:1f18::/36' }),
    audit,
  );

  it('accepts addresses inside an integration’s CIDR ranges, IPv4 and IPv6', () => {
    expect(allowlist.allows('stripe_issuing', '3.18.12.63')).toBe(true);
    expect(allowlist.allows('stripe_issuing', '10.200.1.1')).toBe(true);
    expect(allowlist.allows('procore', '2600:1f18:0bcd::1')).toBe(true);
  });

  it('refuses addresses outside them, missing addresses and the other family', () => {
    expect(allowlist.allows('stripe_issuing', '3.18.12.64')).toBe(false);
    expect(allowlist.allows('stripe_issuing', undefined)).toBe(false);
    expect(allowlist.allows('procore', '2600:1f19::1')).toBe(false);
    expect(allowlist.allows('procore', '10.0.0.1')).toBe(false);
  });

  it('reads an IPv4 client on a dual-stack socket as its IPv4 address', () => {
    expect(plainAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(allowlist.allows('stripe_issuing', '::ffff:10.1.2.3')).toBe(true);
    expect(plainAddress('not-an-address')).toBeNull();
  });

  it('lets any address reach an integration without ranges', () => {
    expect(allowlist.rangesOf('gusto')).toBeNull();
    expect(allowlist.allows('gusto', '198.51.100.7')).toBe(true);
  });

  it('audits a refusal and answers 403 FORBIDDEN', async () => {
    await expect(allowlist.require('stripe_issuing', '198.51.100.7')).rejects.toMatchObject({ status: 403 });
    expect(audited).toEqual([
      expect.objectContaining({ action: 'integration.webhook_source_refused', outcome: 'denied', ip: '198.51.100.7' }),
    ]);
  });
});
