import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The invented dialects first, then the real vendor APIs (ClientTether API 2.0, ServiceNow
 * Table API, Prometheus HTTP API), each mounted under its own prefix with its own data copy.
 */
export const VENDORS = [
  'pm',
  'hris',
  'calendar',
  'ticketing',
  'crm',
  'metrics',
  'clienttether',
  'servicenow',
  'prometheus',
  'jira',
  'bamboohr',
  'google',
] as const;
export type VendorId = (typeof VENDORS)[number];

export function isVendorId(value: string): value is VendorId {
  return (VENDORS as readonly string[]).includes(value);
}

export const FAULT_TYPES = [
  'latency',
  'timeout',
  'rate_limit',
  'server_error',
  'unauthorized',
  'malformed_json',
  'schema_drift',
  'frozen',
] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

/** What a caller may ask for; every field but `type` is optional (README "Control API"). */
export interface FaultSpec {
  type: FaultType;
  count?: number;
  durationMs?: number;
  latencyMs?: number;
  retryAfterSeconds?: number;
  status?: number;
  field?: string;
  renameTo?: string;
  pathPrefix?: string;
  /** crm and clienttether only: limit the fault to the brand whose key the request carries. */
  brand?: string;
}

/** An active fault as the control API reports it (times are ISO 8601). */
export interface FaultView {
  id: string;
  vendor: VendorId;
  type: FaultType;
  count: number | null;
  remaining: number | null;
  durationMs: number | null;
  latencyMs: number | null;
  retryAfterSeconds: number | null;
  status: number | null;
  field: string | null;
  renameTo: string | null;
  pathPrefix: string | null;
  brand: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export interface WebhookTarget {
  url: string;
  /** Standard Webhooks secret: `whsec_` followed by base64. */
  secret: string;
}

export interface RequestLogEntry {
  at: string;
  vendor: VendorId;
  method: string;
  path: string;
  /** 0 when no answer was sent (a `timeout` fault held the request until the client left). */
  status: number;
  durationMs: number;
  fault: FaultType | null;
}

export interface VendorStateView {
  steps: number;
  frozen: boolean;
  faults: FaultView[];
  webhook: { url: string } | null;
}

export interface SimulatorState {
  now: string;
  seed: number;
  evolveEveryMs: number;
  vendors: Record<VendorId, VendorStateView>;
}

/** A change notification: `{ type, data: { [idsKey]: ids } }` on the wire. */
export interface ChangeNotice {
  type: string;
  idsKey: string;
  ids: string[];
}

/** A vendor's own answer to a refused request; an object body is sent as JSON, a string as text. */
export interface VendorAnswer {
  status: number;
  headers?: Record<string, string>;
  body: object | string;
}

export type AuthResult = { ok: true; principal: string | null } | { ok: false; challenge: string | null };

/** Per-request facts the route handlers need, set before the handler runs. */
export interface RequestContext {
  /** Simulator clock (epoch ms) when the request arrived. */
  now: number;
  /** Authenticated principal: the CRM brand, otherwise null. */
  principal: string | null;
  /** Time the vendor's data was last refreshed: `now`, or when a freeze began. */
  dataTime: number;
}

/** One simulated vendor: its data, how it changes per step, how it authenticates, its routes. */
export interface VendorModel {
  readonly id: VendorId;
  readonly drift: { field: string; renameTo: string };
  /** Applies one evolution step stamped with simulator time `at`. */
  evolve(at: number): ChangeNotice | null;
  /** Every record a manual notification should mention (null: vendor sends none). */
  notifyAll(): ChangeNotice | null;
  authenticate(request: FastifyRequest, now: number): AuthResult;
  /** Brand (or other principal) named by the request's credential, checked or not; for fault scoping. */
  principalHint?(request: FastifyRequest): string | null;
  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void;
  /** The vendor's own 401 (missing or wrong credentials); default `{"error":"invalid_token"}`. */
  unauthorized?(request: FastifyRequest): VendorAnswer;
  /** The vendor's own 429 body and headers; the pipeline adds Retry-After. */
  rateLimited?(request: FastifyRequest, retryAfterSeconds: number): VendorAnswer;
  /** The vendor's own refusals (real API shapes); without them the pipeline sends the generic bodies. */
  readonly refusals?: VendorRefusals;
  /** Named control actions (`POST /_control/vendors/:vendor/actions/:name`), e.g. expiring sync tokens. */
  readonly actions?: Readonly<Record<string, (now: number) => unknown>>;
}

/** How a real vendor says "who are you?" and "slow down"; each sends the whole answer. */
export interface VendorRefusals {
  unauthorized(reply: FastifyReply, request: FastifyRequest): FastifyReply;
  rateLimited(reply: FastifyReply, retryAfterSeconds: number, now: number): FastifyReply;
}
