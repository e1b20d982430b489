import type { DomainEvent, LiveDomain, SourceDomain } from '@switchyard/contracts';
import { routeEvent, sourceChangeOf } from '../../realtime/topic-routes';
import { PORTFOLIO_SOURCES } from '../portfolio-sources';
import { portfolioTopics } from './portfolio-topics';

const at = '2026-11-26T10:00:00.000Z';
const domainTopics: Array<[LiveDomain, readonly SourceDomain[]]> = [
  ['projects', PORTFOLIO_SOURCES.projects],
  ['financials', PORTFOLIO_SOURCES.financials],
  ['risks', PORTFOLIO_SOURCES.risks],
];

function route(event: DomainEvent, domain: SourceDomain, projects: Array<{ id: string; portfolio: string }>) {
  const change = sourceChangeOf(event, { domain, tenant: null })!;
  return routeEvent(event, { change, domainTopics, touched: portfolioTopics(change, projects) });
}

describe('portfolio live routes', () => {
  it('sends a project change to the project topics, the dashboards and seed 001 rooms of what it touched', () => {
    const routed = route(
      {
        type: 'records.changed',
        at,
        sourceId: 'pm',
        domain: 'projects',
        tenant: null,
        upsertedIds: ['p1'],
        deletedIds: [],
      },
      'projects',
      [{ id: 'p1', portfolio: 'Technology' }],
    );
    expect(routed.map((r) => r.topic)).toEqual([
      'source:pm',
      'domain:projects',
      'domain:financials',
      'dashboard:Technology',
      'dashboard:All',
      'portfolio:Technology',
      'project:p1',
    ]);
    expect(routed.at(-1)?.data).toEqual({ projectId: 'p1', sourceId: 'pm', domain: 'projects' });
    // The topic's freshness covers the same sources as the REST dashboard.
    expect(routed.at(-1)?.freshness).toEqual({ kind: 'domains', domains: PORTFOLIO_SOURCES.dashboard });
    expect(routed[1].freshness).toEqual({ kind: 'domains', domains: PORTFOLIO_SOURCES.projects });
  });

  it('tells every dashboard when it cannot tell which portfolio changed', () => {
    const routed = route(
      {
        type: 'freshness.changed',
        at,
        sourceId: 'risks',
        previous: 'fresh',
        freshness: {
          id: 'risks',
          name: 'Risks',
          lastSuccessAt: null,
          dataAsOf: null,
          ageSeconds: null,
          lastAttemptAt: null,
          lastAttemptStatus: null,
          lastError: null,
          nextAttemptAt: null,
          servingCached: false,
          state: 'stale',
          reason: 'old',
        },
      },
      'risks',
      [],
    );
    expect(routed.map((r) => r.topic)).toEqual([
      'source:risks',
      'domain:projects',
      'domain:risks',
      'dashboard:Technology',
      'dashboard:Operations',
      'dashboard:Business',
      'dashboard:All',
      'portfolio:Technology',
      'portfolio:Operations',
      'portfolio:Business',
    ]);
    expect(routed[0].data).toEqual({ sourceId: 'risks', previous: 'fresh', state: 'stale', reason: 'old' });
    expect(routed[3].data).toEqual({
      sourceId: 'risks',
      previous: 'fresh',
      state: 'stale',
      reason: 'old',
      domain: 'risks',
    });
  });

  it('routes nothing for a source that does not feed the dashboards', () => {
    const change = sourceChangeOf(
      {
        type: 'records.changed',
        at,
        sourceId: 'hr',
        domain: 'people',
        tenant: null,
        upsertedIds: ['t'],
        deletedIds: [],
      },
      { domain: 'people', tenant: null },
    )!;
    expect(portfolioTopics(change, [])).toEqual([]);
  });
});
