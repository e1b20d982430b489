import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, Principal } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock, currentTraceId, toPage, type PageWindow } from '../../common';
import { AuditEventEntity } from '../entities/audit-event.entity';
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
    if (filters.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filters.actorId });
    if (filters.outcome) query.andWhere('a.outcome = :outcome', { outcome: filters.outcome });
    if (filters.since) query.andWhere('a.at >= :since', { since: filters.since });
    const [rows, total] = await query
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip(window.offset)
      .take(window.pageSize)
      .getManyAndCount();
    return toPage(
      window,
      rows.map((r) => ({ ...r, at: r.at.toISOString() })),
      total,
    );
  }
}
