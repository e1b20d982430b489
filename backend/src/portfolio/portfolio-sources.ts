import type { SourceDomain } from '@switchyard/contracts';

/**
 * The source domains feeding each portfolio answer. The REST answer's freshness and the
 * live topic's freshness both read these, so they cannot disagree.
 */
export const PORTFOLIO_SOURCES = {
  /** `GET /projects`, `GET /projects/:id` and `domain:projects`. */
  projects: ['projects', 'risks'],
  /** `GET /financials` and `domain:financials`. */
  financials: ['projects', 'financials'],
  /** `GET /risks` and `domain:risks`. */
  risks: ['risks'],
  /** The executive dashboard and its `dashboard:`, `portfolio:` and `project:` topics. */
  dashboard: ['projects', 'risks', 'financials'],
} as const satisfies Record<string, readonly SourceDomain[]>;

export function feedsDashboards(domain: SourceDomain): boolean {
  return (PORTFOLIO_SOURCES.dashboard as readonly SourceDomain[]).includes(domain);
}
