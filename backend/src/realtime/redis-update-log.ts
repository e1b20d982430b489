import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { LiveUpdate } from '@switchyard/contracts';
import type { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { AppConfig } from '../config';
import { RedisConnections } from './redis-connections';
import { judgeReplay, UpdateLog, type ReplayResult, type UpdateDraft } from './update-log';

/**
 * Numbering, buffering and broadcasting in one Lua script, which Redis runs atomically:
 * two replicas numbering updates of one topic at once still publish them in seq order,
 * so every subscriber of the channel sees each topic's updates in order.
 * When the counter is missing (Redis restarted, nothing kept) it restarts from the floor.
 */
const APPEND_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[3]) end
local seq = redis.call('INCR', KEYS[1])
local message = '{"seq":' .. seq .. ',' .. string.sub(ARGV[1], 2)
redis.call('ZADD', KEYS[2], seq, message)
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('PUBLISH', ARGV[4], message)
return seq
`;

/** How long a topic's replay buffer outlives its last update. */
const BUFFER_TTL_SECONDS = 24 * 3600;

type AppendingRedis = Redis & {
  liveAppend(seqKey: string, bufferKey: string, ...args: Array<string | number>): Promise<number>;
};

@Injectable()
export class RedisUpdateLog extends UpdateLog implements OnModuleInit {
  private readonly logger = new Logger(RedisUpdateLog.name);
  private readonly subject = new Subject<LiveUpdate>();
  readonly updates$: Observable<LiveUpdate> = this.subject.asObservable();
  private commands!: AppendingRedis;
  private readonly channel: string;
  /** Highest seq seen per topic: if Redis lost its counters (restart), numbering resumes above it. */
  private readonly seen = new Map<string, number>();
  /** While catching up after a reconnect: live messages held until the missed ones are out. */
  private waiting: LiveUpdate[] | null = null;

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {
    super();
    this.channel = redis.key('live', 'updates');
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) return;
    this.commands = this.redis.open('live-commands') as AppendingRedis;
    this.commands.defineCommand('liveAppend', { numberOfKeys: 2, lua: APPEND_SCRIPT });
    const subscriber = this.redis.open('live-updates');
    subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    await subscriber.subscribe(this.channel);
    // Pub/sub keeps nothing: what was published while this connection was away (a Redis
    // restart, a network blip) is fetched from the replay buffers when it is back.
    subscriber.on('ready', () => void this.catchUp());
  }

  /**
   * Replays, per topic this instance has seen, the updates published while the subscriber
   * was reconnecting; live messages arriving meanwhile wait, so each topic stays in order.
   */
  private async catchUp(held: LiveUpdate[] = []): Promise<void> {
    if (this.waiting) {
      this.waiting.push(...held);
      return;
    }
    this.waiting = [...held];
    try {
      for (const [topic, seq] of [...this.seen]) {
        const missed = await this.replay(topic, seq);
        if (missed.ok) for (const update of missed.updates) this.deliver(update);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not fetch live updates missed during a Redis reconnect');
    } finally {
      const waiting = this.waiting.sort((x, y) => x.seq - y.seq);
      this.waiting = null;
      for (const update of waiting) this.deliver(update);
    }
  }

  /** One script call per draft, sent together: Redis runs them in the order they were sent. */
  appendAll(drafts: UpdateDraft[]): Promise<number[]> {
    return Promise.all(drafts.map((draft) => this.appendOne(draft)));
  }

  private async appendOne(draft: UpdateDraft): Promise<number> {
    const body = JSON.stringify({ ...draft, publishedAt: new Date().toISOString() });
    return Number(
      await this.commands.liveAppend(
        this.seqKey(draft.topic),
        this.bufferKey(draft.topic),
        body,
        this.config.live.bufferSize,
        this.seen.get(draft.topic) ?? 0,
        this.channel,
        BUFFER_TTL_SECONDS,
      ),
    );
  }

  async replay(topic: string, afterSeq: number): Promise<ReplayResult> {
    const results = await this.commands
      .multi()
      .get(this.seqKey(topic))
      .zrangebyscore(this.bufferKey(topic), `(${afterSeq}`, '+inf')
      .exec();
    const current = Number(results?.[0]?.[1] ?? 0);
    const buffered = ((results?.[1]?.[1] as string[] | undefined) ?? []).map((m) => JSON.parse(m) as LiveUpdate);
    return judgeReplay(topic, afterSeq, current, buffered);
  }

  async seqs(topics: string[]): Promise<Record<string, number>> {
    if (topics.length === 0) return {};
    const values = await this.commands.mget(...topics.map((t) => this.seqKey(t)));
    return Object.fromEntries(topics.map((t, i) => [t, Number(values[i] ?? 0)]));
  }

  private receive(message: string): void {
    let update: LiveUpdate;
    try {
      update = JSON.parse(message) as LiveUpdate;
    } catch (error) {
      this.logger.error({ err: error }, 'unreadable live update on the Redis channel');
      return;
    }
    if (this.waiting) {
      this.waiting.push(update);
      return;
    }
    const last = this.seen.get(update.topic);
    if (last !== undefined && update.seq > last + 1) {
      // A gap: something published while this connection was away. Fetch it first.
      void this.catchUp([update]);
      return;
    }
    this.deliver(update);
  }

  /** Hands an update on once, in seq order per topic (replays and live messages may overlap). */
  private deliver(update: LiveUpdate): void {
    if (update.seq <= (this.seen.get(update.topic) ?? 0)) return;
    this.seen.set(update.topic, update.seq);
    this.subject.next(update);
  }

  private seqKey(topic: string): string {
    return this.redis.key('live', 'seq', topic);
  }

  private bufferKey(topic: string): string {
    return this.redis.key('live', 'buffer', topic);
  }
}
