import { Injectable } from '@nestjs/common';
import type { NotificationPolicy, Page, Principal } from '@switchyard/contracts';
import { DataScopeService } from '../auth';
import { Clock, parseOrThrow, ResourceNotFoundException, ValidationFailedException, toPage } from '../common';
import type { PageWindow } from '../common';
import { notificationPolicySchema } from './dto/notification-policy.schema';
import type { NotificationPolicyEntity } from './entities/notification-policy.entity';
import { NotificationPoliciesRepository } from './notification-policies.repository';
import { ContactPointsRepository } from './notifications.repository';

/** Notification policies, tenant-scoped like their contact points. */
@Injectable()
export class NotificationPoliciesService {
  constructor(
    private readonly policies: NotificationPoliciesRepository,
    private readonly points: ContactPointsRepository,
    private readonly scopes: DataScopeService,
    private readonly clock: Clock,
  ) {}

  async put(body: unknown, principal: Principal): Promise<{ policy: NotificationPolicy; created: boolean }> {
    const input = parseOrThrow(notificationPolicySchema, body);
    const existing = await this.policies.find(input.id);
    if (existing && !this.scopes.allowsTenant(principal, existing.tenant)) {
      throw new ResourceNotFoundException('notification policy', input.id);
    }
    if (!this.scopes.allowsTenant(principal, input.tenant))
      throw new ResourceNotFoundException('tenant', input.tenant ?? '');
    await this.checkContactPoints(input.contactPointIds, input.tenant);
    const now = this.clock.now();
    const entity: NotificationPolicyEntity = { ...input, createdAt: existing?.createdAt ?? now, updatedAt: now };
    await this.policies.save(entity);
    return { policy: present(entity), created: !existing };
  }

  async list(principal: Principal, window: PageWindow): Promise<Omit<Page<NotificationPolicy>, 'generatedAt'>> {
    const [rows, total] = await this.policies.list(this.scopes.tenants(principal), window);
    return toPage(window, rows.map(present), total);
  }

  async get(id: string, principal: Principal): Promise<NotificationPolicy> {
    return present(await this.require(id, principal));
  }

  async remove(id: string, principal: Principal): Promise<void> {
    await this.require(id, principal);
    await this.policies.delete(id);
  }

  /** A tenant's policy may only send to that tenant's contact points or to shared ones. */
  private async checkContactPoints(ids: string[], tenant: string | null): Promise<void> {
    const found = new Map((await this.points.findMany(ids)).map((p) => [p.id, p]));
    const problems = ids.flatMap((id, i) => {
      const point = found.get(id);
      if (!point) return [{ field: `contactPointIds.${i}`, message: `contact point ${id} does not exist` }];
      if (point.tenant !== null && point.tenant !== tenant) {
        return [{ field: `contactPointIds.${i}`, message: `contact point ${id} belongs to another tenant` }];
      }
      return [];
    });
    if (problems.length > 0) throw new ValidationFailedException(problems);
  }

  private async require(id: string, principal: Principal): Promise<NotificationPolicyEntity> {
    const policy = await this.policies.find(id);
    if (!policy || !this.scopes.allowsTenant(principal, policy.tenant)) {
      throw new ResourceNotFoundException('notification policy', id);
    }
    return policy;
  }
}

function present(row: NotificationPolicyEntity): NotificationPolicy {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
