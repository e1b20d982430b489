import { ServerEnvironment } from './environment.server';
import { count, flag, Setting, text } from './setting';

/** The refresh coordinator and sources' upstream calls, identity and access, portfolio alert thresholds. */
export class SyncAndAuthEnvironment extends ServerEnvironment {
  /**
   * run the refresh coordinator on this replica
   * @default `true`
   */
  @Setting(flag())
  SYNC_ENABLED?: string;

  /**
   * how often the coordinator claims due sources
   * @default `1000`
   */
  @Setting(count(100, 60_000, 'ms'))
  SYNC_TICK_MS = 1000;

  /**
   * syncs one replica runs at the same time
   * @default `4`
   */
  @Setting(count(1, 64))
  SYNC_CONCURRENCY = 4;

  /**
   * longest a replica answers from its in-memory copy of source state (and of the webhook signing secrets it opened) without reading it again; changes announced by other replicas (through Redis) reach it sooner
   * @default `5000`
   */
  @Setting(count(100, 600_000, 'ms'))
  SOURCE_STATE_MAX_AGE_MS = 5000;

  /**
   * sync runs and raw snapshots older than this are pruned (hourly)
   * @default `14`
   */
  @Setting(count(1, 3650, 'days'))
  SYNC_RETENTION_DAYS = 14;

  /**
   * newest raw snapshots kept per source (a replay's snapshots always stay)
   * @default `200`
   */
  @Setting(count(2, 100_000))
  SNAPSHOTS_KEEP_PER_SOURCE = 200;

  /**
   * how long a source webhook's `webhook-id` is remembered: a retry inside it is answered, not applied again
   * @default `7`
   */
  @Setting(count(1, 365, 'days'))
  WEBHOOK_IDEMPOTENCY_DAYS = 7;

  /**
   * hosts, IPs or CIDR ranges sources may call although private or loopback
   * @default _(empty)_
   */
  @Setting(text(/^[\w.:/\-,\s]*$/, 'must be a comma-separated list of hosts, IPs or CIDR ranges'))
  SOURCE_ALLOWED_HOSTS = '';

  /**
   * `iss` of the access tokens
   * @default `switchyard`
   */
  @Setting(text(/^\S{1,200}$/, 'must be a non-empty string without spaces'))
  JWT_ISSUER = 'switchyard';

  /**
   * `aud` of the access tokens; others are refused
   * @default `switchyard-api`
   */
  @Setting(text(/^\S{1,200}$/, 'must be a non-empty string without spaces'))
  JWT_AUDIENCE = 'switchyard-api';

  /**
   * access token lifetime (60–3600)
   * @default `900`
   */
  @Setting(count(60, 3600, 'seconds'))
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * how long a console session lasts without use
   * @default `604800`
   */
  @Setting(count(300, 7_776_000, 'seconds'))
  REFRESH_TOKEN_TTL_SECONDS = 604_800;

  /**
   * sign-in and token requests per minute per client address (refreshes: 6 times that)
   * @default `20`
   */
  @Setting(count(1, 10_000))
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * Postgres: how often a replica reads revocations made on others (the only channel without Redis)
   * @default `2000`
   */
  @Setting(count(100, 60_000, 'ms'))
  AUTH_REVOCATION_POLL_MS = 2000;

  /**
   * take client addresses from `X-Forwarded-For` (behind a reverse proxy)
   * @default `false`
   */
  @Setting(flag())
  TRUST_PROXY?: string;

  /**
   * portfolio alert: percent over budget that warns (twice is critical)
   * @default `10`
   */
  @Setting(count(1, 500, 'percent'))
  PORTFOLIO_BUDGET_OVERRUN_PERCENT = 10;

  /**
   * portfolio alert: points behind plan that warn (twice is critical)
   * @default `10`
   */
  @Setting(count(1, 100, 'points'))
  PORTFOLIO_SCHEDULE_SLIP_POINTS = 10;

  /**
   * portfolio alert: open risk score that is critical
   * @default `15`
   */
  @Setting(count(1, 25))
  PORTFOLIO_CRITICAL_RISK_SCORE = 15;
}
