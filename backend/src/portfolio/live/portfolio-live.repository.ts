import { Injectable } from '@nestjs/common';
import type { SourceDomain } from '@switchyard/contracts';
import { DataSource } from 'typeorm';

/** The reads that route a portfolio change to its live topics: which projects it touched. */
@Injectable()
export class PortfolioLiveRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The projects (id and portfolio) a change to these records touched (projects, risks or financial entries). */
  async projectsOf(
    domain: SourceDomain,
    sourceId: string,
    externalIds: string[],
  ): Promise<Array<{ id: string; portfolio: string }>> {
    if (externalIds.length === 0) return [];
    const projectIds =
      domain === 'projects'
        ? `SELECT external_id FROM projects WHERE source_id = $1 AND external_id = ANY($2)`
        : domain === 'risks'
          ? `SELECT project_external_id FROM project_risks WHERE source_id = $1 AND external_id = ANY($2)`
          : `SELECT project_external_id FROM financial_entries WHERE source_id = $1 AND external_id = ANY($2)`;
    return this.dataSource.query<Array<{ id: string; portfolio: string }>>(
      `SELECT DISTINCT external_id AS id, portfolio FROM projects WHERE external_id IN (${projectIds}) ORDER BY 1`,
      [sourceId, externalIds],
    );
  }
}
