import type { BreakerState } from './sources';
import type { FreshnessState, SourceFreshness } from './freshness';

export const SYNC_RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'partial',
  'failed',
  'skipped_unchanged',
  'skipped_breaker_open',
] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export const SYNC_TRIGGERS = ['schedule', 'manual', 'webhook', 'replay'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export const SYNC_MODES = ['full', 'incremental'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];

/** Why a sync failed, in words an on-call engineer can act on. */
export const SYNC_ERROR_CATEGORIES = [
  'timeout',
  'rate_limit',
  'upstream_error',
  'network',
  'auth',
  'data_validation',
  'configuration',
  'internal',
] as const;
export type SyncErrorCategory = (typeof SYNC_ERROR_CATEGORIES)[number];

export const SYNC_ERROR_CODES = [
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_SERVER_ERROR',
  'UPSTREAM_CLIENT_ERROR',
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_MALFORMED_RESPONSE',
  'UPSTREAM_SCHEMA_MISMATCH',
  'CREDENTIAL_MISSING',
  'BREAKER_OPEN',
  'INTERNAL_ERROR',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncRun {
  id: string;
  sourceId: string;
  trigger: SyncTrigger;
  mode: SyncMode;
  status: SyncRunStatus;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** Upstream requests made, retries included. */
  attempts: number;
  pages: number;
  recordsFetched: number;
  recordsUpserted: number;
  recordsDeleted: number;
  /** Rows not written because the stored row is newer (normalized records never move backwards). */
  recordsSkippedOlder: number;
  errorCode: SyncErrorCode | null;
  errorMessage: string | null;
  errorCategory: SyncErrorCategory | null;
  retryable: boolean | null;
  /** Seconds the upstream asked us to wait (429 Retry-After). */
  retryAfterSeconds: number | null;
  instanceId: string | null;
}

export interface RawSnapshotSummary {
  id: string;
  sourceId: string;
  runId: string;
  tenant: string | null;
  page: number;
  full: boolean;
  fetchedAt: string;
  lastSeenAt: string;
  contentHash: string;
  bytes: number;
  requestUrl: string;
}

export interface RawSnapshot extends RawSnapshotSummary {
  payload: unknown;
}

export interface RefreshAccepted {
  runId: string;
  sourceId: string;
  status: SyncRunStatus;
  /** When the run can start: now, or after the upstream's Retry-After. */
  notBefore: string;
}

export interface UpstreamHealthEntry extends SourceFreshness {
  domain: string;
  tenant: string | null;
  enabled: boolean;
  breaker: BreakerState;
  lastRunStatus: string | null;
}

/** `GET /api/v1/health`: upstream status per source. */
export interface UpstreamHealth {
  status: FreshnessState;
  counts: Record<FreshnessState, number>;
  /** Details are given to signed-in users; the public summary has counts only. */
  sources: UpstreamHealthEntry[] | null;
}

/** One finished run as a beat of a source's heartbeat strip. */
export interface RunBeat {
  id: string;
  status: SyncRunStatus;
  trigger: SyncTrigger;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  attempts: number;
  recordsFetched: number;
  errorCode: SyncErrorCode | null;
  errorMessage: string | null;
}

/** Finished runs in a window and how many of them went well (succeeded, partial or unchanged). */
export interface RunShare {
  succeeded: number;
  total: number;
}

/** Statuses that count as a good run in a success share; failed and breaker-skipped runs do not. */
export const GOOD_RUN_STATUSES: readonly SyncRunStatus[] = ['succeeded', 'partial', 'skipped_unchanged'];

/** A source's recent runs and success shares: the Sources page's heartbeat strip and uptime. */
export interface SourceRunHistory {
  sourceId: string;
  /** The last N finished runs, oldest first (the strip reads left to right). */
  recent: RunBeat[];
  last24h: RunShare;
  /** Over 30 days, or as far back as run retention keeps. */
  last30d: RunShare;
}

/** `GET /api/v1/sync-runs/history`: every visible source's history. */
export interface RunHistoryList {
  items: SourceRunHistory[];
  generatedAt: string;
}
