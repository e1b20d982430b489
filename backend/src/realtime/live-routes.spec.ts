import { ALL_DATA, type LiveUpdate, type Principal } from '@switchyard/contracts';
import { userPrincipal } from '../auth';
import { LiveRoutes, type SourceChange } from './live-routes';

const principal: Principal = userPrincipal({
  id: 'u',
  email: 'u@test.local',
  displayName: 'u',
  roles: ['executive'],
  dataScopes: ALL_DATA,
});
const update = (topic: string): LiveUpdate => ({
  topic,
  type: 'records.changed',
  seq: 1,
  at: '2026-01-01T00:00:00.000Z',
  publishedAt: '2026-01-01T00:00:00.000Z',
  data: { reason: 'secret' },
  freshness: null,
});
const change: SourceChange = {
  type: 'records.changed',
  sourceId: 's',
  domain: 'people',
  tenant: null,
  recordIds: ['t1'],
  summary: {},
  detail: {},
};

describe('LiveRoutes: what the domain modules register', () => {
  it('lists the domain topics, rules and requests each module registered', async () => {
    const routes = new LiveRoutes();
    routes.register({
      owner: 'a',
      domainTopics: { people: { sources: ['people'], permission: 'people.read' } },
      touched: (c) => Promise.resolve([{ topic: `a:${c.sourceId}`, data: null, freshness: null }]),
      requests: { 'ask:a': () => Promise.resolve('a') },
    });
    routes.register({
      owner: 'b',
      touched: () => Promise.resolve([{ topic: 'b', data: null, freshness: null }]),
      access: { crm: (_p, topic) => ({ granted: true, topic }) },
    });
    expect(routes.domainSources()).toEqual([['people', ['people']]]);
    expect(routes.domainPermission('people')).toBe('people.read');
    expect(routes.domainPermission('risks')).toBeNull();
    expect(routes.accessRule('crm')).not.toBeNull();
    expect(routes.accessRule('dashboard')).toBeNull();
    expect(routes.requests().map(([event]) => event)).toEqual(['ask:a']);
    expect((await routes.touched(change)).map((u) => u.topic)).toEqual(['a:s', 'b']);
  });

  it('refuses a second module claiming the same topic, rule, audience or request', () => {
    const routes = new LiveRoutes();
    routes.register({ owner: 'a', domainTopics: { people: { sources: ['people'], permission: 'people.read' } } });
    expect(() =>
      routes.register({ owner: 'b', domainTopics: { people: { sources: ['events'], permission: 'events.read' } } }),
    ).toThrow(/b registers live topic domain: people/);
    routes.register({ owner: 'a', audience: { crm: (_p, u) => u } });
    expect(() => routes.register({ owner: 'c', audience: { crm: (_p, u) => u } })).toThrow(/already registered/);
  });

  it('narrows an update by the audience filter registered for its topic prefix', () => {
    const routes = new LiveRoutes();
    routes.register({ owner: 'crm', audience: { crm: (_p, u) => ({ ...u, data: { reason: 'redacted' } }) } });
    expect(routes.view(principal, update('crm:acme'))?.data).toEqual({ reason: 'redacted' });
    const other = update('source:crm');
    expect(routes.view(principal, other)).toBe(other);
  });
});
