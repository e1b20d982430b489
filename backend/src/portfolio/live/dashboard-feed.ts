import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_SERVER_EVENTS,
  type DashboardKpis,
  type DashboardSubscribeAck,
  type MetricsAck,
  type PortfolioName,
} from '@switchyard/contracts';
import type { Subscription } from 'rxjs';
import { LiveHub, type LiveClient, type LiveRouteSet } from '../../realtime';
import { PortfolioService } from '../portfolio.service';

export const MIN_DASHBOARD_INTERVAL_MS = 10_000;
const MAX_DASHBOARD_INTERVAL_MS = 3_600_000;
const DEFAULT_DASHBOARD_INTERVAL_MS = 30_000;

/**
 * The executive blueprint's socket API: `subscribe:dashboard` pushes the whole dashboard
 * now and every refresh interval (never more often than every 10 s) besides the topic's
 * change updates; `request:metrics` answers chosen KPIs on demand. It also tells the
 * portfolio service's dashboard cache about data changes numbered on other replicas.
 */
@Injectable()
export class DashboardFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DashboardFeed.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly hub: LiveHub,
    private readonly portfolios: PortfolioService,
  ) {}

  /** The socket events it answers, for the portfolio's live routes. */
  requests(): NonNullable<LiveRouteSet['requests']> {
    return {
      [LIVE_CLIENT_EVENTS.subscribeDashboard]: (client, body) => this.subscribe(client, body),
      [LIVE_CLIENT_EVENTS.requestMetrics]: (client, body) => this.metrics(client, body),
    };
  }

  onModuleInit(): void {
    // Every replica's updates arrive here. The change relay already told this replica's
    // caches; this second path makes sure a client told of an update is never answered from
    // a cache that the relay's message has not reached yet.
    this.subscription = this.hub.updates$.subscribe((update) => {
      const dataChanged = update.topic.startsWith('dashboard:') && update.type === 'records.changed';
      if (dataChanged || update.type === 'source.changed') this.portfolios.forgetComputed();
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async subscribe(sink: LiveClient, body: unknown): Promise<DashboardSubscribeAck> {
    const request = (typeof body === 'object' && body !== null ? body : {}) as {
      portfolio?: unknown;
      refreshInterval?: unknown;
    };
    if (typeof request.portfolio !== 'string')
      return invalid('portfolio is required (Technology, Operations, Business or All)');
    if (request.refreshInterval !== undefined && typeof request.refreshInterval !== 'number') {
      return invalid('refreshInterval must be a number of milliseconds');
    }
    const interval = Math.min(
      MAX_DASHBOARD_INTERVAL_MS,
      Math.max(MIN_DASHBOARD_INTERVAL_MS, Math.round(request.refreshInterval ?? DEFAULT_DASHBOARD_INTERVAL_MS)),
    );
    const topic = `dashboard:${request.portfolio}`;
    const grant = await sink.follow(topic);
    if (!grant.granted) return { ok: false, code: grant.code, reason: grant.reason };
    const portfolio = request.portfolio as PortfolioName | 'All';
    const push = async (event: string): Promise<void> => {
      try {
        sink.emit(event, await this.portfolios.dashboardData(portfolio, sink.principal));
      } catch (error) {
        this.logger.warn({ err: error, portfolio }, 'could not build the dashboard for a live client');
      }
    };
    await push(LIVE_SERVER_EVENTS.dashboardData);
    sink.repeat(interval, () => push(LIVE_SERVER_EVENTS.dashboardUpdate));
    return { ok: true, topic, seq: grant.seq, refreshInterval: interval };
  }

  async metrics(sink: LiveClient, body: unknown): Promise<MetricsAck> {
    const request = (typeof body === 'object' && body !== null ? body : {}) as {
      portfolio?: unknown;
      metrics?: unknown;
    };
    const portfolio = request.portfolio ?? 'All';
    if (typeof portfolio !== 'string') return invalid('portfolio must be Technology, Operations, Business or All');
    const wanted = request.metrics;
    if (wanted !== undefined && (!Array.isArray(wanted) || wanted.some((m) => typeof m !== 'string'))) {
      return invalid('metrics must be a list of KPI names');
    }
    const decision = await sink.mayFollow(`dashboard:${portfolio}`);
    if (!decision.granted) return { ok: false, code: decision.code, reason: decision.reason };
    const data = await this.portfolios.dashboardData(portfolio as PortfolioName | 'All', sink.principal);
    const names = (wanted as string[] | undefined) ?? Object.keys(data.kpis);
    const unknown = names.filter((name) => !(name in data.kpis));
    if (unknown.length > 0)
      return invalid(`unknown metrics: ${unknown.join(', ')}; known: ${Object.keys(data.kpis).join(', ')}`);
    const answer: MetricsAck = {
      ok: true,
      portfolio,
      at: new Date().toISOString(),
      metrics: Object.fromEntries(names.map((name) => [name, data.kpis[name as keyof DashboardKpis]])),
      freshness: data.freshness,
    };
    sink.emit(LIVE_SERVER_EVENTS.metricsData, answer);
    return answer;
  }
}

function invalid(reason: string): { ok: false; code: string; reason: string } {
  return { ok: false, code: 'invalid_request', reason };
}
