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
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Transform(trimmed)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  DATABASE_POOL_SIZE = 10;

  /** Folder of the embedded database; `memory://` keeps it in memory only. */
  @IsString()
  @Transform(trimmed)
  @Matches(/^\S+$/, { message: 'must be a folder path or memory://' })
  DATA_DIR = '.data/pglite';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Comma-separated browser origins allowed to call the API cross-site. */
  @IsString()
  @Matches(/^(\s*https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$|^$/, {
    message: 'must be a comma-separated list of origins like https://ops.example.com',
  })
  CORS_ORIGINS = '';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024, { message: 'must be between 1024 and 52428800 bytes' })
  @Max(52_428_800, { message: 'must be between 1024 and 52428800 bytes' })
  BODY_LIMIT_BYTES = 1_048_576;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 60000 ms' })
  @Max(60_000, { message: 'must be between 50 and 60000 ms' })
  HEALTH_DB_TIMEOUT_MS = 2000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 120000 ms' })
  @Max(120_000, { message: 'must be between 100 and 120000 ms' })
  SHUTDOWN_TIMEOUT_MS = 10_000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be between 1 and 3600 seconds' })
  @Max(3600, { message: 'must be between 1 and 3600 seconds' })
  INSTANCE_HEARTBEAT_SECONDS = 15;

  /** Seeds demo sources and runs the upstream simulator in-process. On by default outside production and tests. */
  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  DEMO_MODE?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  SIMULATOR_PORT = 4319;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  SIMULATOR_SEED = 42;

  /** Encryption keys for secrets at rest: `keyId:base64-32-bytes`, comma-separated, the first encrypts. */
  @IsOptional()
  @Matches(/^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*)*$/, {
    message: 'must be keyId:base64 pairs of 32-byte keys, comma-separated (openssl rand -base64 32)',
  })
  ENCRYPTION_KEYS?: string;

  /** Where a generated key is kept when ENCRYPTION_KEYS is not set (development only). */
  @IsString()
  ENCRYPTION_KEY_FILE = '.data/encryption.key';

  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  SYNC_ENABLED?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 ms' })
  @Max(60_000, { message: 'must be between 100 and 60000 ms' })
  SYNC_TICK_MS = 1000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 64' })
  @Max(64, { message: 'must be between 1 and 64' })
  SYNC_CONCURRENCY = 4;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  SYNC_RETENTION_DAYS = 14;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(2, { message: 'must be between 2 and 100000' })
  @Max(100_000, { message: 'must be between 2 and 100000' })
  SNAPSHOTS_KEEP_PER_SOURCE = 200;

  /**
   * How long a pushed event's `webhook-id` is remembered, so a sender's retry is answered
   * instead of applied again. Longer than Standard Webhooks senders retry (about 3 days).
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 365 days' })
  @Max(365, { message: 'must be between 1 and 365 days' })
  WEBHOOK_IDEMPOTENCY_DAYS = 7;

  /** Hosts, IP addresses or CIDR ranges that sources may call although they are private. */
  @IsString()
  @Matches(/^[\w.:/\-,\s]*$/, { message: 'must be a comma-separated list of hosts, IPs or CIDR ranges' })
  SOURCE_ALLOWED_HOSTS = '';

  /** `iss` of the tokens Switchyard signs. */
  @IsString()
  @Matches(/^\S{1,200}$/, { message: 'must be a non-empty string without spaces' })
  JWT_ISSUER = 'switchyard';

  /** `aud` of the access tokens; tokens for any other audience are refused. */
  @IsString()
  @Matches(/^\S{1,200}$/, { message: 'must be a non-empty string without spaces' })
  JWT_AUDIENCE = 'switchyard-api';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60, { message: 'must be between 60 and 3600 seconds' })
  @Max(3600, { message: 'must be between 60 and 3600 seconds' })
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(300, { message: 'must be between 300 and 7776000 seconds' })
  @Max(7_776_000, { message: 'must be between 300 and 7776000 seconds' })
  REFRESH_TOKEN_TTL_SECONDS = 604_800;

  /** Login and token requests per minute per client address. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 10000' })
  @Max(10_000, { message: 'must be between 1 and 10000' })
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * Postgres only: how often each replica reads revocations other replicas made. With Redis
   * they arrive at once and this is the backstop; without Redis it bounds how long another
   * replica may still accept a revoked token.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 ms' })
  @Max(60_000, { message: 'must be between 100 and 60000 ms' })
  AUTH_REVOCATION_POLL_MS = 2000;

  /** Trust X-Forwarded-For from a reverse proxy (for client addresses in rate limits and audit). */
  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  TRUST_PROXY?: string;

  /** Portfolio alerts: percent over budget that warns (twice this is critical). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of percent' })
  @Min(1, { message: 'must be between 1 and 500' })
  @Max(500, { message: 'must be between 1 and 500' })
  PORTFOLIO_BUDGET_OVERRUN_PERCENT = 10;

  /** Portfolio alerts: points behind plan that warn (twice this is critical). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of points' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  PORTFOLIO_SCHEDULE_SLIP_POINTS = 10;

  /** Portfolio alerts: open risks scoring at least this (probability × impact) are critical. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 25' })
  @Max(25, { message: 'must be between 1 and 25' })
  PORTFOLIO_CRITICAL_RISK_SCORE = 15;

  /** Redis for several replicas: live updates and Socket.IO rooms cross instances through it. Unset: one process. */
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be 1-64 letters, digits or _ . : -' })
  REDIS_KEY_PREFIX = 'switchyard';

  /** Updates kept per live topic for clients that reconnect and resume. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(10, { message: 'must be between 10 and 100000' })
  @Max(100_000, { message: 'must be between 10 and 100000' })
  LIVE_BUFFER_SIZE = 1000;

  /** Without Redis: updates kept in memory for resuming, over all topics together (a memory bound). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(10, { message: 'must be between 10 and 10000000' })
  @Max(10_000_000, { message: 'must be between 10 and 10000000' })
  LIVE_BUFFER_TOTAL = 100_000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be between 1 and 300 seconds' })
  @Max(300, { message: 'must be between 1 and 300 seconds' })
  LIVE_HEARTBEAT_SECONDS = 15;

  /** Largest live message: bigger client frames are refused, bigger updates are sent without data. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024, { message: 'must be between 1024 and 10485760 bytes' })
  @Max(10_485_760, { message: 'must be between 1024 and 10485760 bytes' })
  LIVE_MAX_MESSAGE_BYTES = 65_536;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 1000' })
  @Max(1000, { message: 'must be between 1 and 1000' })
  LIVE_MAX_TOPICS_PER_CONNECTION = 100;

  /** Messages queued for one client before it counts as slow and gets coalesced updates. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  LIVE_SLOW_CLIENT_QUEUE = 256;

  /** Runs the operations aggregator's timer. On by default outside tests. */
  @IsOptional()
  @IsBooleanString({ message: 'must be true or false' })
  OPS_AGGREGATOR_ENABLED?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(500, { message: 'must be between 500 and 3600000 ms' })
  @Max(3_600_000, { message: 'must be between 500 and 3600000 ms' })
  OPS_AGGREGATE_INTERVAL_MS = 5000;

  /** Data points one source may have waiting to be written; past it, ingestion answers 503. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(10, { message: 'must be between 10 and 1000000' })
  @Max(1_000_000, { message: 'must be between 10 and 1000000' })
  OPS_BUFFER_SIZE = 1000;

  /** Buffered points that trigger a write at once. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  OPS_FLUSH_BATCH_SIZE = 500;

  /** Longest a buffered point waits for its batch to be written. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 10000 ms' })
  @Max(10_000, { message: 'must be between 0 and 10000 ms' })
  OPS_FLUSH_INTERVAL_MS = 50;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(1, { message: 'must be between 1 and 8760 hours' })
  @Max(8760, { message: 'must be between 1 and 8760 hours' })
  OPS_RAW_RETENTION_HOURS = 24;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  OPS_MINUTE_ROLLUP_RETENTION_DAYS = 7;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  OPS_HOUR_ROLLUP_RETENTION_DAYS = 90;

  /** Webhook secrets per integration (signing secret, verifier token or hook header): `procore=a|b,gusto=c` or JSON. */
  @IsString()
  INTEGRATION_WEBHOOK_SECRETS = '';

  /**
   * A file with more webhook secrets (same syntax), re-read when it changes: secrets are
   * rotated without a restart (a mounted secret, a file an operator edits).
   */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  INTEGRATION_WEBHOOK_SECRETS_FILE?: string;

  /** Signing scheme per integration (JSON); unset: each sender's native scheme, plus Standard Webhooks. */
  @IsString()
  INTEGRATION_WEBHOOK_SCHEMES = '';

  /** Extra payload field names (comma-separated) whose values are redacted before storage. */
  @IsString()
  @Matches(/^[\w\s,.-]*$/, { message: 'must be a comma-separated list of field names' })
  INTEGRATION_REDACT_FIELDS = '';

  /** Integration webhooks per minute per client address and integration. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 1000000' })
  @Max(1_000_000, { message: 'must be between 1 and 1000000' })
  INTEGRATION_WEBHOOK_RATE_LIMIT_PER_MINUTE = 1200;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024, { message: 'must be between 1024 and 52428800 bytes' })
  @Max(52_428_800, { message: 'must be between 1024 and 52428800 bytes' })
  INTEGRATION_WEBHOOK_BODY_LIMIT_BYTES = 262_144;

  /** How often stored but unprocessed integration events are claimed and classified. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 60000 ms' })
  @Max(60_000, { message: 'must be between 50 and 60000 ms' })
  INTEGRATION_PROCESS_TICK_MS = 5000;

  /** Integration events (and closed issues) older than this are pruned, hourly. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  INTEGRATION_RETENTION_DAYS = 30;

  /** OpenAI-compatible API base URL for the optional classifier refinement; unset keeps it off. */
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL such as https://api.openai.com/v1' })
  INTEGRATION_LLM_URL?: string;

  @IsString()
  @Matches(/^\S{1,100}$/, { message: 'must be a model name without spaces' })
  INTEGRATION_LLM_MODEL = 'gpt-4o-mini';

  @IsOptional()
  @IsString()
  INTEGRATION_LLM_API_KEY?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 ms' })
  @Max(60_000, { message: 'must be between 100 and 60000 ms' })
  INTEGRATION_LLM_TIMEOUT_MS = 5000;

  /** Folder of the built console (index.html and assets). */
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
