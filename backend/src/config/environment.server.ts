import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBooleanString, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

export const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * The process itself: HTTP server, database, logging, secrets at rest, demo mode and the
 * console it serves. The first link of EnvironmentVariables (environment.ts), which declares
 * every variable the process reads.
 */
export class ServerEnvironment {
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
   * the built console that the backend serves
   * @default `dist/frontend/browser`
   */
  @IsString()
  CONSOLE_DIR = 'dist/frontend/browser';
}
