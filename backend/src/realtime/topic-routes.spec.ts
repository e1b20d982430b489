import { routeEvent } from './topic-routes';

const at = '2026-11-26T10:00:00.000Z';

describe('routeEvent', () => {
  it('sends a CRM change to its source and its tenant, with record ids only on the tenant topic', () => {
    const routed = routeEvent(
      {
        type: 'records.changed',
        at,
        sourceId: 'crm-a',
        domain: 'crm-leads',
        tenant: 'acme',
        upsertedIds: ['l1'],
        deletedIds: [],
      },
      { sourceId: 'crm-a', domain: 'crm-leads', tenant: 'acme', portfolios: [] },
    );
    expect(routed.map((r) => r.topic)).toEqual(['source:crm-a', 'crm:acme']);
    expect(routed[0].data).toEqual({ sourceId: 'crm-a', upserted: 1, deleted: 0 });
    expect(routed[1].data).toMatchObject({ upsertedIds: ['l1'], domain: 'crm-leads' });
    expect(routed[1].freshness).toEqual({ kind: 'tenant', tenant: 'acme' });
  });

  it('sends a project change to the project topics, the dashboards and seed 001 rooms of what it touched', () => {
    const routed = routeEvent(
      {
        type: 'records.changed',
        at,
        sourceId: 'pm',
        domain: 'projects',
        tenant: null,
        upsertedIds: ['p1'],
        deletedIds: [],
      },
      { sourceId: 'pm', domain: 'projects', tenant: null, portfolios: ['Technology'], projects: ['p1'] },
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
  });

  it('tells every dashboard when it cannot tell which portfolio changed', () => {
    const routed = routeEvent(
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
      { sourceId: 'risks', domain: 'risks', tenant: null, portfolios: null },
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
  });

  it('keeps run progress on the source topic', () => {
    expect(routeEvent({ type: 'sync.started', at, sourceId: 's', runId: 'r' }, null)).toEqual([
      {
        topic: 'source:s',
        type: 'sync.started',
        at,
        data: { sourceId: 's', runId: 'r' },
        freshness: { kind: 'source', sourceId: 's' },
      },
    ]);
  });
});
