import type { Freshness } from './freshness';
import type { Principal, Role } from './auth';
import type { AlertView } from './ops-alerts';

/**
 * The operations center: data points, the aggregated snapshot and the aggregator's own status
 * (alerts in ops-alerts.ts, forecasts in ops-forecasts.ts).
 */

/** Dashboard modules of the operations snapshot; each role sees only some of them. */
export const OPS_MODULES = ['system', 'business', 'workflow', 'customer', 'security', 'executive'] as const;
export type OpsModule = (typeof OPS_MODULES)[number];

/** Which snapshot modules each role may see (the admin blueprint's RBAC table). */
export const ROLE_OPS_MODULES: Record<Role, readonly OpsModule[]> = {
  master_admin: OPS_MODULES,
  technical_admin: ['system', 'workflow', 'security'],
  business_admin: ['business', 'customer'],
  compliance_admin: ['security'],
  operations_admin: ['system', 'workflow'],
  read_only_viewer: ['executive'],
  executive: ['executive'],
  team_manager: [],
};

export function opsModulesOf(roles: readonly Role[]): OpsModule[] {
  const granted = new Set(roles.flatMap((role) => ROLE_OPS_MODULES[role]));
  return OPS_MODULES.filter((m) => granted.has(m));
}

/** Whether a principal may see every operations module (no module filter applies). */
export function seesAllOpsModules(principal: Pick<Principal, 'roles'>): boolean {
  return opsModulesOf(principal.roles).length === OPS_MODULES.length;
}

/**
 * Whether an alert is the principal's to see: its module is one of the principal's and its
 * tenant (the brand of the source it is about, if any) is in the principal's data scope.
 * The one rule for the REST list, single reads, acknowledgements and the `alerts` topic.
 */
export function alertVisibleTo(
  principal: Pick<Principal, 'roles' | 'dataScopes'>,
  alert: { module: OpsModule; tenant: string | null },
): boolean {
  if (!opsModulesOf(principal.roles).includes(alert.module)) return false;
  const tenants = principal.dataScopes.tenants;
  return alert.tenant === null || tenants === '*' || tenants.includes(alert.tenant);
}

/** Data point categories and the snapshot module each belongs to. */
export const OPS_CATEGORIES = ['system_health', 'business', 'workflow', 'customer', 'security', 'custom'] as const;
export type OpsCategory = (typeof OPS_CATEGORIES)[number];
export const CATEGORY_MODULE: Record<OpsCategory, OpsModule> = {
  system_health: 'system',
  business: 'business',
  workflow: 'workflow',
  customer: 'customer',
  security: 'security',
  custom: 'system',
};

export const DATA_POINT_STATUSES = ['healthy', 'warning', 'critical'] as const;
export type DataPointStatus = (typeof DATA_POINT_STATUSES)[number];

/** `cpu_usage`, `workflow_success_rate`: lower case, digits and underscores. */
export const METRIC_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export interface DataPointInput {
  source: string;
  category: OpsCategory;
  metric: string;
  value: number;
  /** When measured; the time of arrival when absent. */
  timestamp?: string;
  /** Derived from the metric's alert rule when absent. */
  status?: DataPointStatus;
  metadata?: Record<string, unknown>;
  /** With the source and metric, the series' identity: each series is alerted on separately. */
  labels?: Record<string, string>;
  /** Modules that may see it; the category's module when absent. */
  moduleAccess?: OpsModule[];
}

export interface DataPointBatch {
  points: DataPointInput[];
}

export interface DataPointsAccepted {
  accepted: number;
  generatedAt: string;
}

/** A metric the caller may chart, with the modules that may see it. */
export interface OpsMetricInfo {
  metric: string;
  modules: OpsModule[];
  /** The unit its newest data point carries (`percent`, `ms`, `seconds`, `count`, `score`, a currency code such as `USD`); null when none. */
  unit: string | null;
}

export interface OpsMetricList {
  items: OpsMetricInfo[];
  generatedAt: string;
}

export const SERIES_RESOLUTIONS = ['raw', '1m', '1h'] as const;
export type SeriesResolution = (typeof SERIES_RESOLUTIONS)[number];

export interface SeriesBucket {
  at: string;
  avg: number;
  min: number;
  max: number;
  count: number;
}

export interface MetricSeries {
  metric: string;
  from: string;
  to: string;
  stepSeconds: number;
  /** Where the buckets came from: raw points, or 1-minute / 1-hour rollups. */
  resolution: SeriesResolution;
  buckets: SeriesBucket[];
  generatedAt: string;
}

export type HealthStatus = 'healthy' | 'warning' | 'critical';

export interface SystemHealthModule {
  overallStatus: HealthStatus;
  cpuUsage: number | null;
  memoryUsage: number | null;
  responseTime: number | null;
  uptimePercentage: number | null;
  activeServices: number | null;
  failedServices: number | null;
}

export interface BusinessMetricsModule {
  revenueToday: number | null;
  /** Percent change of revenue today over the last hour. */
  revenueTrend: number | null;
  activeCustomers: number | null;
  conversionRate: number | null;
  churnRate: number | null;
  mrr: number | null;
}

export interface WorkflowPerformanceModule {
  activeExecutions: number | null;
  successRate: number | null;
  averageExecutionTime: number | null;
  queueSize: number | null;
  failedWorkflows: number | null;
  throughputPerHour: number | null;
}

export interface CustomerIntelligenceModule {
  activeUsersNow: number | null;
  userGrowthRate: number | null;
  supportTicketsOpen: number | null;
  averageHealthScore: number | null;
  userEngagementRate: number | null;
  bounceRate: number | null;
}

export interface SecurityComplianceModule {
  failedAuthAttempts: number | null;
  apiRequestsPerMinute: number | null;
  complianceScore: number | null;
  activeSessions: number | null;
  securityIncidents: number | null;
  auditEventsToday: number | null;
}

/** What read-only viewers and executives see: a few headline numbers. */
export interface ExecutiveSummaryModule {
  overallStatus: HealthStatus;
  revenueToday: number | null;
  activeCustomers: number | null;
  workflowSuccessRate: number | null;
  activeAlerts: number;
  criticalAlerts: number;
}

export interface AggregatorPerformance {
  dataSourcesActive: number;
  aggregationLatencyMs: number;
  totalDataPoints: number;
  memoryUsageMb: number;
}

/** Snapshot properties that hold a module's figures. */
export type OpsModuleKey =
  | 'systemHealth'
  | 'businessMetrics'
  | 'workflowPerformance'
  | 'customerIntelligence'
  | 'securityCompliance'
  | 'executiveSummary';

/**
 * How old the data behind one module card is: its own newest data point, judged by the
 * same warn/stale thresholds as the sources that feed the operations metrics.
 */
export interface OpsModuleClock {
  /** Newest data point among this module's metrics; null before any. */
  dataAsOf: string | null;
  /** The metrics sources' freshness SLO (the strictest); null when no source feeds the metrics. */
  warnAfterSeconds: number | null;
  staleAfterSeconds: number | null;
}

/** The operations snapshot; modules the caller may not see are absent. */
export interface OpsSnapshot {
  builtAt: string;
  /** Newest data point behind the snapshot. */
  dataAsOf: string | null;
  /** Per visible module: the age of its own data (absent on summaries pushed live). */
  moduleClocks?: Partial<Record<OpsModuleKey, OpsModuleClock>>;
  /** The sources that feed the operations metrics (the "data delayed" banner); absent when none. */
  freshness?: Freshness | null;
  modules: OpsModule[];
  systemHealth?: SystemHealthModule;
  businessMetrics?: BusinessMetricsModule;
  workflowPerformance?: WorkflowPerformanceModule;
  customerIntelligence?: CustomerIntelligenceModule;
  securityCompliance?: SecurityComplianceModule;
  executiveSummary?: ExecutiveSummaryModule;
  alerts: AlertView[];
  performance?: AggregatorPerformance;
}

export interface OpsSnapshotSummary {
  builtAt: string;
  overallStatus: HealthStatus;
  activeAlerts: number;
  totalDataPoints: number;
  aggregationLatencyMs: number;
  /** Sources, categories and metrics that received data points since the previous snapshot (stream filters read them). */
  sources?: string[];
  categories?: string[];
  metrics?: string[];
}

/** One committed data point as the `datapoints` live topic carries it (seed 002's AdminDashboardDataPoint, without an id). */
export interface OpsDataPointView {
  timestamp: string;
  source: string;
  category: string;
  metric: string;
  value: number;
  status: DataPointStatus;
  metadata: Record<string, unknown>;
  moduleAccess: OpsModule[];
}

export interface OpsStatus {
  running: boolean;
  intervalMs: number;
  lastAggregationAt: string | null;
  dataSourcesActive: number;
  subscriptionsActive: number;
  totalDataPoints: number;
  bufferedDataPoints: number;
  memoryUsageMb: number;
  aggregationLatencyMs: number | null;
  alertsActive: number;
  generatedAt: string;
}
