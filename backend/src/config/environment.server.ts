import 'reflect-metadata';
import { choice, count, flag, integer, Setting, text } from './setting';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

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
  @Setting(choice(NODE_ENVS))
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /**
   * HTTP port for console, API, docs, health and metrics
   * @default `3000`
   */
  @Setting(count(1, 65535))
  PORT = 3000;

  /**
   * interface to listen on
   * @default `0.0.0.0`
   */
  @Setting(text())
  HOST = '0.0.0.0';

  /**
   * `postgres://…` selects a Postgres server; unset uses embedded PGlite
   * @default _(unset)_
   */
  @Setting(text(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// connection URL', { trim: true }))
  DATABASE_URL?: string;

  /**
   * connections per process to the Postgres server (1–100)
   * @default `10`
   */
  @Setting(count(1, 100))
  DATABASE_POOL_SIZE = 10;

  /**
   * folder of the embedded database; `memory://` keeps it in memory only
   * @default `.data/pglite`
   */
  @Setting(text(/^\S+$/, 'must be a folder path or memory://', { trim: true }))
  DATA_DIR = '.data/pglite';

  /**
   * `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`
   * @default `info`
   */
  @Setting(choice(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`))
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * comma-separated browser origins allowed to call the API
   * @default _(empty: same origin)_
   */
  @Setting(
    text(
      /^(\s*https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$|^$/,
      'must be a comma-separated list of origins like https://ops.example.com',
    ),
  )
  CORS_ORIGINS = '';

  /**
   * largest accepted request body; larger ones get 413
   * @default `1048576`
   */
  @Setting(count(1024, 52_428_800, 'bytes'))
  BODY_LIMIT_BYTES = 1_048_576;

  /**
   * console error reports per minute per client address (429 beyond); each report is at most 32 KiB
   * @default `30`
   */
  @Setting(count(1, 10_000, 'reports'))
  CLIENT_ERRORS_PER_MINUTE = 30;

  /**
   * how long `/health/ready` waits for the database
   * @default `2000`
   */
  @Setting(count(50, 60_000, 'ms'))
  HEALTH_DB_TIMEOUT_MS = 2000;

  /**
   * after SIGTERM, the longest a graceful shutdown may take before exiting
   * @default `10000`
   */
  @Setting(count(100, 120_000, 'ms'))
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * how often each backend replica records that it is alive
   * @default `15`
   */
  @Setting(count(1, 3600, 'seconds'))
  INSTANCE_HEARTBEAT_SECONDS = 15;

  /**
   * run the upstream simulator in-process and seed demo sources
   * @default `true` in development
   */
  @Setting(flag())
  DEMO_MODE?: string;

  /**
   * port of the in-process simulator (demo mode)
   * @default `4319`
   */
  @Setting(count(0, 65535))
  SIMULATOR_PORT = 4319;

  /**
   * seed of the simulator's data and fault schedule
   * @default `42`
   */
  @Setting(integer())
  SIMULATOR_SEED = 42;

  /**
   * `keyId:base64-32-bytes`, comma-separated; the first seals new secrets, all can open (key rotation)
   * @default _(unset; required in production)_
   */
  @Setting(
    text(
      /^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*)*$/,
      'must be keyId:base64 pairs of 32-byte keys, comma-separated (openssl rand -base64 32)',
    ),
  )
  ENCRYPTION_KEYS?: string;

  /**
   * outside production, a key generated once and kept here when `ENCRYPTION_KEYS` is unset
   * @default `.data/encryption.key`
   */
  @Setting(text())
  ENCRYPTION_KEY_FILE = '.data/encryption.key';

  /**
   * the built console that the backend serves
   * @default `dist/frontend/browser`
   */
  @Setting(text())
  CONSOLE_DIR = 'dist/frontend/browser';
}
