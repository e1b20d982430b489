import { formatLiveTopic, PORTFOLIOS } from '@switchyard/contracts';
import type { SourceChange, TopicUpdate } from '../../realtime';
import { feedsDashboards, PORTFOLIO_SOURCES } from '../portfolio-sources';

/**
 * The dashboard topics and seed 001's `portfolio:<name>` and `project:<id>` rooms a change
 * touches. `projects` are the projects it touched (id and portfolio); none means "cannot
 * tell" (a freshness change, or records no longer leading to a project): every portfolio.
 */
export function portfolioTopics(
  change: SourceChange,
  projects: ReadonlyArray<{ id: string; portfolio: string }>,
): TopicUpdate[] {
  if (!feedsDashboards(change.domain)) return [];
  const touched = [...new Set(projects.map((p) => p.portfolio))].sort();
  const portfolios = touched.length > 0 ? touched : [...PORTFOLIOS];
  const data = { ...(change.summary as object), domain: change.domain };
  const freshness = { kind: 'domains' as const, domains: PORTFOLIO_SOURCES.dashboard };
  return [
    ...[...portfolios, 'All'].map((portfolio) => ({
      topic: formatLiveTopic({ kind: 'dashboard', portfolio }),
      data,
      freshness,
    })),
    ...portfolios.map((portfolio) => ({ topic: formatLiveTopic({ kind: 'portfolio', portfolio }), data, freshness })),
    ...projects.map(({ id: projectId }) => ({
      topic: formatLiveTopic({ kind: 'project', projectId }),
      data: { projectId, sourceId: change.sourceId, domain: change.domain },
      freshness,
    })),
  ];
}
