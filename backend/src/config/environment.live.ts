import { Transform, Type } from 'class-transformer';
import { IsBooleanString, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IdentityEnvironment } from './environment.identity';
import { trimmed } from './environment.server';

/** Live updates (Redis, buffers, limits) and the operations center's aggregator and retention. */
export class LiveAndOpsEnvironment extends IdentityEnvironment {
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
   * how often Switchyard's own failed sign-ins, token refusals and audit events are written as
   * security data points (source `switchyard-auth`)
   * @default `60000`
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 3600000 ms' })
  @Max(3_600_000, { message: 'must be between 100 and 3600000 ms' })
  OPS_SECURITY_METRICS_INTERVAL_MS = 60_000;

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
}
