import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { alertVisibleTo, type AlertView, type DomainEvent, type Principal } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import type { Subscription } from 'rxjs';
import { ClientsService } from '../../auth';
import { Clock, DomainException, ResourceNotFoundException } from '../../common';
import { DomainEventBus } from '../../events';
import { AlertEntity } from '../entities/alert.entity';
import { toAlertView } from './alert-views';
import { AlertsRepository } from './alerts.repository';

type SecuritySignal = Extract<DomainEvent, { type: 'security.signal' }>;

/**
 * Turns security signals (client secrets about to expire, client anomalies) into alerts of
 * the security module: firing at once, one open alert per signal key, notified through the
 * notification policies like every alert. An admin can revoke the client named by the alert.
 */
@Injectable()
export class SecurityAlertsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SecurityAlertsService.name);
  private subscription: Subscription | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly clients: ClientsService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.ofType('security.signal').subscribe((signal) => {
      this.chain = this.chain
        .then(() => this.raise(signal))
        .catch((err: unknown) => this.logger.error({ err, key: signal.key }, 'could not raise a security alert'));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Revokes the client the alert is about and resolves the alert. */
  async revokeClient(id: string, principal: Principal): Promise<{ alert: AlertView; clientId: string }> {
    const alert = await this.alerts.findAlert(id);
    if (!alert || !alertVisibleTo(principal, toAlertView(alert))) throw new ResourceNotFoundException('alert', id);
    const clientId = alert.labels.clientId;
    if (alert.kind !== 'security' || !clientId) {
      throw new DomainException('CONFLICT', 409, `alert ${id} is not about a client`);
    }
    await this.clients.revokeAny(clientId, principal, `revoked from alert ${id}`);
    const now = this.clock.now();
    const previous = toAlertView(alert).state;
    if (alert.open) {
      Object.assign(alert, {
        open: false,
        state: 'resolved',
        stateSince: now,
        resolvedAt: now,
        lastEvaluatedAt: now,
        acknowledgedBy: principal.email ?? principal.id,
        acknowledgedAt: now,
        ackComment: `client ${clientId} revoked`,
      });
      await this.alerts.saveAlert(alert);
    }
    const view = toAlertView(alert);
    this.bus.publish({ type: 'alert.changed', at: now.toISOString(), alert: view, previous, notify: false });
    return { alert: view, clientId };
  }

  private async raise(signal: SecuritySignal): Promise<void> {
    const now = this.clock.now();
    const alert = Object.assign(new AlertEntity(), {
      id: randomUUID(),
      kind: 'security',
      fingerprint: `security:${signal.key}`.slice(0, 300),
      ruleId: null,
      metric: null,
      sourceId: null,
      tenant: null,
      labels: signal.labels,
      seriesLabels: null,
      module: 'security',
      open: true,
      state: 'firing',
      severity: signal.severity,
      value: null,
      threshold: null,
      message: signal.message,
      stateSince: now,
      startedAt: now,
      firedAt: now,
      resolvedAt: null,
      lastEvaluatedAt: now,
      acknowledgedBy: null,
      acknowledgedAt: null,
      ackComment: null,
      silencedBy: null,
      notifiedAt: now,
    } satisfies AlertEntity);
    // The open-fingerprint index keeps one open alert per key: a repeat is skipped.
    const skipped = await this.alerts.writeChanges([alert], []);
    if (skipped.has(alert.id)) return;
    this.bus.publish({
      type: 'alert.changed',
      at: now.toISOString(),
      alert: toAlertView(alert),
      previous: null,
      notify: true,
    });
  }
}
