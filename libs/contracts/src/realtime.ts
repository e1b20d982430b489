import type { Freshness } from './freshness';

/**
 * The live protocol, shared by the Socket.IO namespace `/live`, the SSE endpoint
 * `GET /api/v1/stream` and every client. Socket.IO alone delivers at most once;
 * Switchyard numbers every update per topic so a client can tell, and recover, what
 * it missed.
 */
export const LIVE_NAMESPACE = '/live';
export const STREAM_PATH = '/api/v1/stream';

/** `domain:<name>` topics: one per screen-sized slice of normalized data. */
export const LIVE_DOMAINS = ['summary', 'projects', 'people', 'events', 'incidents', 'financials', 'risks'] as const;
export type LiveDomain = (typeof LIVE_DOMAINS)[number];

/** Topics without a parameter. */
export const LIVE_CHANNELS = ['alerts', 'ops', 'integrations', 'datapoints'] as const;
export type LiveChannel = (typeof LIVE_CHANNELS)[number];

export type LiveTopic =
  | { kind: 'dashboard'; portfolio: string }
  | { kind: 'source'; sourceId: string }
  | { kind: 'domain'; domain: LiveDomain }
  | { kind: 'crm'; tenant: string }
  | { kind: 'channel'; channel: LiveChannel }
  /** Seed 001's rooms: a user's own alerts, one portfolio's changes, one project's changes. */
  | { kind: 'user'; userId: string }
  | { kind: 'portfolio'; portfolio: string }
  | { kind: 'project'; projectId: string };

const TOPIC_PARAM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const MAX_TOPIC_LENGTH = 120;

/**
 * Parses `dashboard:<portfolio>`, `source:<id>`, `domain:<name>`, `crm:<tenant>`, `user:<id>`,
 * `portfolio:<name>`, `project:<id>`, `alerts`, `ops`, `integrations`, `datapoints`.
 */
export function parseLiveTopic(topic: string): LiveTopic | null {
  if (typeof topic !== 'string' || topic.length > MAX_TOPIC_LENGTH) return null;
  if ((LIVE_CHANNELS as readonly string[]).includes(topic)) return { kind: 'channel', channel: topic as LiveChannel };
  const colon = topic.indexOf(':');
  if (colon < 0) return null;
  const prefix = topic.slice(0, colon);
  const param = topic.slice(colon + 1);
  if (!TOPIC_PARAM.test(param)) return null;
  switch (prefix) {
    case 'dashboard':
      return { kind: 'dashboard', portfolio: param };
    case 'source':
      return { kind: 'source', sourceId: param };
    case 'crm':
      return { kind: 'crm', tenant: param };
    case 'user':
      return { kind: 'user', userId: param };
    case 'portfolio':
      return { kind: 'portfolio', portfolio: param };
    case 'project':
      return { kind: 'project', projectId: param };
    case 'domain':
      return (LIVE_DOMAINS as readonly string[]).includes(param)
        ? { kind: 'domain', domain: param as LiveDomain }
        : null;
    default:
      return null;
  }
}

export function formatLiveTopic(topic: LiveTopic): string {
  switch (topic.kind) {
    case 'dashboard':
      return `dashboard:${topic.portfolio}`;
    case 'source':
      return `source:${topic.sourceId}`;
    case 'domain':
      return `domain:${topic.domain}`;
    case 'crm':
      return `crm:${topic.tenant}`;
    case 'user':
      return `user:${topic.userId}`;
    case 'portfolio':
      return `portfolio:${topic.portfolio}`;
    case 'project':
      return `project:${topic.projectId}`;
    case 'channel':
      return topic.channel;
  }
}

/**
 * One pushed change. `seq` grows by exactly one per topic across every replica, so a
 * gap means something was missed (or coalesced, which the message then says).
 */
export interface LiveUpdate<T = unknown> {
  topic: string;
  seq: number;
  /** What happened, e.g. `records.changed`, `sync.finished`, `alert.changed`. */
  type: string;
  /** When the change happened (ISO 8601). */
  at: string;
  /** When the server numbered it (ISO 8601); `publishedAt - at` is how long the change took to reach the stream. */
  publishedAt: string;
  /** The change itself; `null` when it was too large to push (`truncated`) — refetch by REST. */
  data: T | null;
  /** How fresh the data behind this topic is, when the topic carries data from sources. */
  freshness: Freshness | null;
  /**
   * Set when a slow client was sent only the latest update of a run of updates:
   * the seqs from `fromSeq` up to this one were folded into it. Refetch by REST.
   */
  coalesced?: { fromSeq: number; count: number };
  /** The payload exceeded the maximum message size and was dropped; refetch by REST. */
  truncated?: boolean;
}

/** The server cannot replay what the client missed; refetch the topic's data by REST. */
export interface LiveResync {
  topic: string;
  /** The topic's current seq: continue from here after refetching. */
  seq: number;
  reason: 'buffer_overflow' | 'unknown_position' | 'server_restart';
}

export interface LiveHeartbeat {
  at: string;
  /** The latest seq of every subscribed topic, so a client can spot a silent gap. */
  seqs: Record<string, number>;
  /** Seconds until the connection's access token expires (send `reauth` before then). */
  tokenExpiresIn: number | null;
}

export type TopicRefusalCode = 'invalid_topic' | 'forbidden' | 'not_found' | 'too_many_topics';

export type TopicGrant =
  | { topic: string; granted: true; seq: number }
  | { topic: string; granted: false; code: TopicRefusalCode; reason: string };

export interface SubscribeRequest {
  topics: string[];
}
export interface SubscribeAck {
  results: TopicGrant[];
}

export interface UnsubscribeRequest {
  topics: string[];
}
export interface UnsubscribeAck {
  topics: string[];
}

export interface ResumeRequest {
  topic: string;
  afterSeq: number;
}
/** The `replayed` updates arrive as `update` events before this ack; otherwise a `resync` event precedes it. */
export type ResumeAck =
  | { topic: string; ok: true; replayed: number }
  | { topic: string; ok: false; code: TopicRefusalCode | 'resync'; reason: string };

/** Replace the connection's token before it expires. */
export interface ReauthRequest {
  token: string;
}
export type ReauthAck = { ok: true; expiresIn: number } | { ok: false; reason: string };

/** The executive blueprint's dashboard subscription: pushes the whole dashboard every `refreshInterval` ms (at least 10 s). */
export interface DashboardSubscribeRequest {
  portfolio: string;
  refreshInterval?: number;
}
export interface MetricsRequest {
  portfolio?: string;
  metrics?: string[];
}

export type LiveErrorAck = { ok: false; code: string; reason: string };

/** `dashboard:data` follows at once, then `dashboard:update` every `refreshInterval` ms. */
export type DashboardSubscribeAck = { ok: true; topic: string; seq: number; refreshInterval: number } | LiveErrorAck;

/** Answer of `request:metrics` (also emitted as `metrics:data`): the dashboard KPIs asked for. */
export type MetricsAck =
  | { ok: true; portfolio: string; at: string; metrics: Record<string, number | null>; freshness: Freshness }
  | LiveErrorAck;

/** Event names, both directions. */
export const LIVE_CLIENT_EVENTS = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  resume: 'resume',
  reauth: 'reauth',
  subscribeDashboard: 'subscribe:dashboard',
  requestMetrics: 'request:metrics',
} as const;

export const LIVE_SERVER_EVENTS = {
  update: 'update',
  resync: 'resync',
  heartbeat: 'heartbeat',
  dashboardData: 'dashboard:data',
  dashboardUpdate: 'dashboard:update',
  metricsData: 'metrics:data',
  /** Sent just before the server closes a connection whose token expired. */
  authExpired: 'auth_expired',
  /** Seed 001's names, sent beside `update` (see BLUEPRINT_EVENT_OF). */
  alertNew: 'alert:new',
  systemUpdate: 'system:update',
  portfolioUpdate: 'portfolio:update',
  projectUpdate: 'project:update',
} as const;

/**
 * The executive blueprint's event name for an update, sent beside the generic `update`:
 * `project:update` on `project:<id>`, `portfolio:update` on `portfolio:<name>`, `alert:new`
 * on `user:<id>` when an alert starts firing (its payload is the alert), `system:update` on
 * `ops` (the operations snapshot). Null when the blueprint has no name for it.
 */
export function blueprintEventOf(update: Pick<LiveUpdate, 'topic' | 'type' | 'data'>): string | null {
  const kind = update.topic.slice(0, update.topic.indexOf(':') + 1);
  if (kind === 'project:') return LIVE_SERVER_EVENTS.projectUpdate;
  if (kind === 'portfolio:') return LIVE_SERVER_EVENTS.portfolioUpdate;
  if (update.topic === 'ops' && update.type === 'ops.snapshot') return LIVE_SERVER_EVENTS.systemUpdate;
  if (kind === 'user:' && update.type === 'alert.changed') {
    const data = update.data as { alert?: { state?: string }; previous?: string | null } | null;
    return data?.alert?.state === 'firing' && data.previous !== 'firing' ? LIVE_SERVER_EVENTS.alertNew : null;
  }
  return null;
}
