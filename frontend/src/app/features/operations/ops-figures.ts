import type { AlertRule } from '@switchyard/contracts';

/** How a metric family is written: the unit comes with the figure, never left to the reader. */
export type FigureKind = 'percent' | 'ms' | 'seconds' | 'currency' | 'count' | 'rate' | 'score' | 'status';

export interface FigureSpec {
  label: string;
  kind: FigureKind;
  /** The metric behind the figure, for the alert rule's threshold colour; absent for derived figures. */
  metric?: string;
  /** For `rate`: the unit after the number ("/ min"). */
  per?: string;
}

/**
 * Labels of every snapshot figure, by module field, with the metric behind it and a fallback
 * kind. The unit a metric's data points carry (`GET /api/v1/ops/metrics` → `unit`) wins over
 * the fallback; a field missing here still shows, with a plain label.
 */
export const FIGURES: Record<string, FigureSpec> = {
  overallStatus: { label: 'Overall status', kind: 'status' },
  cpuUsage: { label: 'CPU usage', kind: 'percent', metric: 'cpu_usage' },
  memoryUsage: { label: 'Memory usage', kind: 'percent', metric: 'memory_usage' },
  responseTime: { label: 'Response time', kind: 'ms', metric: 'response_time' },
  uptimePercentage: { label: 'Uptime', kind: 'percent', metric: 'uptime_percentage' },
  activeServices: { label: 'Active services', kind: 'count', metric: 'active_services' },
  failedServices: { label: 'Failed services', kind: 'count', metric: 'failed_services' },
  revenueToday: { label: 'Revenue today', kind: 'currency', metric: 'revenue_today' },
  revenueTrend: { label: 'Revenue trend (last hour)', kind: 'percent' },
  activeCustomers: { label: 'Active customers', kind: 'count', metric: 'active_customers' },
  conversionRate: { label: 'Conversion rate', kind: 'percent', metric: 'conversion_rate' },
  churnRate: { label: 'Churn rate', kind: 'percent', metric: 'churn_rate' },
  mrr: { label: 'MRR (monthly recurring revenue)', kind: 'currency', metric: 'mrr' },
  activeExecutions: { label: 'Active executions', kind: 'count', metric: 'active_executions' },
  successRate: { label: 'Success rate', kind: 'percent', metric: 'workflow_success_rate' },
  averageExecutionTime: { label: 'Average execution time', kind: 'seconds', metric: 'average_execution_time' },
  queueSize: { label: 'Queue size', kind: 'count', metric: 'queue_size' },
  failedWorkflows: { label: 'Failed workflows', kind: 'count', metric: 'failed_workflows' },
  throughputPerHour: { label: 'Throughput', kind: 'rate', per: '/ h', metric: 'throughput_per_hour' },
  activeUsersNow: { label: 'Active users now', kind: 'count', metric: 'active_users_now' },
  userGrowthRate: { label: 'User growth', kind: 'percent', metric: 'user_growth_rate' },
  supportTicketsOpen: { label: 'Open support tickets', kind: 'count', metric: 'support_tickets_open' },
  averageHealthScore: { label: 'Average health score', kind: 'score', metric: 'average_health_score' },
  userEngagementRate: { label: 'Engagement rate', kind: 'percent', metric: 'user_engagement_rate' },
  bounceRate: { label: 'Bounce rate', kind: 'percent', metric: 'bounce_rate' },
  failedAuthAttempts: { label: 'Failed sign-in attempts', kind: 'count', metric: 'failed_auth_attempts' },
  apiRequestsPerMinute: { label: 'API requests', kind: 'rate', per: '/ min', metric: 'api_requests_per_minute' },
  complianceScore: { label: 'Compliance score', kind: 'percent', metric: 'compliance_score' },
  activeSessions: { label: 'Active sessions', kind: 'count', metric: 'active_sessions' },
  securityIncidents: { label: 'Security incidents', kind: 'count', metric: 'security_incidents' },
  auditEventsToday: { label: 'Audit events today', kind: 'count', metric: 'audit_events_today' },
  workflowSuccessRate: { label: 'Workflow success rate', kind: 'percent', metric: 'workflow_success_rate' },
  activeAlerts: { label: 'Active alerts', kind: 'count' },
  criticalAlerts: { label: 'Critical alerts', kind: 'count' },
};

const STATUS_WORDS: Record<string, string> = { healthy: 'Healthy', warning: 'Warning', critical: 'Critical' };
const STATUS_TONES: Record<string, 'ok' | 'warn' | 'bad'> = { healthy: 'ok', warning: 'warn', critical: 'bad' };

/** "cpuUsage" → "cpu usage": only for a field the dictionary does not know yet. */
function plainLabel(key: string): string {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const UNIT_KINDS: Record<string, FigureKind> = {
  percent: 'percent',
  ms: 'ms',
  milliseconds: 'ms',
  seconds: 'seconds',
  s: 'seconds',
  count: 'count',
  score: 'score',
};

/** A metric's unit from its metadata as a figure kind and currency, when the console knows it. */
export function kindOfUnit(unit: string | null | undefined): { kind: FigureKind; currency?: string } | null {
  if (!unit) return null;
  if (UNIT_KINDS[unit]) return { kind: UNIT_KINDS[unit] };
  return /^[A-Z]{3}$/.test(unit) ? { kind: 'currency', currency: unit } : null;
}

/** One figure in words with its unit: "52.7 %", "256 ms", "42 s", "$32,891.56", "1,204", "84 / min". */
export function formatFigure(kind: FigureKind, value: unknown, locale = 'en-US', per = '', currency = 'USD'): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return STATUS_WORDS[value] ?? value.replace(/_/g, ' ');
  if (typeof value !== 'number') return JSON.stringify(value);
  const number = (digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  switch (kind) {
    case 'percent':
      return `${number(1).format(value)} %`;
    case 'ms':
      return value >= 10_000 ? `${number(1).format(value / 1000)} s` : `${number(0).format(value)} ms`;
    case 'seconds':
      return value >= 120 ? `${number(1).format(value / 60)} min` : `${number(1).format(value)} s`;
    case 'currency':
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
    case 'count':
      return number(0).format(value);
    case 'rate':
      return `${number(1).format(value)} ${per}`.trim();
    case 'score':
      return `${number(1).format(value)} / 100`;
    case 'status':
      return String(value);
  }
}

/** The alert rule's verdict on a value: the colour of the figure, as the alert would be raised. */
export function thresholdTone(value: unknown, rule: AlertRule | undefined): 'ok' | 'warn' | 'bad' | null {
  if (!rule || typeof value !== 'number') return null;
  const past = (limit: number) => (rule.direction === 'above' ? value >= limit : value <= limit);
  if (past(rule.critical)) return 'bad';
  if (past(rule.warning)) return 'warn';
  return 'ok';
}

export interface Figure {
  label: string;
  value: string;
  tone: 'ok' | 'warn' | 'bad' | null;
  /** "Warning at 70 %, critical at 90 % (above)" when a rule watches the metric. */
  hint: string | null;
}

/**
 * A module's fields as labelled figures with units (the metric's own unit from `units` first,
 * else the dictionary's) and, where an alert rule watches the metric, its colour.
 */
export function moduleFigures(
  module: Record<string, unknown>,
  rules: readonly AlertRule[],
  locale = 'en-US',
  units: ReadonlyMap<string, string | null> = new Map(),
): Figure[] {
  return Object.entries(module).map(([key, value]) => {
    const known: FigureSpec = FIGURES[key] ?? {
      label: plainLabel(key),
      kind: typeof value === 'number' ? 'count' : 'status',
    };
    const own = kindOfUnit(known.metric ? units.get(known.metric) : null);
    // A rate keeps its "/ h" even when the unit says count.
    const spec = own && known.kind !== 'rate' ? { ...known, kind: own.kind } : known;
    const currency = own?.currency ?? 'USD';
    const rule = spec.metric ? rules.find((r) => r.metric === spec.metric && r.enabled) : undefined;
    const fmt = (v: number) => formatFigure(spec.kind, v, locale, spec.per, currency);
    const statusTone = spec.kind === 'status' && typeof value === 'string' ? STATUS_TONES[value] : undefined;
    return {
      label: spec.label,
      value: formatFigure(spec.kind, value, locale, spec.per, currency),
      tone: statusTone ?? thresholdTone(value, rule),
      hint: rule ? `Warning at ${fmt(rule.warning)}, critical at ${fmt(rule.critical)} (${rule.direction})` : null,
    };
  });
}
