import type { HourlyHealthPoint, IntegrationHealthStatus } from '@switchyard/contracts';

export const HEALTH_WINDOW_HOURS = 24;
const HOUR_MS = 3_600_000;

/**
 * The blueprint's rule, verbatim: healthy at >= 98 % success and fewer than 5 errors,
 * degraded at >= 90 % or fewer than 20 errors, otherwise down.
 */
export function healthStatus(successRatePercent: number, errors: number): IntegrationHealthStatus {
  if (successRatePercent >= 98 && errors < 5) return 'healthy';
  if (successRatePercent >= 90 || errors < 20) return 'degraded';
  return 'down';
}

export function successRate(successes: number, failures: number): number | null {
  const total = successes + failures;
  return total === 0 ? null : (successes / total) * 100;
}

/** Status over the window; no events is no evidence of trouble. */
export function windowStatus(successes: number, failures: number): IntegrationHealthStatus {
  return healthStatus(successRate(successes, failures) ?? 100, failures);
}

export interface HourCount {
  hour: Date;
  successes: number;
  failures: number;
}

/** Twenty-four hourly points ending with the hour that holds `now`, gaps filled with zeros. */
export function hourlyTrend(now: Date, counts: HourCount[]): HourlyHealthPoint[] {
  const lastHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const byHour = new Map(counts.map((c) => [Math.floor(c.hour.getTime() / HOUR_MS) * HOUR_MS, c]));
  const points: HourlyHealthPoint[] = [];
  for (let i = HEALTH_WINDOW_HOURS - 1; i >= 0; i -= 1) {
    const hour = lastHour - i * HOUR_MS;
    const count = byHour.get(hour);
    points.push({
      hour: new Date(hour).toISOString(),
      successes: count?.successes ?? 0,
      failures: count?.failures ?? 0,
    });
  }
  return points;
}

/**
 * Percent of the window's hours that were healthy, each hour judged by the same rule as
 * the whole window. An hour without events counts as healthy (nothing failed).
 */
export function uptimePercent(trend: HourlyHealthPoint[]): number {
  if (trend.length === 0) return 100;
  const healthy = trend.filter((p) => windowStatus(p.successes, p.failures) === 'healthy').length;
  return (healthy / trend.length) * 100;
}

/** Mean time to detect: failures' summed delays from happening upstream to being stored here, over their count. */
export function meanTimeToDetectSeconds(delays: { totalSeconds: number; count: number } | undefined): number | null {
  return delays && delays.count > 0 ? delays.totalSeconds / delays.count : null;
}

/** Seconds from a failure happening upstream to it being stored here (never negative). */
export function detectionDelaySeconds(occurredAt: Date, receivedAt: Date): number {
  return Math.max(0, receivedAt.getTime() - occurredAt.getTime()) / 1000;
}

/** Mean time to resolve: from an issue opening to its resolution. */
export function meanTimeToResolveSeconds(issues: Array<{ openedAt: Date; resolvedAt: Date }>): number | null {
  if (issues.length === 0) return null;
  const total = issues.reduce((sum, i) => sum + Math.max(0, i.resolvedAt.getTime() - i.openedAt.getTime()), 0);
  return total / issues.length / 1000;
}
