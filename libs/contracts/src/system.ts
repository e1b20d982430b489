export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export type ReadinessState = 'ready' | 'not_ready';

export interface DatabaseStatus {
  kind: DatabaseKind;
  /** `SELECT version()` of the server, e.g. "PostgreSQL 18.0 ..." */
  serverVersion: string | null;
  reachable: boolean;
  latencyMs: number | null;
  migrationsApplied: number;
  /** Reason the database is not reachable, in plain English. */
  reason?: string;
}

/** One backend process; replicas register themselves so the console can show them all. */
export interface BackendInstance {
  id: string;
  hostname: string;
  pid: number;
  version: string;
  startedAt: string;
  lastSeenAt: string;
  stoppedAt: string | null;
  state: 'running' | 'missing' | 'stopped';
}

export interface SystemStatus {
  readiness: ReadinessState;
  version: string;
  nodeVersion: string;
  environment: string;
  startedAt: string;
  uptimeSeconds: number;
  instanceId: string;
  database: DatabaseStatus;
  generatedAt: string;
}

export const CLIENT_ERROR_LEVELS = ['error', 'warning'] as const;
export type ClientErrorLevel = (typeof CLIENT_ERROR_LEVELS)[number];

/** What the console sends when something breaks in a browser. */
export interface ClientErrorReport {
  level: ClientErrorLevel;
  message: string;
  url: string;
  stack?: string;
  /** Trace id of the API call that failed, if the error came from one. */
  traceId?: string;
}

export interface ClientErrorAccepted {
  id: string;
  generatedAt: string;
}
