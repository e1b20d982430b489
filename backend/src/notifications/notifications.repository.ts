import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { PageWindow } from '../common';
import { returnedRows } from '../database/query-result';
import { ContactPointEntity } from './entities/contact-point.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';

/** Tenants the caller may see (untenanted rows always); null for all. */
export type TenantFilter = string[] | null;

@Injectable()
export class ContactPointsRepository {
  constructor(@InjectRepository(ContactPointEntity) private readonly rows: Repository<ContactPointEntity>) {}

  find(id: string): Promise<ContactPointEntity | null> {
    return this.rows.findOneBy({ id });
  }

  findMany(ids: string[]): Promise<ContactPointEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.rows.findBy({ id: In(ids) });
  }

  list(tenants: TenantFilter, window: PageWindow): Promise<[ContactPointEntity[], number]> {
    const query = this.rows.createQueryBuilder('c');
    if (tenants) query.where('(c.tenant_id IS NULL OR c.tenant_id IN (:...tenants))', { tenants: [...tenants, ''] });
    return query.orderBy('c.id', 'ASC').skip(window.offset).take(window.pageSize).getManyAndCount();
  }

  async save(point: ContactPointEntity): Promise<void> {
    await this.rows.save(point);
  }

  async delete(id: string): Promise<void> {
    await this.rows.delete({ id });
  }
}

@Injectable()
export class DeliveriesRepository {
  constructor(
    @InjectRepository(NotificationDeliveryEntity) private readonly rows: Repository<NotificationDeliveryEntity>,
  ) {}

  async insert(delivery: NotificationDeliveryEntity, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(NotificationDeliveryEntity) : this.rows).insert(delivery);
  }

  find(id: string): Promise<NotificationDeliveryEntity | null> {
    return this.rows.findOneBy({ id });
  }

  list(contactPointId: string | undefined, tenants: TenantFilter, window: PageWindow) {
    const query = this.rows.createQueryBuilder('d');
    if (contactPointId) query.andWhere('d.contact_point_id = :contactPointId', { contactPointId });
    if (tenants) query.andWhere('(d.tenant_id IS NULL OR d.tenant_id IN (:...tenants))', { tenants: [...tenants, ''] });
    return query
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id')
      .skip(window.offset)
      .take(window.pageSize)
      .getManyAndCount();
  }

  /**
   * Claims due sends for this instance. SKIP LOCKED lets replicas claim side by side; the
   * lease keeps a claimed send from going out twice unless its holder died mid-send.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<NotificationDeliveryEntity[]> {
    const rows = returnedRows<{ id: string }>(
      await this.rows.query(
        `UPDATE notification_deliveries d SET lease_until = $2
         FROM (
           SELECT id FROM notification_deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
           ORDER BY next_attempt_at LIMIT $3
           FOR UPDATE SKIP LOCKED
         ) due
         WHERE d.id = due.id
         RETURNING d.id`,
        [now, leaseUntil, limit],
      ),
    );
    return rows.length === 0 ? [] : this.rows.findBy({ id: In(rows.map((r) => r.id)) });
  }

  async update(id: string, changes: Partial<NotificationDeliveryEntity>): Promise<void> {
    await this.rows.update({ id }, changes);
  }
}
