import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common';
import { AppConfig } from '../../config';
import { DomainEventBus } from '../../events';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients.service';

const CHECK_EVERY_MS = 60 * 60_000;

/** Raises a warning alert (and an audit event) once per secret, CLIENT_SECRET_WARNING_DAYS before it expires. */
@Injectable()
export class ClientSecretsMonitor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ClientSecretsMonitor.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clients: ClientsService,
    private readonly audit: AuditService,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.environment === 'test') return;
    this.timer = setInterval(
      () => void this.check().catch((err: unknown) => this.logger.warn({ err }, 'check failed')),
      CHECK_EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Warns about every secret entering the warning window; answers the client ids warned. */
  async check(): Promise<string[]> {
    const warned: string[] = [];
    for (const { client, expiresAt } of await this.clients.dueForExpiryWarning()) {
      // Claimed in the database: another replica checking at the same moment warns no second time.
      if (!(await this.clients.markExpiryWarned(client.id))) continue;
      const days = Math.max(0, Math.ceil((expiresAt.getTime() - this.clock.now().getTime()) / 86_400_000));
      await this.audit.record({
        action: 'client.secret_expiring',
        actor: { kind: 'system', id: null },
        outcome: 'success',
        resourceType: 'client',
        resourceId: client.id,
        details: { expiresAt: expiresAt.toISOString() },
      });
      this.bus.publish({
        type: 'security.signal',
        at: this.clock.now().toISOString(),
        key: `client-secret-expiry:${client.id}`,
        severity: 'warning',
        message: `the secret of client ${client.id} expires in ${days} days (${expiresAt.toISOString().slice(0, 10)}); rotate it`,
        labels: { clientId: client.id, reason: 'secret expiring' },
      });
      warned.push(client.id);
    }
    return warned;
  }
}
