import type { SourceFreshness } from './freshness';

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

/** Normalizers Switchyard ships, by name; each belongs to one domain. */
export const NORMALIZERS = {
  'pm.projects.v1': 'projects',
  'pm.risks.v1': 'risks',
  'pm.financials.v1': 'financials',
  'hris.departments.v1': 'people',
  'calendar.events.v1': 'events',
  'ticketing.tickets.v1': 'incidents',
  'crm.leads.v1': 'crm-leads',
  'crm.pipeline.v1': 'crm-pipeline',
  'crm.hot-list.v1': 'crm-hot-list',
  'crm.notes.v1': 'crm-notes',
  'crm.schedule.v1': 'crm-schedule',
  'metrics.series.v1': 'metrics',
} as const satisfies Record<string, SourceDomain>;
export type NormalizerName = keyof typeof NORMALIZERS;
export const NORMALIZER_NAMES = Object.keys(NORMALIZERS) as NormalizerName[];

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

export type SourceAuth =
  | { type: 'none' }
  | { type: 'bearer'; credentialId: string }
  | { type: 'api-key'; credentialId: string; header: string }
  | { type: 'oauth2-client-credentials'; credentialId: string; tokenUrl: string; scope?: string };

export type Pagination =
  | { type: 'none' }
  | { type: 'page'; pageParam: string; sizeParam: string; pageSize: number; itemsPath: string; maxPages: number }
  | { type: 'offset'; offsetParam: string; limitParam: string; pageSize: number; itemsPath: string; maxPages: number }
  | {
      type: 'cursor';
      cursorParam: string;
      limitParam: string;
      pageSize: number;
      itemsPath: string;
      nextCursorPath: string;
      maxPages: number;
    };

export interface IncrementalSync {
  /** Query parameter that asks the upstream for records changed since the cursor. */
  param: string;
  /** Record field whose newest value becomes the next cursor. */
  cursorField: string;
}

export interface SourceRequest {
  url: string;
  auth: SourceAuth;
  pagination: Pagination;
  incremental: IncrementalSync | null;
  /** Top-level response fields that change on every call (e.g. `generatedAt`), left out of the content hash. */
  volatileFields: string[];
}

/** A request as written: pagination, incremental sync and volatile fields may be left out. */
export type SourceRequestInput = Pick<SourceRequest, 'url' | 'auth'> &
  Partial<Pick<SourceRequest, 'pagination' | 'incremental' | 'volatileFields'>>;

/** What an administrator writes. */
export interface SourceDefinitionInput {
  id: string;
  name: string;
  kind: SourceKind;
  normalizer: NormalizerName;
  tenant?: string | null;
  enabled?: boolean;
  cadence: Cadence;
  fullSync?: FullSyncSchedule | null;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  breaker?: Partial<BreakerPolicy>;
  freshness: FreshnessSlo;
  request?: SourceRequestInput | null;
  /** Canonical field name -> upstream field name, for upstream renames. */
  mapping?: Record<string, string>;
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
  lastError: { code: string; message: string; category: string; at: string } | null;
  freshness: SourceFreshness;
}

/** What the API answers: the definition, never a secret, plus live status. */
export interface Source extends Required<Omit<SourceDefinitionInput, 'retry' | 'breaker' | 'request'>> {
  domain: SourceDomain;
  retry: RetryPolicy;
  breaker: BreakerPolicy;
  timeoutMs: number;
  request: SourceRequest | null;
  createdAt: string;
  updatedAt: string;
  status: SourceStatus;
}

export const CREDENTIAL_KINDS = ['token', 'client-credentials', 'webhook-secret'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Secrets go in and never come out: answers say only whether one is set. */
export interface CredentialInput {
  id: string;
  name: string;
  kind: CredentialKind;
  tenant?: string | null;
  /** Client id for `client-credentials` (not secret). */
  clientId?: string | null;
  secret: string;
}

export interface Credential {
  id: string;
  name: string;
  kind: CredentialKind;
  tenant: string | null;
  clientId: string | null;
  hasSecret: boolean;
  /** Id of the encryption key that protects the secret (for key rotation). */
  keyId: string;
  createdAt: string;
  updatedAt: string;
}
