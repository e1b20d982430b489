import {
  formatLiveTopic,
  PORTFOLIOS,
  type DomainEvent,
  type LiveDomain,
  type SourceDomain,
} from '@switchyard/contracts';

/** Which sources' freshness an update on a topic carries (the same sources as the REST answer). */
export type FreshnessScope =
  | { kind: 'source'; sourceId: string }
  | { kind: 'domains'; domains: SourceDomain[] }
  | { kind: 'tenant'; tenant: string };

/** One update to number and push, before its freshness is looked up. */
export interface RoutedUpdate {
  topic: string;
  type: string;
  at: string;
  data: unknown;
  freshness: FreshnessScope | null;
}

/** The sources behind each `domain:<name>` topic, as its REST route reports them. */
export const LIVE_DOMAIN_SOURCES: Record<LiveDomain, SourceDomain[]> = {
  summary: ['people', 'incidents', 'metrics'],
  projects: ['projects', 'risks'],
  financials: ['projects', 'financials'],
  risks: ['risks'],
  people: ['people'],
  events: ['events'],
  incidents: ['incidents'],
};

export const DASHBOARD_SOURCES: SourceDomain[] = ['projects', 'risks', 'financials'];
const PORTFOLIO_DOMAINS: SourceDomain[] = DASHBOARD_SOURCES;

/** The `domain:<name>` topics a change in one source domain touches. */
export function liveDomainsOf(domain: SourceDomain): LiveDomain[] {
  return (Object.keys(LIVE_DOMAIN_SOURCES) as LiveDomain[]).filter((d) => LIVE_DOMAIN_SOURCES[d].includes(domain));
}

export function isPortfolioDomain(domain: SourceDomain): boolean {
  return PORTFOLIO_DOMAINS.includes(domain);
}

/** Where a source's data shows: its domain topics, its CRM tenant, the portfolio dashboards. */
interface SourceFacts {
  sourceId: string;
  domain: SourceDomain;
  tenant: string | null;
  /** Portfolios whose projects the change touched; `null` means "cannot tell", so all of them. */
  portfolios: string[] | null;
  /** Projects whose own records (or risks, financial entries) the change touched. */
  projects?: string[];
}

/**
 * Turns one domain event into the topic updates it causes. Pure: the caller supplies what
 * needs a lookup (the source's domain and tenant, the portfolios a change touched).
 * Updates carry what changed, not the records: a client refetches by REST, where its own
 * data scopes apply.
 */
export function routeEvent(event: DomainEvent, facts: SourceFacts | null): RoutedUpdate[] {
  const sourceTopic = (data: unknown): RoutedUpdate | null =>
    'sourceId' in event
      ? {
          topic: `source:${event.sourceId}`,
          type: event.type,
          at: event.at,
          data,
          freshness: { kind: 'source', sourceId: event.sourceId },
        }
      : null;
  switch (event.type) {
    case 'sync.started':
      return compact([sourceTopic({ sourceId: event.sourceId, runId: event.runId })]);
    case 'sync.finished':
    case 'breaker.changed':
    case 'source.changed': {
      const { type: _type, at: _at, ...data } = event;
      return compact([sourceTopic(data)]);
    }
    case 'records.changed': {
      const { type: _type, at: _at, ...data } = event;
      const counts = { sourceId: event.sourceId, upserted: event.upsertedIds.length, deleted: event.deletedIds.length };
      return [...compact([sourceTopic(counts)]), ...dataTopics(event, facts, counts, data)];
    }
    case 'freshness.changed': {
      const data = {
        sourceId: event.sourceId,
        previous: event.previous,
        state: event.freshness.state,
        reason: event.freshness.reason,
      };
      return [...compact([sourceTopic(data)]), ...dataTopics(event, facts, data, data)];
    }
    case 'alert.changed':
      return [
        {
          topic: 'alerts',
          type: event.type,
          at: event.at,
          data: { alert: event.alert, previous: event.previous, notify: event.notify },
          freshness: null,
        },
      ];
    case 'ops.snapshot':
      return [
        {
          topic: 'ops',
          type: event.type,
          at: event.at,
          data: event.snapshot,
          freshness: { kind: 'domains', domains: ['metrics'] },
        },
      ];
    case 'ops.data_points':
      return [{ topic: 'datapoints', type: event.type, at: event.at, data: { points: event.points }, freshness: null }];
    case 'integration.event': {
      const { type: _type, at: _at, ...data } = event;
      return [{ topic: 'integrations', type: event.type, at: event.at, data, freshness: null }];
    }
    case 'integration.issue.changed':
      return [
        {
          topic: 'integrations',
          type: event.type,
          at: event.at,
          data: { issue: event.issue, previous: event.previous },
          freshness: null,
        },
      ];
    default:
      return [];
  }
}

/** The domain, CRM-tenant and dashboard topics showing a source's data. */
function dataTopics(
  event: Extract<DomainEvent, { type: 'records.changed' | 'freshness.changed' }>,
  facts: SourceFacts | null,
  summaryData: unknown,
  tenantData: unknown,
): RoutedUpdate[] {
  if (!facts) return [];
  const base = { type: event.type, at: event.at };
  const updates: RoutedUpdate[] = liveDomainsOf(facts.domain).map((domain) => ({
    ...base,
    topic: formatLiveTopic({ kind: 'domain', domain }),
    data: summaryData,
    freshness: { kind: 'domains', domains: LIVE_DOMAIN_SOURCES[domain] },
  }));
  if (facts.tenant && facts.domain.startsWith('crm-')) {
    updates.push({
      ...base,
      topic: formatLiveTopic({ kind: 'crm', tenant: facts.tenant }),
      data: { ...(tenantData as object), domain: facts.domain },
      freshness: { kind: 'tenant', tenant: facts.tenant },
    });
  }
  if (isPortfolioDomain(facts.domain)) {
    const portfolios = facts.portfolios ?? [...PORTFOLIOS];
    for (const portfolio of [...portfolios, 'All']) {
      updates.push({
        ...base,
        topic: formatLiveTopic({ kind: 'dashboard', portfolio }),
        data: { ...(summaryData as object), domain: facts.domain },
        freshness: { kind: 'domains', domains: DASHBOARD_SOURCES },
      });
    }
    // Seed 001's rooms: the same change on `portfolio:<name>`, and on `project:<id>` for each project it touched.
    for (const portfolio of portfolios) {
      updates.push({
        ...base,
        topic: formatLiveTopic({ kind: 'portfolio', portfolio }),
        data: { ...(summaryData as object), domain: facts.domain },
        freshness: { kind: 'domains', domains: DASHBOARD_SOURCES },
      });
    }
    for (const projectId of facts.projects ?? []) {
      updates.push({
        ...base,
        topic: formatLiveTopic({ kind: 'project', projectId }),
        data: { projectId, sourceId: facts.sourceId, domain: facts.domain },
        freshness: { kind: 'domains', domains: DASHBOARD_SOURCES },
      });
    }
  }
  return updates;
}

function compact<T>(items: Array<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}
