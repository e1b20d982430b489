import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { FinancialEntryEntity } from './entities/financial-entry.entity';
import { ProjectRiskEntity } from './entities/project-risk.entity';
import { ProjectEntity } from './entities/project.entity';

export interface ProjectQuery {
  portfolios?: string[];
  statuses?: string[];
  priority?: string;
  team?: string;
  ids?: string[];
  /** Data scopes; null means all. */
  scope: { portfolios: string[] | null; teams: string[] | null };
}

/** Reads the normalized portfolio tables (written by the sync engine); tombstoned rows never show. */
@Injectable()
export class PortfolioRepository {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    @InjectRepository(ProjectRiskEntity) private readonly risks: Repository<ProjectRiskEntity>,
    @InjectRepository(FinancialEntryEntity) private readonly entries: Repository<FinancialEntryEntity>,
  ) {}

  findProjects(query: ProjectQuery): Promise<ProjectEntity[]> {
    const q = this.projects.createQueryBuilder('p').where('p.deleted_at IS NULL');
    if (query.portfolios?.length) q.andWhere('p.portfolio IN (:...portfolios)', { portfolios: query.portfolios });
    if (query.statuses?.length) q.andWhere('p.status IN (:...statuses)', { statuses: query.statuses });
    if (query.priority) q.andWhere('p.priority = :priority', { priority: query.priority });
    if (query.team) q.andWhere('p.team = :team', { team: query.team });
    if (query.ids?.length) q.andWhere('p.external_id IN (:...ids)', { ids: query.ids });
    scoped(q, query.scope);
    return q.orderBy('p.external_id', 'ASC').getMany();
  }

  findRisks(projectIds: string[]): Promise<ProjectRiskEntity[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return this.risks
      .createQueryBuilder('r')
      .where('r.deleted_at IS NULL')
      .andWhere('r.project_external_id IN (:...projectIds)', { projectIds })
      .orderBy('r.score', 'DESC')
      .addOrderBy('r.external_id', 'ASC')
      .getMany();
  }

  findEntries(projectIds: string[], startDate: string, endDate: string): Promise<FinancialEntryEntity[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return this.entries
      .createQueryBuilder('f')
      .where('f.deleted_at IS NULL')
      .andWhere('f.project_external_id IN (:...projectIds)', { projectIds })
      .andWhere('f.month BETWEEN :startDate AND :endDate', { startDate, endDate })
      .orderBy('f.month', 'ASC')
      .getMany();
  }
}

function scoped(q: SelectQueryBuilder<ProjectEntity>, scope: ProjectQuery['scope']): void {
  // '' keeps IN () valid for a principal with an empty list.
  if (scope.portfolios)
    q.andWhere('p.portfolio IN (:...scopePortfolios)', { scopePortfolios: [...scope.portfolios, ''] });
  if (scope.teams) q.andWhere('p.team IN (:...scopeTeams)', { scopeTeams: [...scope.teams, ''] });
}
