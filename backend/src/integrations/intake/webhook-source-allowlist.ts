import { Injectable, Logger } from '@nestjs/common';
import type { IntegrationId } from '@switchyard/contracts';
import { BlockList, isIP } from 'node:net';
import { AuditService } from '../../auth';
import { DomainException } from '../../common';
import { AppConfig } from '../../config';

/**
 * Seed 003: "Endpoints should validate source IP ranges where possible". Each integration
 * may list the ranges its vendor sends from (INTEGRATION_WEBHOOK_ALLOWED_IPS); a webhook from
 * anywhere else is refused with 403 before its body is read or stored, and the refusal is
 * audited. The address is the one Fastify derives: the socket's peer, or the client named in
 * X-Forwarded-For only when TRUST_PROXY says the proxy in front is trusted.
 */
@Injectable()
export class WebhookSourceAllowlist {
  private readonly logger = new Logger(WebhookSourceAllowlist.name);
  private readonly lists = new Map<IntegrationId, { ranges: string[]; blocks: BlockList }>();

  constructor(
    config: AppConfig,
    private readonly audit: AuditService,
  ) {
    for (const [integration, ranges] of Object.entries(config.integrations.webhookAllowedIps)) {
      const blocks = new BlockList();
      for (const range of ranges) {
        const [address, prefix] = range.split('/');
        blocks.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
      }
      this.lists.set(integration as IntegrationId, { ranges, blocks });
    }
  }

  /** The configured ranges of an integration, or null when any address may send. */
  rangesOf(integration: IntegrationId): string[] | null {
    return this.lists.get(integration)?.ranges ?? null;
  }

  allows(integration: IntegrationId, ip: string | undefined): boolean {
    const list = this.lists.get(integration);
    if (!list) return true;
    const address = plainAddress(ip);
    if (!address) return false;
    return list.blocks.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }

  /** Throws the 403 (after auditing it) when the address is outside the integration's ranges. */
  async require(integration: IntegrationId, ip: string | undefined): Promise<void> {
    if (this.allows(integration, ip)) return;
    this.logger.warn({ integration, ip }, 'refused a webhook from outside the integration’s source ranges');
    await this.audit
      .record({
        action: 'integration.webhook_source_refused',
        actor: { kind: 'anonymous', id: null },
        outcome: 'denied',
        resourceType: 'integration',
        resourceId: integration,
        ip: ip ?? null,
        details: { reason: 'source address outside INTEGRATION_WEBHOOK_ALLOWED_IPS' },
      })
      .catch(() => undefined); // AuditService logs its own failure; the refusal stands either way.
    throw new DomainException(
      'FORBIDDEN',
      403,
      `webhooks for ${integration} are accepted only from its configured source addresses`,
    );
  }
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) → `192.0.2.1`; anything not an address → null. */
export function plainAddress(ip: string | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1] : ip;
  return isIP(address) === 0 ? null : address;
}
