import type { DomainEvent } from '@switchyard/contracts';
import { routeEvent, sourceChangeOf } from './topic-routes';

const at = '2026-11-26T10:00:00.000Z';
const crmChange: DomainEvent = {
  type: 'records.changed',
  at,
  sourceId: 'crm-a',
  domain: 'crm-leads',
  tenant: 'acme',
  upsertedIds: ['l1'],
  deletedIds: ['l0'],
};

describe('sourceChangeOf', () => {
  it('gives the domain modules counts to summarize and the record ids to look up', () => {
    expect(sourceChangeOf(crmChange, { domain: 'crm-leads', tenant: 'acme' })).toEqual({
      type: 'records.changed',
      sourceId: 'crm-a',
      domain: 'crm-leads',
      tenant: 'acme',
      recordIds: ['l1', 'l0'],
      summary: { sourceId: 'crm-a', upserted: 1, deleted: 1 },
      detail: { sourceId: 'crm-a', domain: 'crm-leads', tenant: 'acme', upsertedIds: ['l1'], deletedIds: ['l0'] },
    });
  });

  it('has no change for an unknown source or for events that are not data changes', () => {
    expect(sourceChangeOf(crmChange, null)).toBeNull();
    expect(
      sourceChangeOf({ type: 'sync.started', at, sourceId: 's', runId: 'r' }, { domain: 'people', tenant: null }),
    ).toBeNull();
  });
});

describe('routeEvent', () => {
  it('sends a change to its source, the registered domain topics its domain feeds, then what the modules routed', () => {
    const change = sourceChangeOf(crmChange, { domain: 'crm-leads', tenant: 'acme' })!;
    const routed = routeEvent(crmChange, {
      change,
      domainTopics: [
        ['people', ['people']],
        ['summary', ['people', 'crm-leads']],
      ],
      touched: [{ topic: 'crm:acme', data: { n: 1 }, freshness: null }],
    });
    expect(routed).toEqual([
      {
        topic: 'source:crm-a',
        type: 'records.changed',
        at,
        data: { sourceId: 'crm-a', upserted: 1, deleted: 1 },
        freshness: { kind: 'source', sourceId: 'crm-a' },
      },
      {
        topic: 'domain:summary',
        type: 'records.changed',
        at,
        data: { sourceId: 'crm-a', upserted: 1, deleted: 1 },
        freshness: { kind: 'domains', domains: ['people', 'crm-leads'] },
      },
      { topic: 'crm:acme', type: 'records.changed', at, data: { n: 1 }, freshness: null },
    ]);
  });

  it('keeps a change of an unknown source on its source topic', () => {
    expect(routeEvent(crmChange, null).map((r) => r.topic)).toEqual(['source:crm-a']);
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
