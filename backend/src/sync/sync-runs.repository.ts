import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SyncRunStatus, SyncTrigger } from '@switchyard/contracts';
import { In, LessThan, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { PageWindow } from '../common';
import { SyncRunEntity } from './entities/sync-run.entity';

export interface SyncRunFilters {
  sourceId?: string;
  status?: SyncRunStatus[];
  trigger?: SyncTrigger;
  since?: Date;
  /** Only runs of sources without a tenant or with one of these; null for all. */
  tenants?: string[] | null;
}

@Injectable()
export class SyncRunsRepository {
  constructor(@InjectRepository(SyncRunEntity) private readonly rows: Repository<SyncRunEntity>) {}

  async insert(run: SyncRunEntity): Promise<void> {
    await this.rows.insert(run);
  }

  async update(id: string, changes: Partial<SyncRunEntity>, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(SyncRunEntity) : this.rows;
    await repo.update({ id }, changes);
  }

  findById(id: string): Promise<SyncRunEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /** The oldest run waiting for this source, adopted by the next claim. */
  oldestQueued(sourceId: string): Promise<SyncRunEntity | null> {
    return this.rows.findOne({ where: { sourceId, status: 'queued' }, order: { queuedAt: 'ASC' } });
  }

  async list(filters: SyncRunFilters, window: PageWindow): Promise<[SyncRunEntity[], number]> {
    const query = this.rows.createQueryBuilder('r');
    if (filters.sourceId) query.andWhere('r.source_id = :sourceId', { sourceId: filters.sourceId });
    if (filters.status?.length) query.andWhere('r.status IN (:...status)', { status: filters.status });
    if (filters.trigger) query.andWhere('r.trigger = :trigger', { trigger: filters.trigger });
    if (filters.since) query.andWhere('r.queued_at >= :since', { since: filters.since });
    if (filters.tenants) {
      const visible =
        'r.source_id IN (SELECT s.id FROM sources s WHERE s.tenant_id IS NULL OR s.tenant_id IN (:...tenants))';
      query.andWhere(visible, { tenants: [...filters.tenants, ''] });
    }
    return query
      .orderBy('r.queued_at', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip(window.offset)
      .take(window.pageSize)
      .getManyAndCount();
  }

  countBy(where: FindOptionsWhere<SyncRunEntity>): Promise<number> {
    return this.rows.countBy(where);
  }

  findBySource(sourceId: string, statuses: SyncRunStatus[]): Promise<SyncRunEntity[]> {
    return this.rows.find({ where: { sourceId, status: In(statuses) }, order: { queuedAt: 'ASC' } });
  }

  /** Retention: finished runs older than the cutoff go. */
  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    const result = await this.rows.delete({ finishedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
