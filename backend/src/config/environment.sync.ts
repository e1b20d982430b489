import { Type } from 'class-transformer';
import { IsBooleanString, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ServerEnvironment } from './environment.server';

/** The refresh coordinator and sources' upstream calls, identity and access, portfolio alert thresholds. */
export class SyncAndAuthEnvironment extends ServerEnvironment {
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
   * longest a replica answers from its in-memory copy of source state without reading it again; changes announced by other replicas (through Redis) reach it sooner
   * @default `5000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 600000 ms' })
  @Max(600_000, { message: 'must be between 100 and 600000 ms' })
  SOURCE_STATE_MAX_AGE_MS = 5000;

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
}
