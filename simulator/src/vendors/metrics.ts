import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { apiKey, timeParam } from '../http';
import { clamp, Rng, round } from '../random';
import { DAY, HOUR, iso, MINUTE, SECOND } from '../time';
import { type AuthResult, type RequestContext, type VendorModel } from '../types';

export const METRICS_KEY = 'metrics-demo-key';
export const POINT_EVERY_MS = 10 * SECOND;
const WINDOW_MS = HOUR;

interface MetricDef {
  metric: string;
  unit: string;
  base: number;
  amplitude: number;
  noise: number;
  min: number;
  max: number;
  decimals: number;
  /** Running daily totals (revenue_today) climb from midnight UTC. */
  daily?: boolean;
}

type Row = [
  metric: string,
  unit: string,
  base: number,
  amplitude: number,
  noise: number,
  decimals: number,
  max?: number,
];

const CATEGORIES: Record<string, readonly Row[]> = {
  system_health: [
    ['cpu_usage', 'percent', 45, 15, 6, 1, 100],
    ['memory_usage', 'percent', 62, 8, 3, 1, 100],
    ['response_time', 'ms', 180, 60, 30, 0],
    ['uptime_percentage', 'percent', 99.95, 0.03, 0.02, 3, 100],
    ['active_services', 'count', 42, 1, 1, 0],
    ['failed_services', 'count', 1, 1, 1, 0],
    ['error_rate', 'percent', 0.8, 0.4, 0.3, 2, 100],
  ],
  business: [
    ['revenue_today', 'USD', 48000, 0, 0.02, 2],
    ['active_customers', 'count', 1240, 40, 10, 0],
    ['conversion_rate', 'percent', 3.2, 0.5, 0.3, 2, 100],
    ['churn_rate', 'percent', 1.8, 0.2, 0.1, 2, 100],
    ['mrr', 'USD', 385000, 2000, 500, 2],
  ],
  workflow: [
    ['active_executions', 'count', 34, 12, 5, 0],
    ['workflow_success_rate', 'percent', 97.5, 1.2, 0.6, 2, 100],
    ['average_execution_time', 'seconds', 42, 8, 4, 1],
    ['queue_size', 'count', 18, 10, 6, 0],
    ['failed_workflows', 'count', 2, 1.5, 1, 0],
    ['throughput_per_hour', 'count', 820, 180, 60, 0],
  ],
  customer: [
    ['active_users_now', 'count', 560, 220, 40, 0],
    ['user_growth_rate', 'percent', 4.2, 0.4, 0.2, 2, 100],
    ['support_tickets_open', 'count', 37, 6, 3, 0],
    ['average_health_score', 'score', 78, 4, 2, 1, 100],
    ['user_engagement_rate', 'percent', 64, 6, 3, 1, 100],
    ['bounce_rate', 'percent', 38, 5, 2, 1, 100],
  ],
  // failed_auth_attempts and the audit event counts are Switchyard's own, measured by the
  // backend (source switchyard-auth); the simulator keeps only what Switchyard cannot measure.
  security: [
    ['api_requests_per_minute', 'count', 2400, 700, 200, 0],
    ['compliance_score', 'percent', 94, 1, 0.5, 1, 100],
    ['active_sessions', 'count', 890, 300, 60, 0],
    ['security_incidents', 'count', 0.5, 0.5, 1, 0],
  ],
};

const DAILY = new Set(['revenue_today']);

export interface Series extends MetricDef {
  category: string;
  periodMs: number;
  phase: number;
}

/**
 * Each point is a pure function of (seed, metric, timestamp), so any window can be produced on
 * demand and two simulators with the same seed agree point for point. Points that fall inside
 * a freeze are never produced: a frozen pipeline leaves a gap rather than a backfill.
 */
export class MetricsVendor implements VendorModel {
  readonly id = 'metrics';
  readonly drift = { field: 'points', renameTo: 'values' };
  private readonly series: Series[];

  constructor(
    private readonly seed: number,
    private readonly frozenAt: (at: number) => boolean,
  ) {
    const rng = Rng.stream(seed, 'metrics');
    this.series = Object.entries(CATEGORIES).flatMap(([category, rows]) =>
      rows.map(([metric, unit, base, amplitude, noise, decimals, max]) => ({
        metric,
        category,
        unit,
        base,
        amplitude,
        noise,
        decimals,
        min: 0,
        max: max ?? Number.MAX_SAFE_INTEGER,
        daily: DAILY.has(metric),
        periodMs: rng.int(20, 180) * MINUTE,
        phase: rng.float() * 2 * Math.PI,
      })),
    );
  }

  evolve(): null {
    return null;
  }

  /** Every series, in category order; the Prometheus dialect reads its own copy through this. */
  list(): readonly Series[] {
    return this.series;
  }

  /** The sample at a point time (a multiple of POINT_EVERY_MS), or null when a freeze swallowed it. */
  sample(s: Series, at: number): number | null {
    return this.frozenAt(at) ? null : this.value(s, at);
  }

  notifyAll(): null {
    return null;
  }

  authenticate(request: FastifyRequest): AuthResult {
    return apiKey(request) === METRICS_KEY ? { ok: true, principal: null } : { ok: false, challenge: null };
  }

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    app.get('/metrics/api/v1/series', (request) => {
      const { now, dataTime } = context(request);
      const since = timeParam(request, 'since');
      const slots = this.slots(now, since);
      return {
        asOf: iso(dataTime),
        series: this.series.map((s) => ({
          metric: s.metric,
          category: s.category,
          unit: s.unit,
          points: slots.map((at): [string, number] => [iso(at), this.value(s, at)]),
        })),
      };
    });
  }

  /** Point times in the last hour (oldest first), newer than `since`, skipping frozen stretches. */
  private slots(now: number, since: number | null): number[] {
    const newest = Math.floor(now / POINT_EVERY_MS) * POINT_EVERY_MS;
    const times: number[] = [];
    for (let at = newest; at > now - WINDOW_MS; at -= POINT_EVERY_MS) {
      if (since !== null && at <= since) break;
      if (!this.frozenAt(at)) times.push(at);
    }
    return times.reverse();
  }

  private value(s: Series, at: number): number {
    if (s.daily) {
      // One factor per day keeps a running total rising through the day.
      const dayFactor =
        1 + s.noise * (Rng.stream(this.seed, `metrics:${s.metric}:day:${Math.floor(at / DAY)}`).float() * 2 - 1);
      return round(s.base * ((at % DAY) / DAY) * dayFactor, s.decimals);
    }
    const jitter = Rng.stream(this.seed, `metrics:${s.metric}:${at / POINT_EVERY_MS}`).float() * 2 - 1;
    const wave = Math.sin((2 * Math.PI * at) / s.periodMs + s.phase);
    return round(clamp(s.base + s.amplitude * wave + s.noise * jitter, s.min, s.max), s.decimals);
  }
}
