import { formatLiveTopic, type DomainEvent, type LiveDomain, type SourceDomain } from '@switchyard/contracts';
import type { RoutedUpdate, SourceChange, TopicUpdate } from './live-routes';

/** Where a source's data shows besides its own topic: what it is and what the modules' routes made of it. */
export interface DataRoutes {
  change: SourceChange;
  /** The registered `domain:<name>` topics and the source domains feeding each. */
  domainTopics: Array<[LiveDomain, readonly SourceDomain[]]>;
  /** The topics the domain modules said the change touches (dashboards, rooms, tenants). */
  touched: TopicUpdate[];
}

type SourceChangeEvent = Extract<DomainEvent, { type: SourceChange['type'] }>;

/** What the source topic and summary topics carry: record counts, or the freshness transition. */
function summaryOf(event: SourceChangeEvent): unknown {
  return event.type === 'records.changed'
    ? { sourceId: event.sourceId, upserted: event.upsertedIds.length, deleted: event.deletedIds.length }
    : {
        sourceId: event.sourceId,
        previous: event.previous,
        state: event.freshness.state,
        reason: event.freshness.reason,
      };
}

/** A records or freshness change as the domain modules' routes see it; null for other events. */
export function sourceChangeOf(
  event: DomainEvent,
  source: { domain: SourceDomain; tenant: string | null } | null,
): SourceChange | null {
  if (!source || (event.type !== 'records.changed' && event.type !== 'freshness.changed')) return null;
  const summary = summaryOf(event);
  const { type: _type, at: _at, ...rest } = event;
  return {
    type: event.type,
    sourceId: event.sourceId,
    domain: source.domain,
    tenant: source.tenant,
    recordIds: event.type === 'records.changed' ? [...event.upsertedIds, ...event.deletedIds] : null,
    summary,
    detail: event.type === 'records.changed' ? rest : summary,
  };
}

/**
 * Turns one domain event into the topic updates it causes. Pure: the caller supplies what
 * needs a lookup (the source's change and the topics the domain modules route it to).
 * Updates carry what changed, not the records: a client refetches by REST, where its own
 * data scopes apply.
 */
export function routeEvent(event: DomainEvent, routes: DataRoutes | null): RoutedUpdate[] {
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
    case 'records.changed':
    case 'freshness.changed': {
      return [...compact([sourceTopic(summaryOf(event))]), ...dataTopics(event, routes)];
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

/** The `domain:<name>` topics fed by the source's domain, then the topics the domain modules routed it to. */
function dataTopics(event: DomainEvent, routes: DataRoutes | null): RoutedUpdate[] {
  if (!routes) return [];
  const base = { type: event.type, at: event.at };
  const { change } = routes;
  return [
    ...routes.domainTopics
      .filter(([, sources]) => sources.includes(change.domain))
      .map(([domain, sources]) => ({
        ...base,
        topic: formatLiveTopic({ kind: 'domain', domain }),
        data: change.summary,
        freshness: { kind: 'domains' as const, domains: sources },
      })),
    ...routes.touched.map((update) => ({ ...base, ...update })),
  ];
}

function compact<T>(items: Array<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}
