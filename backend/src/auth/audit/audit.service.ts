import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, Principal } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Clock, currentTraceId, toPage, type PageWindow } from '../../common';
import { AuditEventEntity } from '../entities/audit-event.entity';
import { ServiceClientEntity } from '../entities/service-client.entity';
import { UserEntity } from '../entities/user.entity';
import { SecurityCounters } from '../security-counters';

export interface AuditEntry {
  action: string;
  actor: Principal | { kind: 'anonymous' | 'system'; id: string | null };
  outcome: AuditEventEntity['outcome'];
  resourceType?: string;
  resourceId?: string;
  ip?: string | null;
  details?: AuditEventEntity['details'];
}

export interface AuditEvent {
  id: string;
  at: string;
  actorKind: AuditEventEntity['actorKind'];
  actorId: string | null;
  /** The user's display name or the service client's name, when the actor is one we know. */
  actorName: string | null;
  /** The user's email, when the actor is (or signed in as) a known user. */
  actorEmail: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: AuditEventEntity['outcome'];
  ip: string | null;
  traceId: string | null;
  details: AuditEventEntity['details'];
}

export interface AuditFilters {
  action?: string;
  actorId?: string;
  outcome?: AuditEventEntity['outcome'];
  since?: Date;
}

/** The audit log: logins, tokens, administrative actions and sensitive reads. Never holds secrets. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    @InjectRepository(AuditEventEntity) private readonly rows: Repository<AuditEventEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ServiceClientEntity) private readonly clients: Repository<ServiceClientEntity>,
    private readonly clock: Clock,
    private readonly counters: SecurityCounters,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    const actorId = entry.actor.id;
    const row: AuditEventEntity = {
      id: randomUUID(),
      at: this.clock.now(),
      actorKind: entry.actor.kind,
      actorId,
      action: entry.action,
      resourceType: entry.resourceType ?? null,
      resourceId: entry.resourceId ?? null,
      outcome: entry.outcome,
      ip: entry.ip ?? null,
      traceId: currentTraceId() ?? null,
      details: entry.details ?? {},
    };
    try {
      await this.rows.insert(row);
      this.counters.noteAudit(entry);
    } catch (error) {
      // An audit row that cannot be written is itself worth an alarm in the log.
      this.logger.error({ err: error, action: entry.action }, 'could not write an audit event');
      throw error;
    }
  }

  /** Audit events recorded since `since` (the security module's events today). */
  countSince(since: Date): Promise<number> {
    return this.rows.createQueryBuilder('a').where('a.at >= :since', { since }).getCount();
  }

  async list(filters: AuditFilters, window: PageWindow): Promise<Omit<Page<AuditEvent>, 'generatedAt'>> {
    const query = this.rows.createQueryBuilder('a');
    if (filters.action) query.andWhere('a.action = :action', { action: filters.action });
    if (filters.actorId)
      // An id, or the email of a user: their events are stored under the user id (or the typed email).
      query.andWhere(
        '(lower(a.actor_id) = lower(:actorId) OR a.actor_id IN (SELECT u.id::text FROM users u WHERE lower(u.email) = lower(:actorId)))',
        { actorId: filters.actorId },
      );
    if (filters.outcome) query.andWhere('a.outcome = :outcome', { outcome: filters.outcome });
    if (filters.since) query.andWhere('a.at >= :since', { since: filters.since });
    const [rows, total] = await query
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip(window.offset)
      .take(window.pageSize)
      .getManyAndCount();
    const actors = await this.actorsOf(rows);
    return toPage(
      window,
      rows.map((r) => {
        const actor = r.actorId ? actors.get(r.actorId.toLowerCase()) : undefined;
        return { ...r, at: r.at.toISOString(), actorName: actor?.name ?? null, actorEmail: actor?.email ?? null };
      }),
      total,
    );
  }

  /**
   * Names and emails of the actors on one page, by lower-cased actor id: users by id or by the
   * email typed at sign-in, service clients by id. One query per table for the whole page.
   */
  private async actorsOf(
    rows: readonly AuditEventEntity[],
  ): Promise<Map<string, { name: string; email: string | null }>> {
    const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
    const actors = new Map<string, { name: string; email: string | null }>();
    if (ids.length === 0) return actors;
    const uuids = ids.filter((id) => UUID.test(id));
    const emails = ids.filter((id) => id.includes('@')).map((id) => id.toLowerCase());
    const users = await this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.email', 'u.displayName'])
      .where(uuids.length > 0 ? 'u.id IN (:...uuids)' : 'false', { uuids })
      .orWhere(emails.length > 0 ? 'lower(u.email) IN (:...emails)' : 'false', { emails })
      .getMany();
    for (const client of await this.clients.find({ select: { id: true, name: true }, where: { id: In(ids) } }))
      actors.set(client.id.toLowerCase(), { name: client.name, email: null });
    for (const user of users) {
      const actor = { name: user.displayName, email: user.email };
      actors.set(user.id.toLowerCase(), actor);
      actors.set(user.email.toLowerCase(), actor);
    }
    return actors;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
