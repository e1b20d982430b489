import { IdentityEnvironment } from './environment.identity';
import { count, flag, Setting, text } from './setting';

/** Live updates (Redis, buffers, limits) and the operations center's aggregator and retention. */
export class LiveAndOpsEnvironment extends IdentityEnvironment {
  /**
   * `redis://…`: live updates, their sequence numbers and Socket.IO rooms shared by every replica
   * @default _(unset: one process)_
   */
  @Setting(text(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL', { trim: true }))
  REDIS_URL?: string;

  /**
   * prefix of every Redis key and channel (several deployments can share one Redis)
   * @default `switchyard`
   */
  @Setting(text(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 letters, digits or _ . : -'))
  REDIS_KEY_PREFIX = 'switchyard';

  /**
   * updates kept per live topic for clients that reconnect and resume
   * @default `1000`
   */
  @Setting(count(10, 100_000))
  LIVE_BUFFER_SIZE = 1000;

  /**
   * without Redis: updates kept in memory for resuming over all topics together (about 1.3 KB each); the least recently updated topics give up their oldest first
   * @default `100000`
   */
  @Setting(count(10, 10_000_000))
  LIVE_BUFFER_TOTAL = 100_000;

  /**
   * how often live clients get a `heartbeat` with every topic's seq
   * @default `15`
   */
  @Setting(count(1, 300, 'seconds'))
  LIVE_HEARTBEAT_SECONDS = 15;

  /**
   * larger client frames close the socket; larger updates are sent without data (`truncated`)
   * @default `65536`
   */
  @Setting(count(1024, 10_485_760, 'bytes'))
  LIVE_MAX_MESSAGE_BYTES = 65_536;

  /**
   * topics one socket or SSE stream may follow
   * @default `100`
   */
  @Setting(count(1, 1000))
  LIVE_MAX_TOPICS_PER_CONNECTION = 100;

  /**
   * messages queued for one socket before it gets coalesced latest-state updates
   * @default `256`
   */
  @Setting(count(1, 100_000))
  LIVE_SLOW_CLIENT_QUEUE = 256;

  /**
   * run the operations aggregator's interval on this replica (it can be started and stopped live)
   * @default `true` (`false` in tests)
   */
  @Setting(flag())
  OPS_AGGREGATOR_ENABLED?: string;

  /**
   * how often the aggregator writes buffers, evaluates alerts and rebuilds the snapshot
   * @default `5000`
   */
  @Setting(count(500, 3_600_000, 'ms'))
  OPS_AGGREGATE_INTERVAL_MS = 5000;

  /**
   * how often Switchyard's own failed sign-ins, token refusals and audit events are written as
   * security data points (source `switchyard-auth`)
   * @default `60000`
   */
  @Setting(count(100, 3_600_000, 'ms'))
  OPS_SECURITY_METRICS_INTERVAL_MS = 60_000;

  /**
   * data points one source may have waiting to be written; past it, ingestion answers 503
   * @default `1000`
   */
  @Setting(count(10, 1_000_000))
  OPS_BUFFER_SIZE = 1000;

  /**
   * buffered points that trigger a write at once
   * @default `500`
   */
  @Setting(count(1, 100_000))
  OPS_FLUSH_BATCH_SIZE = 500;

  /**
   * longest a pushed point waits for its batch to be written
   * @default `50`
   */
  @Setting(count(0, 10_000, 'ms'))
  OPS_FLUSH_INTERVAL_MS = 50;

  /**
   * raw data points older than this are pruned (hourly); their rollups stay
   * @default `24`
   */
  @Setting(count(1, 8760, 'hours'))
  OPS_RAW_RETENTION_HOURS = 24;

  /**
   * 1-minute rollups older than this are pruned
   * @default `7`
   */
  @Setting(count(1, 3650, 'days'))
  OPS_MINUTE_ROLLUP_RETENTION_DAYS = 7;

  /**
   * 1-hour rollups older than this are pruned
   * @default `90`
   */
  @Setting(count(1, 3650, 'days'))
  OPS_HOUR_ROLLUP_RETENTION_DAYS = 90;
}
