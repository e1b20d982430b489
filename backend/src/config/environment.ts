import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBooleanString, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * The environment variables Switchyard reads, with their rules. Everything the
 * process reads from the environment is declared here and nowhere else.
 */
export class EnvironmentVariables {
  /**
   * `development`, `production` or `test`
   * @default `development`
   */
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /**
   * HTTP port for console, API, docs, health and metrics
   * @default `3000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  PORT = 3000;

  /**
   * interface to listen on
   * @default `0.0.0.0`
   */
  @IsString()
  HOST = '0.0.0.0';

  /**
   * `postgres://…` selects a Postgres server; unset uses embedded PGlite
   * @default _(unset)_
   */
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  /**
   * connections per process to the Postgres server (1–100)
   * @default `10`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  DATABASE_POOL_SIZE = 10;

  /**
   * folder of the embedded database; `memory://` keeps it in memory only
   * @default `.data/pglite`
   */
  @IsString()
  @Transform(trimmed)
  @Matches(/^\S+$/, { message: 'must be a folder path or memory://' })
  DATA_DIR = '.data/pglite';

  /**
   * `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`
   * @default `info`
   */
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * comma-separated browser origins allowed to call the API
   * @default _(empty: same origin)_
   */
  @IsString()
  @Matches(/^(\s*https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$|^$/, {
    message: 'must be a comma-separated list of origins like https://ops.example.com',
  })
  CORS_ORIGINS = '';

  /**
   * largest accepted request body; larger ones get 413
   * @default `1048576`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024, { message: 'must be between 1024 and 52428800 bytes' })
  @Max(52_428_800, { message: 'must be between 1024 and 52428800 bytes' })
  BODY_LIMIT_BYTES = 1_048_576;

  /**
   * console error reports per minute per client address (429 beyond); each report is at most 32 KiB
   * @default `30`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of reports' })
  @Min(1, { message: 'must be between 1 and 10000' })
  @Max(10_000, { message: 'must be between 1 and 10000' })
  CLIENT_ERRORS_PER_MINUTE = 30;

  /**
   * how long `/health/ready` waits for the database
   * @default `2000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 60000 ms' })
  @Max(60_000, { message: 'must be between 50 and 60000 ms' })
  HEALTH_DB_TIMEOUT_MS = 2000;

  /**
   * after SIGTERM, the longest a graceful shutdown may take before exiting
   * @default `10000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 120000 ms' })
  @Max(120_000, { message: 'must be between 100 and 120000 ms' })
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * how often each backend replica records that it is alive
   * @default `15`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be between 1 and 3600 seconds' })
  @Max(3600, { message: 'must be between 1 and 3600 seconds' })
  INSTANCE_HEARTBEAT_SECONDS = 15;

  /**
   * run the upstream simulator in-process and seed demo sources
   * @default `true` in development
   */
  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  DEMO_MODE?: string;

  /**
   * port of the in-process simulator (demo mode)
   * @default `4319`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  SIMULATOR_PORT = 4319;

  /**
   * seed of the simulator's data and fault schedule
   * @default `42`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  SIMULATOR_SEED = 42;

  /**
   * `keyId:base64-32-bytes`, comma-separated; the first seals new secrets, all can open (key rotation)
   * @default _(unset; required in production)_
   */
  @IsOptional()
  @Matches(/^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*)*$/, {
    message: 'must be keyId:base64 pairs of 32-byte keys, comma-separated (openssl rand -base64 32)',
  })
  ENCRYPTION_KEYS?: string;

  /**
   * outside production, a key generated once and kept here when `ENCRYPTION_KEYS` is unset
   * @default `.data/encryption.key`
   */
  @IsString()
  ENCRYPTION_KEY_FILE = '.data/encryption.key';

  /**
   * run the refresh coordinator on this replica
   * @default `true`
   */
  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  SYNC_ENABLED?: string;

  /**
   * how often the coordinator claims due sources
   * @default `1000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 ms' })
  @Max(60_000, { message: 'must be between 100 and 60000 ms' })
  SYNC_TICK_MS = 1000;

  /**
   * syncs one replica runs at the same time
   * @default `4`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 64' })
  @Max(64, { message: 'must be between 1 and 64' })
  SYNC_CONCURRENCY = 4;

  /**
   * sync runs and raw snapshots older than this are pruned (hourly)
   * @default `14`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  SYNC_RETENTION_DAYS = 14;

  /**
   * newest raw snapshots kept per source (a replay's snapshots always stay)
   * @default `200`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(2, { message: 'must be between 2 and 100000' })
  @Max(100_000, { message: 'must be between 2 and 100000' })
  SNAPSHOTS_KEEP_PER_SOURCE = 200;

  /**
   * how long a source webhook's `webhook-id` is remembered: a retry inside it is answered, not applied again
   * @default `7`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 365 days' })
  @Max(365, { message: 'must be between 1 and 365 days' })
  WEBHOOK_IDEMPOTENCY_DAYS = 7;

  /**
   * hosts, IPs or CIDR ranges sources may call although private or loopback
   * @default _(empty)_
   */
  @IsString()
  @Matches(/^[\w.:/\-,\s]*$/, { message: 'must be a comma-separated list of hosts, IPs or CIDR ranges' })
  SOURCE_ALLOWED_HOSTS = '';

  /**
   * `iss` of the access tokens
   * @default `switchyard`
   */
  @IsString()
  @Matches(/^\S{1,200}$/, { message: 'must be a non-empty string without spaces' })
  JWT_ISSUER = 'switchyard';

  /**
   * `aud` of the access tokens; others are refused
   * @default `switchyard-api`
   */
  @IsString()
  @Matches(/^\S{1,200}$/, { message: 'must be a non-empty string without spaces' })
  JWT_AUDIENCE = 'switchyard-api';

  /**
   * access token lifetime (60–3600)
   * @default `900`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60, { message: 'must be between 60 and 3600 seconds' })
  @Max(3600, { message: 'must be between 60 and 3600 seconds' })
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * how long a console session lasts without use
   * @default `604800`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(300, { message: 'must be between 300 and 7776000 seconds' })
  @Max(7_776_000, { message: 'must be between 300 and 7776000 seconds' })
  REFRESH_TOKEN_TTL_SECONDS = 604_800;

  /**
   * sign-in and token requests per minute per client address (refreshes: 6 times that)
   * @default `20`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 10000' })
  @Max(10_000, { message: 'must be between 1 and 10000' })
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * Postgres: how often a replica reads revocations made on others (the only channel without Redis)
   * @default `2000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 ms' })
  @Max(60_000, { message: 'must be between 100 and 60000 ms' })
  AUTH_REVOCATION_POLL_MS = 2000;

  /**
   * take client addresses from `X-Forwarded-For` (behind a reverse proxy)
   * @default `false`
   */
  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  TRUST_PROXY?: string;

  /**
   * portfolio alert: percent over budget that warns (twice is critical)
   * @default `10`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of percent' })
  @Min(1, { message: 'must be between 1 and 500' })
  @Max(500, { message: 'must be between 1 and 500' })
  PORTFOLIO_BUDGET_OVERRUN_PERCENT = 10;

  /**
   * portfolio alert: points behind plan that warn (twice is critical)
   * @default `10`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of points' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  PORTFOLIO_SCHEDULE_SLIP_POINTS = 10;

  /**
   * portfolio alert: open risk score that is critical
   * @default `15`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 25' })
  @Max(25, { message: 'must be between 1 and 25' })
  PORTFOLIO_CRITICAL_RISK_SCORE = 15;

  /**
   * `redis://…`: live updates, their sequence numbers and Socket.IO rooms shared by every replica
   * @default _(unset: one process)_
   */
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /**
   * prefix of every Redis key and channel (several deployments can share one Redis)
   * @default `switchyard`
   */
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be 1-64 letters, digits or _ . : -' })
  REDIS_KEY_PREFIX = 'switchyard';

  /**
   * updates kept per live topic for clients that reconnect and resume
   * @default `1000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(10, { message: 'must be between 10 and 100000' })
  @Max(100_000, { message: 'must be between 10 and 100000' })
  LIVE_BUFFER_SIZE = 1000;

  /**
   * without Redis: updates kept in memory for resuming over all topics together (about 1.3 KB each); the least recently updated topics give up their oldest first
   * @default `100000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(10, { message: 'must be between 10 and 10000000' })
  @Max(10_000_000, { message: 'must be between 10 and 10000000' })
  LIVE_BUFFER_TOTAL = 100_000;

  /**
   * how often live clients get a `heartbeat` with every topic's seq
   * @default `15`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be between 1 and 300 seconds' })
  @Max(300, { message: 'must be between 1 and 300 seconds' })
  LIVE_HEARTBEAT_SECONDS = 15;

  /**
   * larger client frames close the socket; larger updates are sent without data (`truncated`)
   * @default `65536`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024, { message: 'must be between 1024 and 10485760 bytes' })
  @Max(10_485_760, { message: 'must be between 1024 and 10485760 bytes' })
  LIVE_MAX_MESSAGE_BYTES = 65_536;

  /**
   * topics one socket or SSE stream may follow
   * @default `100`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 1000' })
  @Max(1000, { message: 'must be between 1 and 1000' })
  LIVE_MAX_TOPICS_PER_CONNECTION = 100;

  /**
   * messages queued for one socket before it gets coalesced latest-state updates
   * @default `256`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  LIVE_SLOW_CLIENT_QUEUE = 256;

  /**
   * run the operations aggregator's interval on this replica (it can be started and stopped live)
   * @default `true` (`false` in tests)
   */
  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  OPS_AGGREGATOR_ENABLED?: string;

  /**
   * how often the aggregator writes buffers, evaluates alerts and rebuilds the snapshot
   * @default `5000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(500, { message: 'must be between 500 and 3600000 ms' })
  @Max(3_600_000, { message: 'must be between 500 and 3600000 ms' })
  OPS_AGGREGATE_INTERVAL_MS = 5000;

  /**
   * data points one source may have waiting to be written; past it, ingestion answers 503
   * @default `1000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(10, { message: 'must be between 10 and 1000000' })
  @Max(1_000_000, { message: 'must be between 10 and 1000000' })
  OPS_BUFFER_SIZE = 1000;

  /**
   * buffered points that trigger a write at once
   * @default `500`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  OPS_FLUSH_BATCH_SIZE = 500;

  /**
   * longest a pushed point waits for its batch to be written
   * @default `50`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 10000 ms' })
  @Max(10_000, { message: 'must be between 0 and 10000 ms' })
  OPS_FLUSH_INTERVAL_MS = 50;

  /**
   * raw data points older than this are pruned (hourly); their rollups stay
   * @default `24`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(1, { message: 'must be between 1 and 8760 hours' })
  @Max(8760, { message: 'must be between 1 and 8760 hours' })
  OPS_RAW_RETENTION_HOURS = 24;

  /**
   * 1-minute rollups older than this are pruned
   * @default `7`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  OPS_MINUTE_ROLLUP_RETENTION_DAYS = 7;

  /**
   * 1-hour rollups older than this are pruned
   * @default `90`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  OPS_HOUR_ROLLUP_RETENTION_DAYS = 90;

  /**
   * per integration, the secret its sender signs with (see docs/webhook-senders.md): `procore=a|b,gusto=c` or JSON; several for rotation
   * @default _(empty)_
   */
  @IsString()
  INTEGRATION_WEBHOOK_SECRETS = '';

  /**
   * a file with more webhook secrets (same syntax), re-read when it changes: rotate secrets without a restart
   * @default _(unset)_
   */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  INTEGRATION_WEBHOOK_SECRETS_FILE?: string;

  /**
   * JSON per integration: `native` (default), `standard-webhooks` or a configured `hmac` scheme; see docs/webhook-senders.md
   * @default _(empty)_
   */
  @IsString()
  INTEGRATION_WEBHOOK_SCHEMES = '';

  /**
   * extra payload field names (comma-separated, any case style) whose values are redacted before storage
   * @default _(empty)_
   */
  @IsString()
  @Matches(/^[\w\s,.-]*$/, { message: 'must be a comma-separated list of field names' })
  INTEGRATION_REDACT_FIELDS = '';

  /**
   * integration webhooks per minute per client address and integration (429 beyond)
   * @default `1200`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 1000000' })
  @Max(1_000_000, { message: 'must be between 1 and 1000000' })
  INTEGRATION_WEBHOOK_RATE_LIMIT_PER_MINUTE = 1200;

  /**
   * largest integration webhook body; larger ones get 413
   * @default `262144`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024, { message: 'must be between 1024 and 52428800 bytes' })
  @Max(52_428_800, { message: 'must be between 1024 and 52428800 bytes' })
  INTEGRATION_WEBHOOK_BODY_LIMIT_BYTES = 262_144;

  /**
   * how often leftover unclassified integration events are claimed (after a restart; new ones are processed at once)
   * @default `5000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 60000 ms' })
  @Max(60_000, { message: 'must be between 50 and 60000 ms' })
  INTEGRATION_PROCESS_TICK_MS = 5000;

  /**
   * integration events older than this are pruned hourly (category corrections are kept), with resolved or ignored issues not seen since
   * @default `30`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  INTEGRATION_RETENTION_DAYS = 30;

  /**
   * OpenAI-compatible API base URL (e.g. `https://api.openai.com/v1`) that refines classifications
   * @default _(unset: off)_
   */
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL such as https://api.openai.com/v1' })
  INTEGRATION_LLM_URL?: string;

  /**
   * model name sent to that API
   * @default `gpt-4o-mini`
   */
  @IsString()
  @Matches(/^\S{1,100}$/, { message: 'must be a model name without spaces' })
  INTEGRATION_LLM_MODEL = 'gpt-4o-mini';

  /**
   * bearer key for that API
   * @default _(unset)_
   */
  @IsOptional()
  @IsString()
  INTEGRATION_LLM_API_KEY?: string;

  /**
   * how long a refinement may take before the rules' answer is kept
   * @default `5000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 ms' })
  @Max(60_000, { message: 'must be between 100 and 60000 ms' })
  INTEGRATION_LLM_TIMEOUT_MS = 5000;

  /**
   * the built console that the backend serves
   * @default `dist/frontend/browser`
   */
  @IsString()
  CONSOLE_DIR = 'dist/frontend/browser';
}

export const ENVIRONMENT_VARIABLE_NAMES = Object.keys(new EnvironmentVariables()).concat(
  'DATABASE_URL',
  'DEMO_MODE',
  'ENCRYPTION_KEYS',
  'SYNC_ENABLED',
  'TRUST_PROXY',
  'INTEGRATION_LLM_URL',
  'INTEGRATION_LLM_API_KEY',
  'OPS_AGGREGATOR_ENABLED',
  'REDIS_URL',
);
