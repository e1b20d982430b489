import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { DomainEvent, Freshness } from '@switchyard/contracts';
import type { Subscription } from 'rxjs';
import { isDatabaseUnavailable, KeyedSerialQueue } from '../common';
import { AppConfig } from '../config';
import { DomainEventBus } from '../events';
import { FreshnessService, SourcesService } from '../sources';
import { LiveMetrics } from './live-metrics';
import { LiveRoutes, type FreshnessScope, type RoutedUpdate, type SourceChange } from './live-routes';
import { routeEvent, sourceChangeOf, type DataRoutes } from './topic-routes';
import { UpdateLog, type UpdateDraft } from './update-log';

type SourceFacts = Pick<SourceChange, 'domain' | 'tenant'>;

/** How long a computed freshness is reused for the next updates of the same scope. */
const FRESHNESS_REUSE_MS = 1000;
/**
 * How long an update whose write was already acknowledged waits for the database to come
 * back (a restart, a failover) before it is given up and logged. Retries happen inside
 * the topic's serial queue, so later updates of the topic wait behind it: order is kept.
 */
const DATABASE_WAIT_MS = 120_000;
const RETRY_DELAY_MS = { first: 200, max: 2000 };

/**
 * Turns every domain event raised in this process into numbered topic updates, exactly
 * once cluster-wide (each replica publishes only its own events). Routing runs in event
 * order; numbering runs in order per topic and concurrently across topics.
 */
@Injectable()
export class LivePublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LivePublisher.name);
  private subscription: Subscription | null = null;
  private routing: Promise<void> = Promise.resolve();
  private readonly topics = new KeyedSerialQueue();
  /** Per topic, routed updates waiting for the topic's next numbering. */
  private readonly pending = new Map<string, RoutedUpdate[]>();
  /** Computed freshness per scope; `arrivals` is how many events had arrived when it was read. */
  private readonly freshnessCache = new Map<
    string,
    { at: number; arrivals: number; scope: FreshnessScope; value: Promise<Freshness> }
  >();
  /** Events received so far, counted as they are published (before routing). */
  private arrivals = 0;
  private closing = false;

  constructor(
    private readonly bus: DomainEventBus,
    private readonly log: UpdateLog,
    private readonly sources: SourcesService,
    private readonly freshness: FreshnessService,
    private readonly routes: LiveRoutes,
    private readonly metrics: LiveMetrics,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.events$.subscribe((event) => {
      const arrival = (this.arrivals += 1);
      this.routing = this.routing.then(() => this.route(event, arrival));
    });
  }

  /** Waits until every event raised so far is numbered and broadcast (shutdown, tests). */
  async settled(): Promise<void> {
    await this.routing;
    await this.topics.idle();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.subscription?.unsubscribe();
    await this.settled();
  }

  private async route(event: DomainEvent, arrival: number): Promise<void> {
    try {
      const { source, routes } = await this.whileDatabaseDown('route', () => this.lookUp(event));
      this.forget(event, arrival, source);
      for (const update of routeEvent(event, routes)) this.enqueue(update);
    } catch (error) {
      this.metrics.publishFailures.inc();
      this.logger.error({ err: error, eventType: event.type }, 'could not route a domain event to live topics');
    }
  }

  /**
   * Drops cached freshness the event may have changed: the scopes that include its source,
   * read before the event arrived. Events are published after their change is committed,
   * so a read begun after the event arrived already sees it (a run's `records.changed` and
   * `sync.finished` then share one read).
   */
  private forget(event: DomainEvent, arrival: number, source: SourceFacts | null): void {
    if (event.type === 'sync.started' || !('sourceId' in event)) return;
    if (event.type === 'source.changed' || !source) {
      this.freshnessCache.clear();
      return;
    }
    for (const [key, { scope, arrivals }] of this.freshnessCache) {
      if (arrivals >= arrival) continue;
      const affected =
        scope.kind === 'source'
          ? scope.sourceId === event.sourceId
          : scope.domains.includes(source.domain) && (scope.tenant === undefined || scope.tenant === source.tenant);
      if (affected) this.freshnessCache.delete(key);
    }
  }

  /**
   * Queues an update behind its topic's earlier ones. Updates that queue up while the topic's
   * last batch is being numbered go together in its next batch: one numbering for all of them,
   * in the order they were routed.
   */
  private enqueue(update: RoutedUpdate): void {
    const waiting = this.pending.get(update.topic);
    if (waiting) {
      waiting.push(update);
      return;
    }
    this.pending.set(update.topic, [update]);
    void this.topics.run(update.topic, () => this.publish(update.topic));
  }

  private async publish(topic: string): Promise<void> {
    const batch = this.pending.get(topic) ?? [];
    this.pending.delete(topic);
    try {
      await this.whileDatabaseDown(topic, () => this.number(batch));
      this.metrics.published.inc({ kind: topic.split(':')[0] }, batch.length);
    } catch (error) {
      this.metrics.publishFailures.inc(batch.length);
      this.logger.error({ err: error, topic, updates: batch.length }, 'could not number and broadcast live updates');
    }
  }

  /**
   * Runs `work`, retrying with backoff while the database is unreachable (up to
   * DATABASE_WAIT_MS, and not once the app is closing); any other error is thrown.
   */
  private async whileDatabaseDown<T>(what: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    let delay = RETRY_DELAY_MS.first;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        const waiting = Date.now() - started < DATABASE_WAIT_MS && !this.closing;
        if (!waiting || !isDatabaseUnavailable(error)) throw error;
        if (attempt === 1) this.logger.warn({ err: error, what }, 'database unreachable; live update waits for it');
        // A failed lookup must not be reused on the next attempt.
        this.freshnessCache.clear();
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, RETRY_DELAY_MS.max);
      }
    }
  }

  private async number(batch: RoutedUpdate[]): Promise<void> {
    const drafts: UpdateDraft[] = [];
    for (const update of batch) {
      const freshness = update.freshness ? await this.freshnessOf(update.freshness) : null;
      const size = Buffer.byteLength(JSON.stringify(update.data ?? null));
      const tooBig = size > this.config.live.maxMessageBytes;
      drafts.push({
        topic: update.topic,
        type: update.type,
        at: update.at,
        data: tooBig ? null : update.data,
        freshness,
        ...(tooBig ? { truncated: true } : {}),
      });
    }
    await this.log.appendAll(drafts);
  }

  /**
   * The event's source (domain and tenant) and, for a records or freshness change, the topics
   * it feeds and the topics the domain modules route it to (their lookups run here).
   */
  private async lookUp(event: DomainEvent): Promise<{ source: SourceFacts | null; routes: DataRoutes | null }> {
    if (!('sourceId' in event) || event.type === 'source.changed') return { source: null, routes: null };
    const source =
      event.type === 'records.changed'
        ? { domain: event.domain, tenant: event.tenant }
        : ((await this.sources.known()).find((s) => s.id === event.sourceId) ?? null);
    const change = sourceChangeOf(event, source);
    if (!change) return { source, routes: null };
    return {
      source,
      routes: { change, domainTopics: this.routes.domainSources(), touched: await this.routes.touched(change) },
    };
  }

  private freshnessOf(scope: FreshnessScope): Promise<Freshness> {
    const key = JSON.stringify(scope);
    const cached = this.freshnessCache.get(key);
    const now = Date.now();
    if (cached && now - cached.at < FRESHNESS_REUSE_MS) return cached.value;
    const value = this.sources.known().then((all) =>
      this.freshness.summarizeSources(
        all.filter((source) => {
          if (scope.kind === 'source') return source.id === scope.sourceId;
          return (
            scope.domains.includes(source.domain) && (scope.tenant === undefined || source.tenant === scope.tenant)
          );
        }),
      ),
    );
    this.freshnessCache.set(key, { at: now, arrivals: this.arrivals, scope, value });
    value.catch(() => this.freshnessCache.delete(key));
    return value;
  }
}
