import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { PageWindow } from '../common';
import type { DealRow, LeadGroupRow } from './crm-aggregates';
import {
  CrmHotListItemEntity,
  CrmLeadEntity,
  CrmNoteEntity,
  CrmPipelineItemEntity,
  CrmScheduledActivityEntity,
} from './entities/crm.entities';

export interface LeadFilters {
  status?: string;
  source?: string;
  q?: string;
}

export interface NoteFilters {
  q?: string;
  author?: string;
}

export interface ActivityFilters {
  from: Date;
  status?: string;
}

/** ILIKE treats % and _ as wildcards; a search for "50%" means the characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every CRM read: one tenant, live rows only (deleted_at is the tombstone a full refresh leaves). */
function live<T extends ObjectLiteral>(rows: Repository<T>, alias: string, tenant: string): SelectQueryBuilder<T> {
  return rows
    .createQueryBuilder(alias)
    .where(`${alias}.tenant_id = :tenant`, { tenant })
    .andWhere(`${alias}.deleted_at IS NULL`);
}

function page<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, window: PageWindow): Promise<[T[], number]> {
  return query.offset(window.offset).limit(window.pageSize).getManyAndCount();
}

@Injectable()
export class CrmRepository {
  constructor(
    @InjectRepository(CrmLeadEntity) private readonly leads: Repository<CrmLeadEntity>,
    @InjectRepository(CrmPipelineItemEntity) private readonly deals: Repository<CrmPipelineItemEntity>,
    @InjectRepository(CrmHotListItemEntity) private readonly hotList: Repository<CrmHotListItemEntity>,
    @InjectRepository(CrmNoteEntity) private readonly notes: Repository<CrmNoteEntity>,
    @InjectRepository(CrmScheduledActivityEntity) private readonly activities: Repository<CrmScheduledActivityEntity>,
  ) {}

  listLeads(tenant: string, filters: LeadFilters, window: PageWindow): Promise<[CrmLeadEntity[], number]> {
    const query = live(this.leads, 'l', tenant);
    if (filters.status) query.andWhere('l.status = :status', { status: filters.status });
    if (filters.source) query.andWhere('l.lead_source = :source', { source: filters.source });
    if (filters.q) {
      query.andWhere(
        `(concat_ws(' ', l.first_name, l.last_name) ILIKE :q OR l.email ILIKE :q OR l.phone ILIKE :q OR l.owner ILIKE :q)`,
        { q: likePattern(filters.q) },
      );
    }
    return page(query.orderBy('l.createdAtSource', 'DESC').addOrderBy('l.externalId', 'DESC'), window);
  }

  /** "First Last" of the leads with these ids (those with a name), by id. */
  async leadNames(tenant: string, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await live(this.leads, 'l', tenant)
      .andWhere('l.external_id IN (:...ids)', { ids: unique })
      .select(['l.externalId', 'l.firstName', 'l.lastName'])
      .getMany();
    const names = new Map<string, string>();
    for (const row of rows) {
      const name = [row.firstName, row.lastName].filter(Boolean).join(' ').trim();
      if (name) names.set(row.externalId, name);
    }
    return names;
  }

  findLead(tenant: string, id: string): Promise<CrmLeadEntity | null> {
    return live(this.leads, 'l', tenant).andWhere('l.external_id = :id', { id }).getOne();
  }

  async countLeads(tenant: string): Promise<LeadGroupRow[]> {
    const rows = await live(this.leads, 'l', tenant)
      .select('l.lead_source', 'source')
      .addSelect('l.status', 'status')
      .addSelect('count(*)', 'count')
      .groupBy('l.lead_source')
      .addGroupBy('l.status')
      .getRawMany<{ source: string; status: string; count: string | number }>();
    // count(*) is a bigint: pg hands it over as a string.
    return rows.map((row) => ({ source: row.source, status: row.status, count: Number(row.count) }));
  }

  async dealsOf(tenant: string): Promise<DealRow[]> {
    const rows = await live(this.deals, 'd', tenant).getMany();
    return rows.map((d) => ({
      stage: d.stage,
      value: d.value,
      probability: d.probability,
      stageEnteredAt: d.stageEnteredAt,
    }));
  }

  listHotList(
    tenant: string,
    status: string | undefined,
    window: PageWindow,
  ): Promise<[CrmHotListItemEntity[], number]> {
    const query = live(this.hotList, 'h', tenant);
    if (status) query.andWhere('h.status = :status', { status });
    query
      .orderBy('h.priority', 'ASC')
      .addOrderBy('h.lastActivityAt', 'DESC', 'NULLS LAST')
      .addOrderBy('h.externalId', 'ASC');
    return page(query, window);
  }

  listNotes(tenant: string, filters: NoteFilters, window: PageWindow): Promise<[CrmNoteEntity[], number]> {
    const query = live(this.notes, 'n', tenant);
    if (filters.q) {
      query.andWhere(`to_tsvector('english', n.body) @@ plainto_tsquery('english', :q)`, { q: filters.q });
    }
    if (filters.author) query.andWhere('lower(n.author) = lower(:author)', { author: filters.author });
    return page(query.orderBy('n.notedAt', 'DESC').addOrderBy('n.externalId', 'DESC'), window);
  }

  listActivities(
    tenant: string,
    filters: ActivityFilters,
    window: PageWindow,
  ): Promise<[CrmScheduledActivityEntity[], number]> {
    const query = live(this.activities, 'a', tenant).andWhere('a.scheduled_for >= :from', { from: filters.from });
    if (filters.status) query.andWhere('a.status = :status', { status: filters.status });
    return page(query.orderBy('a.scheduledFor', 'ASC').addOrderBy('a.externalId', 'ASC'), window);
  }
}
