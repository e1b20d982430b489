import { Injectable } from '@nestjs/common';
import type { ContactPoint, NotificationDelivery, NotificationMessage, Page, Principal } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService, DataScopeService } from '../auth';
import { Clock, parseOrThrow, ResourceNotFoundException, SecretBox, toPage, type PageWindow } from '../common';
import { contactPointSchema } from './dto/contact-point.schema';
import type { ContactPointEntity } from './entities/contact-point.entity';
import type { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { ContactPointsRepository, DeliveriesRepository } from './notifications.repository';

/** Contact points (secrets sealed, write-only) and the queue of sends, tenant-scoped. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly points: ContactPointsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly scopes: DataScopeService,
    private readonly audit: AuditService,
  ) {}

  /** Creates or replaces; a replacement without a secret keeps the stored one. */
  async put(body: unknown, principal: Principal): Promise<{ point: ContactPoint; created: boolean }> {
    const input = parseOrThrow(contactPointSchema, body);
    const existing = await this.points.find(input.id);
    if (existing && !this.scopes.allowsTenant(principal, existing.tenant)) {
      throw new ResourceNotFoundException('contact point', input.id);
    }
    if (!this.scopes.allowsTenant(principal, input.tenant))
      throw new ResourceNotFoundException('tenant', input.tenant ?? '');
    const now = this.clock.now();
    const entity: ContactPointEntity = {
      id: input.id,
      name: input.name,
      kind: input.kind,
      tenant: input.tenant,
      settings: input.settings,
      sealedSecret: input.secret !== null ? this.box.encrypt(input.secret) : (existing?.sealedSecret ?? null),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.points.save(entity);
    await this.audit.record({
      action: existing ? 'contact_point.update' : 'contact_point.create',
      actor: principal,
      outcome: 'success',
      resourceType: 'contact_point',
      resourceId: entity.id,
      details: { kind: entity.kind },
    });
    return { point: present(entity), created: !existing };
  }

  async get(id: string, principal: Principal): Promise<ContactPoint> {
    return present(await this.require(id, principal));
  }

  async list(principal: Principal, window: PageWindow): Promise<Omit<Page<ContactPoint>, 'generatedAt'>> {
    const [rows, total] = await this.points.list(this.scopes.tenants(principal), window);
    return toPage(window, rows.map(present), total);
  }

  async remove(id: string, principal: Principal): Promise<void> {
    await this.require(id, principal);
    await this.points.delete(id);
  }

  /** Queues a test message to one contact point (202); the worker sends it like any other. */
  async sendTest(id: string, principal: Principal): Promise<NotificationDelivery> {
    const point = await this.require(id, principal);
    return this.enqueue(point, {
      title: `Test notification from Switchyard to ${point.name}`,
      text: `Sent by ${principal.kind} ${principal.id} to check this contact point. No action needed.`,
      severity: 'info',
      groupKey: `test:${point.id}`,
      status: 'test',
      labels: { contactPoint: point.id },
    });
  }

  async listDeliveries(
    contactPointId: string | undefined,
    principal: Principal,
    window: PageWindow,
  ): Promise<Omit<Page<NotificationDelivery>, 'generatedAt'>> {
    const [rows, total] = await this.deliveries.list(contactPointId, this.scopes.tenants(principal), window);
    return toPage(window, rows.map(presentDelivery), total);
  }

  async enqueue(
    point: ContactPointEntity,
    message: NotificationMessage,
    manager?: EntityManager,
  ): Promise<NotificationDelivery> {
    const now = this.clock.now();
    const delivery: NotificationDeliveryEntity = {
      id: randomUUID(),
      contactPointId: point.id,
      tenant: point.tenant,
      status: 'pending',
      message,
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    };
    await this.deliveries.insert(delivery, manager);
    return presentDelivery(delivery);
  }

  /** Outside the caller's tenants reads exactly like a contact point that does not exist. */
  private async require(id: string, principal: Principal): Promise<ContactPointEntity> {
    const point = await this.points.find(id);
    if (!point || !this.scopes.allowsTenant(principal, point.tenant)) {
      throw new ResourceNotFoundException('contact point', id);
    }
    return point;
  }
}

function present(point: ContactPointEntity): ContactPoint {
  return {
    id: point.id,
    name: point.name,
    kind: point.kind,
    tenant: point.tenant,
    settings: point.settings,
    hasSecret: point.sealedSecret !== null,
    createdAt: point.createdAt.toISOString(),
    updatedAt: point.updatedAt.toISOString(),
  };
}

export function presentDelivery(row: NotificationDeliveryEntity): NotificationDelivery {
  return {
    id: row.id,
    contactPointId: row.contactPointId,
    tenant: row.tenant,
    status: row.status,
    title: row.message.title,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
