import { Injectable } from '@nestjs/common';
import { viewFor } from './topic-audience';
import type {
  LiveDomain,
  LiveTopic,
  LiveUpdate,
  Permission,
  Principal,
  SourceDomain,
  TopicGrant,
  TopicRefusalCode,
} from '@switchyard/contracts';

/**
 * What realtime asks of the domain modules. Realtime owns transport (gateway, SSE, hub,
 * update log, numbering, the generic `source:`, `alerts`, `ops`, `integrations`,
 * `datapoints` and `user:` topics); each domain module registers the topics it owns, the
 * sources feeding them, who may follow them and how their updates are narrowed.
 */

/** Which sources' freshness an update on a topic carries (the same sources as the REST answer). */
export type FreshnessScope =
  | { kind: 'source'; sourceId: string }
  /** Sources of these domains; with `tenant`, only that tenant's. */
  | { kind: 'domains'; domains: readonly SourceDomain[]; tenant?: string };

/** One topic update a change causes, before it is numbered and its freshness looked up. */
export interface TopicUpdate {
  topic: string;
  data: unknown;
  freshness: FreshnessScope | null;
}

/** One update to number and push. */
export interface RoutedUpdate extends TopicUpdate {
  type: string;
  at: string;
}

/** A records or freshness change of one source, as a domain module's routes see it. */
export interface SourceChange {
  type: 'records.changed' | 'freshness.changed';
  sourceId: string;
  domain: SourceDomain;
  tenant: string | null;
  /** The changed records' external ids; null for a freshness change (it concerns all of them). */
  recordIds: string[] | null;
  /** What summary topics carry: record counts, or the freshness transition. */
  summary: unknown;
  /** What detail topics carry: the record ids, or the freshness transition. */
  detail: unknown;
}

export type TopicDecision =
  { granted: true; topic: LiveTopic } | { granted: false; code: TopicRefusalCode; reason: string };

/** Granted when the principal holds the permission (the first check of most topics). */
export function needs(principal: Principal, permission: Permission, topic: LiveTopic): TopicDecision {
  return principal.permissions.includes(permission)
    ? { granted: true, topic }
    : { granted: false, code: 'forbidden', reason: `this topic needs the ${permission} permission` };
}

/** Topic kinds a domain module owns (realtime keeps `source`, `channel` and `user`). */
export type OwnedTopicKind = Exclude<LiveTopic['kind'], 'source' | 'channel' | 'user' | 'domain'>;

export type AccessRule = (principal: Principal, topic: LiveTopic) => TopicDecision | Promise<TopicDecision>;

/** Who may follow each topic kind a module owns; each rule gets its own kind of topic. */
export type AccessRules = {
  [K in OwnedTopicKind]?: (
    principal: Principal,
    topic: Extract<LiveTopic, { kind: K }>,
  ) => TopicDecision | Promise<TopicDecision>;
};

/** One update as one recipient may see it, or null when it is not theirs. */
export type AudienceFilter = (principal: Principal, update: LiveUpdate) => LiveUpdate | null;

/** A `/live` connection as a socket request handler sees it. */
export interface LiveClient {
  readonly principal: Principal;
  emit(event: string, payload: unknown): void;
  /** Follows a topic, as the `subscribe` event does. */
  follow(topic: string): Promise<TopicGrant>;
  /** Whether the client may follow a topic (without following it). */
  mayFollow(topic: string): Promise<TopicDecision>;
  /** A periodic push; one per connection, replaced on each call. */
  repeat(intervalMs: number, push: () => Promise<void>): void;
}

export type LiveRequestHandler = (client: LiveClient, body: unknown) => Promise<unknown>;

/** What one domain module contributes to realtime. */
export interface LiveRouteSet {
  /** The module, for messages. */
  owner: string;
  /** The `domain:<name>` topics it owns: the source domains feeding each, and the REST permission behind it. */
  domainTopics?: Partial<Record<LiveDomain, { sources: readonly SourceDomain[]; permission: Permission }>>;
  /** Topics a source change touches besides `source:` and `domain:` ones; may read the module's own tables. */
  touched?: (change: SourceChange) => Promise<TopicUpdate[]>;
  /** Who may follow the topic kinds it owns. */
  access?: AccessRules;
  /** Per topic prefix (`crm` for `crm:<tenant>`): what each recipient may see of an update. */
  audience?: Record<string, AudienceFilter>;
  /** Socket.IO client events it answers (`subscribe:dashboard`…). */
  requests?: Record<string, LiveRequestHandler>;
}

/** The registry the domain modules fill at module init; realtime reads it. */
@Injectable()
export class LiveRoutes {
  private readonly sets: LiveRouteSet[] = [];
  private readonly domains = new Map<LiveDomain, { sources: readonly SourceDomain[]; permission: Permission }>();
  private readonly rules = new Map<OwnedTopicKind, AccessRule>();
  private readonly filters = new Map<string, AudienceFilter>();
  private readonly handlers = new Map<string, LiveRequestHandler>();

  register(set: LiveRouteSet): void {
    const claim = <K, V>(map: Map<K, V>, key: K, value: V, what: string): void => {
      if (map.has(key)) throw new Error(`${set.owner} registers live ${what} ${String(key)}, already registered`);
      map.set(key, value);
    };
    for (const [domain, route] of Object.entries(set.domainTopics ?? {})) {
      if (route) claim(this.domains, domain as LiveDomain, route, 'topic domain:');
    }
    for (const [kind, rule] of Object.entries(set.access ?? {})) {
      // Called only with topics of its own kind (TopicAccessService dispatches on the kind).
      if (rule) claim(this.rules, kind as OwnedTopicKind, rule as AccessRule, 'access rule for');
    }
    for (const [prefix, filter] of Object.entries(set.audience ?? {})) claim(this.filters, prefix, filter, 'audience');
    for (const [event, handle] of Object.entries(set.requests ?? {})) claim(this.handlers, event, handle, 'request');
    this.sets.push(set);
  }

  /** The registered `domain:<name>` topics and the source domains feeding each, in registration order. */
  domainSources(): Array<[LiveDomain, readonly SourceDomain[]]> {
    return [...this.domains].map(([domain, route]) => [domain, route.sources]);
  }

  domainPermission(domain: LiveDomain): Permission | null {
    return this.domains.get(domain)?.permission ?? null;
  }

  accessRule(kind: OwnedTopicKind): AccessRule | null {
    return this.rules.get(kind) ?? null;
  }

  audience(topic: string): AudienceFilter | null {
    const colon = topic.indexOf(':');
    return colon < 0 ? null : (this.filters.get(topic.slice(0, colon)) ?? null);
  }

  /** One update as one recipient may see it: realtime's own narrowing, then the owning module's. */
  view(principal: Principal, update: LiveUpdate): LiveUpdate | null {
    const seen = viewFor(principal, update);
    const filter = seen ? this.audience(update.topic) : null;
    return filter && seen ? filter(principal, seen) : seen;
  }

  requests(): Array<[string, LiveRequestHandler]> {
    return [...this.handlers];
  }

  /** Every module's extra topics for one change, in registration order. */
  async touched(change: SourceChange): Promise<TopicUpdate[]> {
    const answers = await Promise.all(this.sets.map((set) => set.touched?.(change) ?? Promise.resolve([])));
    return answers.flat();
  }
}
