import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { PageWindow } from '../common';
import { NotificationGroupEntity, type GroupedAlert } from './entities/notification-group.entity';
import { NotificationPolicyEntity } from './entities/notification-policy.entity';
import type { TenantFilter } from './notifications.repository';

@Injectable()
export class NotificationPoliciesRepository {
  constructor(
    @InjectRepository(NotificationPolicyEntity) private readonly rows: Repository<NotificationPolicyEntity>,
    @InjectRepository(NotificationGroupEntity) private readonly groups: Repository<NotificationGroupEntity>,
  ) {}

  find(id: string): Promise<NotificationPolicyEntity | null> {
    return this.rows.findOneBy({ id });
  }

  findEnabled(): Promise<NotificationPolicyEntity[]> {
    return this.rows.findBy({ enabled: true });
  }

  list(tenants: TenantFilter, window: PageWindow): Promise<[NotificationPolicyEntity[], number]> {
    const query = this.rows.createQueryBuilder('p');
    if (tenants) query.where('(p.tenant_id IS NULL OR p.tenant_id IN (:...tenants))', { tenants: [...tenants, ''] });
    return query.orderBy('p.id', 'ASC').skip(window.offset).take(window.pageSize).getManyAndCount();
  }

  async save(policy: NotificationPolicyEntity): Promise<void> {
    await this.rows.save(policy);
  }

  async delete(id: string): Promise<void> {
    await this.rows.manager.transaction(async (manager) => {
      await manager.delete(NotificationGroupEntity, { policyId: id });
      await manager.delete(NotificationPolicyEntity, { id });
    });
  }

  /**
   * Records what an alert is now in its group. `flushAt` (a change worth sending) brings the
   * group's next send forward to it at the latest; null leaves the schedule alone.
   */
  async recordAlert(
    policyId: string,
    groupKey: string,
    alertId: string,
    alert: GroupedAlert,
    flushAt: Date | null,
  ): Promise<void> {
    await this.groups.query(
      `INSERT INTO notification_groups (policy_id, group_key, alerts, flush_at)
       VALUES ($1, $2, jsonb_build_object($3::text, $4::jsonb), $5)
       ON CONFLICT (policy_id, group_key) DO UPDATE SET
         alerts = notification_groups.alerts || jsonb_build_object($3::text, $4::jsonb),
         flush_at = CASE WHEN $5::timestamptz IS NULL THEN notification_groups.flush_at
                         ELSE LEAST(COALESCE(notification_groups.flush_at, $5::timestamptz), $5::timestamptz) END`,
      [policyId, groupKey, alertId, JSON.stringify(alert), flushAt],
    );
  }

  /**
   * Hands each due group to `flush` inside one transaction, locked so replicas never send a
   * group twice; `flush` answers the group's next state, or null to forget it.
   */
  async flushDue(
    now: Date,
    limit: number,
    flush: (group: NotificationGroupEntity, manager: EntityManager) => Promise<NotificationGroupEntity | null>,
  ): Promise<number> {
    return this.groups.manager.transaction(async (manager) => {
      const due = await manager
        .getRepository(NotificationGroupEntity)
        .createQueryBuilder('g')
        .where('g.flush_at <= :now', { now })
        .orderBy('g.flush_at', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const group of due) {
        const next = await flush(group, manager);
        const key = { policyId: group.policyId, groupKey: group.groupKey };
        if (next) await manager.update(NotificationGroupEntity, key, next);
        else await manager.delete(NotificationGroupEntity, key);
      }
      return due.length;
    });
  }
}
