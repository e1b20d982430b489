import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { LiveUpdate, ResumeAck, TopicGrant } from '@switchyard/contracts';
import type { Observable, Subscription } from 'rxjs';
import { EVERY_PRINCIPAL, PrincipalVersionsService } from '../auth';
import { AppConfig } from '../config';
import { LiveMetrics } from './live-metrics';
import type { LiveSink } from './live-sink';
import { TopicAccessService } from './topic-access.service';
import { UpdateLog } from './update-log';

/**
 * The local fan-out: which connections of this instance follow which topic, and the glue
 * between them and the update log (subscribe at the current seq, resume from a seq,
 * heartbeats carrying every topic's seq so a silent gap is noticed).
 */
@Injectable()
export class LiveHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveHub.name);
  private readonly sinks = new Set<LiveSink>();
  private readonly byTopic = new Map<string, Set<LiveSink>>();
  private readonly latest = new Map<string, number>();
  /** `user:<id>` topics followed here: views of `alerts` (its numbering, the recipient's alerts). */
  private readonly userTopics = new Set<string>();
  private subscription: Subscription | null = null;
  private revocations: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: UpdateLog,
    private readonly access: TopicAccessService,
    private readonly metrics: LiveMetrics,
    private readonly config: AppConfig,
    private readonly versions: PrincipalVersionsService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.log.updates$.subscribe((update) => this.dispatch(update));
    // Every revocation this replica learns of (made here, relayed or polled) ends its streams
    // of that principal, as the gateway closes its sockets.
    this.revocations = this.versions.changes$.subscribe(({ principalKey }) => this.revoke(principalKey));
    this.timer = setInterval(() => this.beat(), this.config.live.heartbeatSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.revocations?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
  }

  /** Every numbered update, of every replica (a domain module's caches follow data changes with it). */
  get updates$(): Observable<LiveUpdate> {
    return this.log.updates$;
  }

  get connectionCount(): number {
    return this.sinks.size;
  }

  get subscriptionCount(): number {
    let count = 0;
    for (const sinks of this.byTopic.values()) count += sinks.size;
    return count;
  }

  attach(sink: LiveSink): void {
    this.sinks.add(sink);
    this.metrics.connections.inc({ transport: sink.transport });
  }

  detach(sink: LiveSink): void {
    if (!this.sinks.delete(sink)) return;
    for (const topic of sink.cursors.list()) this.leave(sink, topic);
    this.metrics.connections.dec({ transport: sink.transport });
  }

  /** Decides every topic, then starts the granted ones at their current seq. */
  async subscribe(sink: LiveSink, topics: unknown): Promise<TopicGrant[]> {
    const given: unknown[] = Array.isArray(topics) ? topics : [topics];
    // Anything but a string is answered as an invalid topic, never turned into text (an object
    // without a prototype cannot be).
    const invalid: TopicGrant[] = given
      .filter((name) => typeof name !== 'string')
      .map((name) => ({
        topic: `(${name === null ? 'null' : typeof name})`,
        granted: false,
        code: 'invalid_topic',
        reason: 'a topic is a string such as alerts or crm:<tenant>',
      }));
    const names = [...new Set(given.filter((name): name is string => typeof name === 'string'))];
    const limit = this.config.live.maxTopicsPerConnection;
    const results: TopicGrant[] = names.slice(limit).map((name) => ({
      topic: name,
      granted: false,
      code: 'too_many_topics',
      reason: `a connection may follow at most ${limit} topics`,
    }));
    const started: string[] = [];
    for (const name of names.slice(0, limit)) {
      const refusal = await this.admit(sink, name);
      if (refusal) {
        results.push(refusal);
        continue;
      }
      const topic = name;
      if (!sink.cursors.has(topic)) {
        this.join(sink, topic);
        started.push(topic);
      }
      results.push({ topic, granted: true, seq: 0 });
    }
    results.push(...invalid);
    const seqs = await this.log.seqs([...new Set(started.map(numberedAs))]);
    for (const topic of started) this.note(topic, seqs[numberedAs(topic)] ?? 0);
    for (const result of results) {
      if (!result.granted) continue;
      result.seq = started.includes(result.topic)
        ? sink.cursors.start(result.topic, this.latest.get(result.topic) ?? 0)
        : (sink.cursors.lastSent()[result.topic] ?? 0);
    }
    return results;
  }

  /** Replays what the client missed after `afterSeq`, or sends `resync` when that is gone. */
  async resume(sink: LiveSink, topic: unknown, afterSeq: unknown): Promise<ResumeAck> {
    const name = typeof topic === 'string' ? topic : '';
    if (!Number.isSafeInteger(afterSeq) || (afterSeq as number) < 0) {
      return { topic: name, ok: false, code: 'invalid_topic', reason: 'afterSeq must be a whole number >= 0' };
    }
    if (!sink.cursors.has(name)) {
      const refusal = await this.admit(sink, topic);
      if (refusal) return { topic: name, ok: false, code: refusal.code, reason: refusal.reason };
      this.join(sink, name);
    } else {
      sink.cursors.hold(name);
    }
    const replay = await this.log.replay(numberedAs(name), afterSeq as number);
    if (replay.ok) {
      const updates = replay.updates.map((update) => ({ ...update, topic: name }));
      sink.cursors.start(name, afterSeq as number, updates);
      return { topic: name, ok: true, replayed: replay.updates.length };
    }
    this.note(name, replay.resync.seq);
    sink.cursors.resync({ ...replay.resync, topic: name });
    this.metrics.resyncs.inc({ reason: replay.resync.reason });
    return {
      topic: name,
      ok: false,
      code: 'resync',
      reason: `cannot replay from ${String(afterSeq)}: ${replay.resync.reason}`,
    };
  }

  unsubscribe(sink: LiveSink, topics: unknown): string[] {
    const names = (Array.isArray(topics) ? topics : [topics]).filter(
      (t): t is string => typeof t === 'string' && sink.cursors.has(t),
    );
    for (const topic of names) this.leave(sink, topic);
    return names;
  }

  /** After a token change: drops the topics the new principal may no longer follow. */
  async reauthorize(sink: LiveSink): Promise<string[]> {
    const dropped: string[] = [];
    for (const topic of sink.cursors.list()) {
      const decision = await this.access.decide(sink.principal, topic);
      if (decision.granted) continue;
      this.leave(sink, topic);
      dropped.push(topic);
    }
    return dropped;
  }

  private async admit(sink: LiveSink, name: unknown): Promise<Extract<TopicGrant, { granted: false }> | null> {
    const topic = typeof name === 'string' ? name : `(${name === null ? 'null' : typeof name})`;
    if (typeof name === 'string' && sink.cursors.has(name)) return null;
    const decision = await this.access.decide(sink.principal, name);
    if (!decision.granted) {
      this.metrics.refusals.inc({ code: decision.code });
      return { topic, granted: false, code: decision.code, reason: decision.reason };
    }
    if (sink.cursors.size >= this.config.live.maxTopicsPerConnection) {
      this.metrics.refusals.inc({ code: 'too_many_topics' });
      return {
        topic,
        granted: false,
        code: 'too_many_topics',
        reason: `a connection may follow at most ${this.config.live.maxTopicsPerConnection} topics`,
      };
    }
    return null;
  }

  private revoke(principalKey: string): void {
    for (const sink of [...this.sinks]) {
      const key = `${sink.principal.kind}:${sink.principal.id}`;
      if (principalKey === EVERY_PRINCIPAL || principalKey === key) sink.revoke?.('access revoked');
    }
  }

  private join(sink: LiveSink, topic: string): void {
    sink.cursors.hold(topic);
    let sinks = this.byTopic.get(topic);
    if (!sinks) {
      sinks = new Set();
      this.byTopic.set(topic, sinks);
      if (numberedAs(topic) !== topic) this.userTopics.add(topic);
    }
    sinks.add(sink);
    this.metrics.subscriptions.inc({ topic: metricLabel(topic) });
  }

  private leave(sink: LiveSink, topic: string): void {
    sink.cursors.remove(topic);
    const sinks = this.byTopic.get(topic);
    if (!sinks?.delete(sink)) return;
    this.metrics.subscriptions.dec({ topic: metricLabel(topic) });
    if (sinks.size === 0) {
      this.byTopic.delete(topic);
      this.userTopics.delete(topic);
      if (metricLabel(topic) === topic) this.metrics.subscriptions.remove({ topic });
    }
  }

  private note(topic: string, seq: number): void {
    if (seq > (this.latest.get(topic) ?? 0)) this.latest.set(topic, seq);
  }

  private dispatch(update: LiveUpdate): void {
    this.deliverAll(update);
    if (update.topic === 'alerts') for (const topic of this.userTopics) this.deliverAll({ ...update, topic });
  }

  private deliverAll(update: LiveUpdate): void {
    this.note(update.topic, update.seq);
    const sinks = this.byTopic.get(update.topic);
    if (!sinks) return;
    this.metrics.delivery.observe(Math.max(0, Date.now() - Date.parse(update.publishedAt)) / 1000);
    for (const sink of sinks) {
      try {
        sink.cursors.deliver(update);
      } catch (error) {
        this.logger.warn({ err: error, sink: sink.id }, 'could not deliver a live update to a connection');
      }
    }
  }

  private beat(): void {
    const now = Date.now();
    const at = new Date(now).toISOString();
    for (const sink of this.sinks) {
      const seqs = sink.cursors.positions();
      for (const topic of Object.keys(seqs)) seqs[topic] = Math.max(seqs[topic], this.latest.get(topic) ?? 0);
      const tokenExpiresIn = Math.max(0, Math.floor((sink.tokenExpiresAt.getTime() - now) / 1000));
      sink.heartbeat({ at, seqs, tokenExpiresIn });
    }
  }
}

/**
 * The topic whose numbering a topic follows: `user:<id>` (seed 001's user room) is a view of
 * `alerts` narrowed to the recipient's own alerts, so it shares that topic's seqs and replay.
 */
export function numberedAs(topic: string): string {
  return topic.startsWith('user:') ? 'alerts' : topic;
}

/** Per-user and per-project topics share one label each, so the metric stays small. */
function metricLabel(topic: string): string {
  return topic.startsWith('user:') || topic.startsWith('project:') ? `${topic.slice(0, topic.indexOf(':'))}:*` : topic;
}
