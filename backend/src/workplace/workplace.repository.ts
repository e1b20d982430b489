import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  INCIDENT_STATE_GROUPS,
  type IncidentKind,
  type IncidentSeverity,
  type IncidentState,
} from '@switchyard/contracts';
import { Repository, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import type { ScopeFilter } from '../auth';
import type { PageWindow } from '../common';
import { DataPointEntity } from '../operations';
import { CalendarEventEntity } from './entities/calendar-event.entity';
import { DepartmentEntity } from './entities/department.entity';
import { IncidentEntity } from './entities/incident.entity';
import { TeamEntity } from './entities/team.entity';

export interface TeamFilters {
  team?: string;
  department?: string;
  teams: ScopeFilter;
  departments: ScopeFilter;
}

export interface IncidentFilters {
  states: IncidentState[];
  severities: IncidentSeverity[];
  department?: string;
  kind?: IncidentKind;
  departments: ScopeFilter;
}

export interface OpenTicketCount {
  departmentId: string;
  kind: string;
  count: number;
}

/** Restricts to a scope list; '' keeps `IN ()` valid for a principal with an empty scope. */
function inScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  name: string,
  scope: ScopeFilter,
): void {
  if (scope) query.andWhere(`${column} IN (:...${name})`, { [name]: [...scope, ''] });
}

/** Reads of the workplace tables; tombstoned rows (`deleted_at`) never leave here. */
@Injectable()
export class WorkplaceRepository {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly departmentRows: Repository<DepartmentEntity>,
    @InjectRepository(TeamEntity) private readonly teamRows: Repository<TeamEntity>,
    @InjectRepository(CalendarEventEntity) private readonly eventRows: Repository<CalendarEventEntity>,
    @InjectRepository(IncidentEntity) private readonly incidentRows: Repository<IncidentEntity>,
    @InjectRepository(DataPointEntity) private readonly pointRows: Repository<DataPointEntity>,
  ) {}

  departments(scope: ScopeFilter): Promise<DepartmentEntity[]> {
    const query = this.departmentRows.createQueryBuilder('d').where('d.deleted_at IS NULL');
    inScope(query, 'd.external_id', 'scope', scope);
    return query.orderBy('d.externalId', 'ASC').getMany();
  }

  /**
   * Open tickets (new, in_progress, on_hold) per department and kind; with `at`, the tickets
   * open at that instant: reported by then and either still open or resolved after it. A
   * ticket closed without a resolution time cannot be placed in time and is left out.
   */
  async openTicketCounts(departmentIds: string[], at?: Date): Promise<OpenTicketCount[]> {
    if (departmentIds.length === 0) return [];
    const query = this.incidentRows
      .createQueryBuilder('i')
      .select('i.department_id', 'departmentId')
      .addSelect('i.kind', 'kind')
      .addSelect('COUNT(*)', 'count')
      .where('i.deleted_at IS NULL');
    const open = [...INCIDENT_STATE_GROUPS.open];
    if (at) {
      query
        .andWhere('i.reported_at <= :at', { at })
        .andWhere('(i.state IN (:...open) OR i.resolved_at > :at)', { open, at });
    } else {
      query.andWhere('i.state IN (:...open)', { open });
    }
    const rows = await query
      .andWhere('i.department_id IN (:...departmentIds)', { departmentIds })
      .groupBy('i.department_id')
      .addGroupBy('i.kind')
      .getRawMany<{ departmentId: string; kind: string; count: string | number }>();
    return rows.map((r) => ({ departmentId: r.departmentId, kind: r.kind, count: Number(r.count) }));
  }

  /** The newest sample of a metric recorded at or before `at`. */
  latestPoint(metric: string, at: Date): Promise<DataPointEntity | null> {
    return this.pointRows
      .createQueryBuilder('p')
      .where('p.deleted_at IS NULL')
      .andWhere('p.metric = :metric', { metric })
      .andWhere('p.recorded_at <= :at', { at })
      .orderBy('p.recordedAt', 'DESC')
      .limit(1)
      .getOne();
  }

  teams(filters: TeamFilters, window: PageWindow): Promise<[TeamEntity[], number]> {
    const query = this.teamRows.createQueryBuilder('t').where('t.deleted_at IS NULL');
    if (filters.team) query.andWhere('t.external_id = :team', { team: filters.team });
    if (filters.department) query.andWhere('t.department_id = :department', { department: filters.department });
    inScope(query, 't.external_id', 'teamScope', filters.teams);
    inScope(query, 't.department_id', 'departmentScope', filters.departments);
    return query
      .orderBy('t.departmentId', 'ASC')
      .addOrderBy('t.externalId', 'ASC')
      .skip(window.offset)
      .take(window.pageSize)
      .getManyAndCount();
  }

  /**
   * Events that may have an occurrence in [from, to): not cancelled, first occurrence
   * before `to`, and either recurring or starting inside the window.
   */
  eventsMaybeIn(from: Date, to: Date, location?: string): Promise<CalendarEventEntity[]> {
    const query = this.eventRows
      .createQueryBuilder('e')
      .where('e.deleted_at IS NULL')
      .andWhere('e.cancelled = false')
      .andWhere('e.starts_at < :to', { to })
      .andWhere('(e.rrule IS NOT NULL OR e.starts_at >= :from)', { from });
    if (location) query.andWhere('LOWER(e.location) = LOWER(:location)', { location });
    return query.orderBy('e.externalId', 'ASC').getMany();
  }

  incidents(filters: IncidentFilters, window: PageWindow): Promise<[IncidentEntity[], number]> {
    const query = this.incidentRows.createQueryBuilder('i').where('i.deleted_at IS NULL');
    if (filters.states.length > 0) query.andWhere('i.state IN (:...states)', { states: filters.states });
    if (filters.severities.length > 0)
      query.andWhere('i.severity IN (:...severities)', { severities: filters.severities });
    if (filters.department) query.andWhere('i.department_id = :department', { department: filters.department });
    if (filters.kind) query.andWhere('i.kind = :kind', { kind: filters.kind });
    inScope(query, 'i.department_id', 'departmentScope', filters.departments);
    return query
      .orderBy('i.reportedAt', 'DESC')
      .addOrderBy('i.externalId', 'ASC')
      .skip(window.offset)
      .take(window.pageSize)
      .getManyAndCount();
  }
}
