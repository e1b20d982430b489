import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { bearerToken, queryValue, VendorError } from '../http';
import { HOUR, MINUTE } from '../time';
import { type AuthResult, type ChangeNotice, type RequestContext, type VendorAnswer, type VendorModel } from '../types';
import { MetricsVendor, POINT_EVERY_MS, type Series } from './metrics';
import { BadData, matches, parseSelector, parseStep, parseTime, type Matcher } from './prometheus.query';

/**
 * Prometheus HTTP API (http://<host>:9090/api/v1/...), read side, over its own copy of the
 * metrics model: every metric is a series with `job`, `instance`, `category` and `unit` labels,
 * scraped every 10 s. Open by default; with `auth: 'bearer'` it behaves like Prometheus behind
 * a token-checking proxy.
 */
export const PROMETHEUS_TOKEN = 'prometheus-demo-token';
export type PrometheusAuth = 'none' | 'bearer';

const BASE = '/prometheus/api/v1';
const JOB = 'switchyard';
const INSTANCE = 'switchyard-demo:9100';
/** Prometheus' default lookback: a sample older than this is stale and not returned. */
const LOOKBACK_MS = 5 * MINUTE;
/** How far back the simulated server keeps samples. */
export const RETENTION_MS = 24 * HOUR;
const MAX_POINTS = 11_000;

type Labels = Record<string, string>;

export class PrometheusVendor implements VendorModel {
  readonly id = 'prometheus';
  // A series that turns into a native histogram answers `histograms` where `values` was.
  readonly drift = { field: 'values', renameTo: 'histograms' };
  private readonly data: MetricsVendor;

  constructor(
    seed: number,
    frozenAt: (at: number) => boolean,
    private readonly auth: PrometheusAuth = 'none',
  ) {
    this.data = new MetricsVendor(seed, frozenAt);
  }

  evolve(): ChangeNotice | null {
    return null;
  }

  notifyAll(): null {
    return null;
  }

  authenticate(request: FastifyRequest): AuthResult {
    if (this.auth === 'none' || bearerToken(request) === PROMETHEUS_TOKEN) return { ok: true, principal: null };
    return { ok: false, challenge: null };
  }

  /** The proxy in front of Prometheus refuses, in plain text as reverse proxies do. */
  unauthorized(): VendorAnswer {
    return { status: 401, headers: { 'www-authenticate': 'Bearer realm="prometheus"' }, body: 'Unauthorized\n' };
  }

  rateLimited(): VendorAnswer {
    return { status: 429, body: 'Too Many Requests\n' };
  }

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    const rangeQuery = (request: FastifyRequest) => guard(() => this.range(request, context(request).now));
    const instantQuery = (request: FastifyRequest) => guard(() => this.instant(request, context(request).now));
    app.get(`${BASE}/query_range`, rangeQuery);
    app.post(`${BASE}/query_range`, rangeQuery);
    app.get(`${BASE}/query`, instantQuery);
    app.post(`${BASE}/query`, instantQuery);
  }

  private range(request: FastifyRequest, now: number) {
    const matchers = parseSelector(param(request, 'query') ?? '');
    const start = parseTime('start', param(request, 'start'));
    const end = parseTime('end', param(request, 'end'));
    if (end < start) throw new BadData('invalid parameter "end": end timestamp must not be before start time');
    const step = parseStep(param(request, 'step'));
    if (step <= 0) {
      throw new BadData('zero or negative query resolution step widths are not accepted. Try a positive integer');
    }
    if ((end - start) / step > MAX_POINTS) {
      throw new BadData(
        'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
      );
    }
    const result = this.selected(matchers).flatMap(({ series, metric }) => {
      const values: [number, string][] = [];
      for (let at = start; at <= end; at += step) {
        const value = this.lookup(series, at, now);
        if (value !== null) values.push([at / 1000, value]);
      }
      return values.length > 0 ? [{ metric, values }] : [];
    });
    return { status: 'success', data: { resultType: 'matrix', result } };
  }

  private instant(request: FastifyRequest, now: number) {
    const matchers = parseSelector(param(request, 'query') ?? '');
    const at = parseTime('time', param(request, 'time'), now);
    const result = this.selected(matchers).flatMap(({ series, metric }) => {
      const value = this.lookup(series, at, now);
      return value === null ? [] : [{ metric, value: [at / 1000, value] as [number, string] }];
    });
    return { status: 'success', data: { resultType: 'vector', result } };
  }

  private selected(matchers: readonly Matcher[]): { series: Series; metric: Labels }[] {
    return this.data
      .list()
      .map((series) => ({ series, metric: labelsOf(series) }))
      .filter(({ metric }) => matchers.every((m) => matches(m, metric[m.label] ?? '')));
  }

  /** The newest sample at or before `at` within the lookback window, as Prometheus evaluates it. */
  private lookup(series: Series, at: number, now: number): string | null {
    const newest = Math.floor(Math.min(at, now) / POINT_EVERY_MS) * POINT_EVERY_MS;
    const oldest = Math.max(at - LOOKBACK_MS, now - RETENTION_MS);
    for (let point = newest; point > oldest; point -= POINT_EVERY_MS) {
      const value = this.data.sample(series, point);
      if (value !== null) return String(value);
    }
    return null;
  }
}

function labelsOf(series: Series): Labels {
  return { __name__: series.metric, category: series.category, instance: INSTANCE, job: JOB, unit: series.unit };
}

/** A form field of a POST, or the query string (Prometheus reads both). */
function param(request: FastifyRequest, name: string): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body[name] === 'string' ? body[name] : undefined;
  return fromBody ?? queryValue(request, name);
}

function guard<T>(evaluate: () => T): T {
  try {
    return evaluate();
  } catch (error) {
    if (error instanceof BadData) {
      throw new VendorError(400, { status: 'error', errorType: 'bad_data', error: error.message });
    }
    throw error;
  }
}
