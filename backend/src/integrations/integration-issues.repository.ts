import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { IntegrationId, IssueHistoryEntry, IssueState } from '@switchyard/contracts';
import type { EntityManager, Repository } from 'typeorm';
import type { PageWindow } from '../common';
import { IntegrationIssueEntity } from './entities';

export interface IssueFilters {
  state?: IssueState;
  integration?: IntegrationId;
}

/** SQL over integration_issues. */
@Injectable()
export class IntegrationIssuesRepository {
  constructor(@InjectRepository(IntegrationIssueEntity) private readonly issues: Repository<IntegrationIssueEntity>) {}

  /** Creates the group's issue if it is new; either way returns it locked for this transaction. */
  async lockOrCreate(
    manager: EntityManager,
    fresh: IntegrationIssueEntity,
  ): Promise<{ issue: IntegrationIssueEntity; created: boolean }> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(IntegrationIssueEntity)
      .values(fresh)
      .orIgnore()
      .returning('id')
      .execute();
    const issue = await manager
      .createQueryBuilder(IntegrationIssueEntity, 'i')
      .setLock('pessimistic_write')
      .where('i.integration = :integration', { integration: fresh.integration })
      .andWhere('i.category = :category', { category: fresh.category })
      .andWhere('i.signature_hash = :hash', { hash: fresh.signatureHash })
      .getOneOrFail();
    return { issue, created: (inserted.raw as unknown[]).length > 0 };
  }

  /** Writes back an issue read (and locked) in the same transaction: one UPDATE, no read first. */
  async save(manager: EntityManager, issue: IntegrationIssueEntity): Promise<void> {
    const { id, ...fields } = issue;
    await manager.update(IntegrationIssueEntity, { id }, fields);
  }

  findById(id: string): Promise<IntegrationIssueEntity | null> {
    return this.issues.findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<IntegrationIssueEntity | null> {
    return manager
      .createQueryBuilder(IntegrationIssueEntity, 'i')
      .setLock('pessimistic_write')
      .where('i.id = :id', { id })
      .getOne();
  }

  list(filters: IssueFilters, window: PageWindow): Promise<[IntegrationIssueEntity[], number]> {
    const query = this.issues.createQueryBuilder('i');
    if (filters.state) query.andWhere('i.state = :state', { state: filters.state });
    if (filters.integration) query.andWhere('i.integration = :integration', { integration: filters.integration });
    return query
      .orderBy('i.lastSeenAt', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .offset(window.offset)
      .limit(window.pageSize)
      .getManyAndCount();
  }

  async openCounts(): Promise<Map<IntegrationId, number>> {
    const rows: Array<{ integration: IntegrationId; n: string | number }> = await this.issues.query(
      `SELECT integration, count(*) AS n FROM integration_issues WHERE state IN ('open', 'acknowledged') GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.integration, Number(r.n)]));
  }

  /** Issues resolved since the given time, with when they opened (mean time to resolve). */
  resolvedSince(since: Date): Promise<Array<Pick<IntegrationIssueEntity, 'integration' | 'openedAt' | 'resolvedAt'>>> {
    return this.issues
      .createQueryBuilder('i')
      .select(['i.integration', 'i.openedAt', 'i.resolvedAt'])
      .where(`i.state = 'resolved'`)
      .andWhere('i.resolved_at >= :since', { since })
      .getMany();
  }

  /** Deletes resolved and ignored issues not seen since the cutoff; open ones stay. */
  async pruneClosedBefore(cutoff: Date): Promise<number> {
    const [{ n }] = await this.issues.query<Array<{ n: string }>>(
      `WITH gone AS (
         DELETE FROM integration_issues WHERE state IN ('resolved', 'ignored') AND last_seen_at < $1 RETURNING 1)
       SELECT count(*) AS n FROM gone`,
      [cutoff],
    );
    return Number(n);
  }
}

export function historyEntry(
  action: IssueHistoryEntry['action'],
  by: string,
  at: Date,
  comment: string | null = null,
): IssueHistoryEntry {
  return { at: at.toISOString(), by, action, comment };
}
