import { Injectable } from '@nestjs/common';
import type { ClientView, Principal } from '@switchyard/contracts';
import { Clock } from '../../common';
import { AppConfig } from '../../config';
import { DomainEventBus } from '../../events';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients.service';
import { ClientNetworksRepository } from './client-networks.repository';
import { isAllowed, networkOf } from './networks';

/** How long a client's allowlist is trusted from memory (changes made here apply at once). */
const ALLOWLIST_CACHE_MS = 5_000;

/**
 * Per-client IP allowlists (at the token endpoint and on every request with the client's
 * token) and anomaly detection: a client seen from a network it never used, or above the
 * configured rate, raises a security alert and an audit event. The admin can revoke the
 * client from the alert.
 */
@Injectable()
export class ClientAccessService {
  private readonly allowlists = new Map<string, { cidrs: string[] | null; until: number }>();
  private readonly knownNetworks = new Set<string>();
  private readonly rates = new Map<string, { minute: number; count: number; alerted: boolean }>();

  constructor(
    private readonly clients: ClientsService,
    private readonly networks: ClientNetworksRepository,
    private readonly audit: AuditService,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** False (after an audit event) when the address is outside the client's allowlist. */
  async admit(
    clientId: string,
    ip: string | null,
    via: 'token endpoint' | 'request' | 'live connection',
  ): Promise<boolean> {
    const cidrs = await this.allowlistOf(clientId);
    if (cidrs && !isAllowed(ip, cidrs)) {
      await this.audit.record({
        action: 'client.ip_refused',
        actor: { kind: 'anonymous', id: clientId },
        outcome: 'denied',
        ip,
        resourceType: 'client',
        resourceId: clientId,
        details: { via, allowedNetworks: cidrs },
      });
      return false;
    }
    await this.observe(clientId, ip);
    return true;
  }

  async setAllowedNetworks(id: string, body: unknown, actor: Principal): Promise<ClientView> {
    const view = await this.clients.setAllowedNetworks(id, body, actor);
    this.allowlists.delete(id);
    return view;
  }

  private async allowlistOf(clientId: string): Promise<string[] | null> {
    const now = Date.now();
    const cached = this.allowlists.get(clientId);
    if (cached && cached.until > now) return cached.cidrs;
    const cidrs = await this.clients.allowedNetworksOf(clientId);
    if (this.allowlists.size > 10_000) this.allowlists.clear();
    this.allowlists.set(clientId, { cidrs, until: now + ALLOWLIST_CACHE_MS });
    return cidrs;
  }

  private async observe(clientId: string, ip: string | null): Promise<void> {
    await this.countRate(clientId, ip);
    const network = networkOf(ip);
    const key = `${clientId}|${network}`;
    if (this.knownNetworks.has(key)) return;
    const { isNew, firstForClient } = await this.networks.record(clientId, network, this.clock.now());
    if (this.knownNetworks.size > 100_000) this.knownNetworks.clear();
    this.knownNetworks.add(key);
    if (isNew && !firstForClient) {
      await this.anomaly(clientId, ip, 'new network', `client ${clientId} was used from a new network, ${network}`, {
        network,
      });
    }
  }

  private async countRate(clientId: string, ip: string | null): Promise<void> {
    const minute = Math.floor(this.clock.now().getTime() / 60_000);
    let rate = this.rates.get(clientId);
    if (!rate || rate.minute !== minute) {
      rate = { minute, count: 0, alerted: false };
      this.rates.set(clientId, rate);
    }
    rate.count += 1;
    const limit = this.config.identity.clientAnomalyRatePerMinute;
    if (rate.count <= limit || rate.alerted) return;
    rate.alerted = true;
    await this.anomaly(
      clientId,
      ip,
      'unusual rate',
      `client ${clientId} made more than ${limit} requests in a minute`,
      {
        rate: String(rate.count),
      },
    );
  }

  private async anomaly(
    clientId: string,
    ip: string | null,
    reason: 'new network' | 'unusual rate',
    message: string,
    labels: Record<string, string>,
  ): Promise<void> {
    await this.audit.record({
      action: 'client.anomaly',
      actor: { kind: 'anonymous', id: clientId },
      outcome: 'failure',
      ip,
      resourceType: 'client',
      resourceId: clientId,
      details: { reason, ...labels },
    });
    this.bus.publish({
      type: 'security.signal',
      at: this.clock.now().toISOString(),
      key: `client-anomaly:${clientId}:${reason}`,
      severity: 'critical',
      message: `${message}; revoke it from this alert if that was not expected`,
      labels: { clientId, reason, ...labels },
    });
  }
}
