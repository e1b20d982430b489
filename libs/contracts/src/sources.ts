import type { ConnectorAuthType } from './connectors';
import type { FreshnessError, SourceFreshness } from './freshness';

export const SOURCE_KINDS = ['http-pull', 'webhook'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The normalized domain a source feeds. */
export const SOURCE_DOMAINS = [
  'projects',
  'risks',
  'financials',
  'people',
  'events',
  'incidents',
  'crm-leads',
  'crm-pipeline',
  'crm-hot-list',
  'crm-notes',
  'crm-schedule',
  'metrics',
] as const;
export type SourceDomain = (typeof SOURCE_DOMAINS)[number];

export interface BusinessHours {
  timeZone: string;
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  /** Local wall-clock hours, start inclusive and end exclusive (8 and 18 = 08:00–18:00). */
  startHour: number;
  endHour: number;
}

/**
 * When a source runs: every N seconds (optionally another interval outside business
 * hours), or on a cron expression in a time zone.
 */
export type Cadence =
  | { type: 'interval'; everySeconds: number; offHoursEverySeconds?: number; businessHours?: BusinessHours }
  | { type: 'cron'; expression: string; timeZone: string };

export interface FullSyncSchedule {
  /** Cron expression for the full refresh (e.g. nightly), in `timeZone`. */
  expression: string;
  timeZone: string;
}

export interface RetryPolicy {
  /** Attempts per request, the first included. Never unbounded. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * When a failed source is tried again: exponential steps from `firstDelaySeconds`, doubled
 * after each further failure, with full jitter, capped at `maxDelaySeconds` and never later
 * than the source's next regular run. A Retry-After or an open breaker's wait comes first.
 */
export interface RetrySchedule {
  firstDelaySeconds: number;
  /** The largest step; null means the cadence interval is the cap. */
  maxDelaySeconds: number | null;
}

export interface BreakerPolicy {
  /** Consecutive failed requests that open the breaker. */
  failureThreshold: number;
  /** How long the breaker stays open before one probe request is let through. */
  halfOpenAfterMs: number;
}

export interface FreshnessSlo {
  /** Data older than this is `late`. */
  warnAfterSeconds: number;
  /** Data older than this is `stale`. */
  staleAfterSeconds: number;
  /**
   * Judge the age of the data itself (`dataAsOf`, the newest business timestamp), not only
   * of the last successful sync. Default true; turn it off for feeds whose records may
   * rightly stay unchanged for longer than the SLO (a quiet CRM pipeline, say).
   */
  trackDataAge?: boolean;
}

/** Which connector and stream a source reads, with its credential and the connector's settings. */
export interface SourceConnectorRef {
  id: string;
  stream: string;
  /** The credential the connector's auth uses (none for `auth: none`). */
  credentialId?: string | null;
  /** Values for the connector's `config` fields (base URL parts, project keys, calendar id…). */
  config?: Record<string, string>;
}

/** What an administrator writes. */
export interface SourceDefinitionInput {
  id: string;
  name: string;
  kind: SourceKind;
  connector: SourceConnectorRef;
  tenant?: string | null;
  enabled?: boolean;
  cadence: Cadence;
  fullSync?: FullSyncSchedule | null;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How a failed source is retried between its regular runs. */
  retrySchedule?: Partial<RetrySchedule>;
  breaker?: Partial<BreakerPolicy>;
  freshness: FreshnessSlo;
  /** For `webhook` sources and for webhook-triggered refreshes: the credential holding the signing secret. */
  webhookSecretCredentialId?: string | null;
}

export const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

export interface SourceStatus {
  nextRunAt: string | null;
  running: boolean;
  lastRunId: string | null;
  lastRunStatus: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastFullSyncAt: string | null;
  dataAsOf: string | null;
  cursor: string | null;
  rateLimitedUntil: string | null;
  breaker: { state: BreakerState; consecutiveFailures: number; openedAt: string | null; halfOpenAt: string | null };
  lastError: FreshnessError | null;
  freshness: SourceFreshness;
}

/** What the API answers: the definition, never a secret, plus live status. */
export interface Source extends Required<
  Omit<SourceDefinitionInput, 'retry' | 'retrySchedule' | 'breaker' | 'connector'>
> {
  domain: SourceDomain;
  connector: Required<SourceConnectorRef>;
  retry: RetryPolicy;
  retrySchedule: RetrySchedule;
  breaker: BreakerPolicy;
  timeoutMs: number;
  createdAt: string;
  updatedAt: string;
  status: SourceStatus;
}

export const CREDENTIAL_KINDS = [
  'token',
  'basic',
  'client-credentials',
  'oauth2-refresh-token',
  'service-account',
  'webhook-secret',
] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/**
 * Which credential kinds each connector auth type can use (none: no credential at all).
 * The API checks a source's credential against it; the console offers only these.
 */
export const CREDENTIAL_KINDS_FOR_AUTH: Record<ConnectorAuthType, readonly CredentialKind[]> = {
  none: [],
  basic: ['basic', 'token'],
  bearer: ['token'],
  'api-keys': ['token', 'basic', 'client-credentials'],
  'oauth2-client-credentials': ['client-credentials'],
  'oauth2-refresh-token': ['oauth2-refresh-token'],
  'jwt-bearer': ['service-account'],
};

/** Secrets go in and never come out: answers say only whether one is set. */
export interface CredentialInput {
  id: string;
  name: string;
  kind: CredentialKind;
  tenant?: string | null;
  /** Client id for `client-credentials` and `oauth2-refresh-token`, user name for `basic` (not secret). */
  clientId?: string | null;
  /** The secret: token, password, client secret, or a service account's JSON key. */
  secret: string;
  /** Further named secrets a connector asks for (`refreshToken`, `webKey`…); sealed, never returned. */
  fields?: Record<string, string>;
}

export interface Credential {
  id: string;
  name: string;
  kind: CredentialKind;
  tenant: string | null;
  clientId: string | null;
  hasSecret: boolean;
  /** Names of the further secrets set (their values are never returned). */
  fieldNames: string[];
  /** Sources that use this credential. */
  usedBy: string[];
  /** Id of the encryption key that protects the secret (for key rotation). */
  keyId: string;
  createdAt: string;
  updatedAt: string;
}
