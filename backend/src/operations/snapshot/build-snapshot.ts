import type {
  AggregatorPerformance,
  AlertView,
  HealthStatus,
  OpsModule,
  OpsModuleClock,
  OpsModuleKey,
  OpsSnapshot,
  OpsSnapshotSummary,
} from '@switchyard/contracts';

export interface LatestValue {
  metric: string;
  category: string;
  value: number;
  recordedAt: Date;
}

export interface SnapshotInputs {
  builtAt: Date;
  latest: ReadonlyMap<string, LatestValue>;
  /** revenue_today as it was an hour before its latest point, for the trend. */
  revenueHourAgo: number | null;
  /** Open alerts (pending, firing, recovering, no_data, error). */
  alerts: readonly AlertView[];
  performance: AggregatorPerformance;
}

const ACTIVE: ReadonlySet<string> = new Set(['firing', 'no_data', 'error']);

/** Worst severity of the firing alerts given; no data and errors count as warnings. */
export function overallStatus(alerts: readonly AlertView[]): HealthStatus {
  const active = alerts.filter((a) => ACTIVE.has(a.state));
  if (active.some((a) => a.state === 'firing' && a.severity === 'critical')) return 'critical';
  return active.length > 0 ? 'warning' : 'healthy';
}

function percentChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) / Math.abs(before)) * 10_000) / 100;
}

/** The metrics behind each module's figures: a card's data is as old as the newest of these. */
export const MODULE_METRICS: Record<OpsModuleKey, readonly string[]> = {
  systemHealth: [
    'cpu_usage',
    'memory_usage',
    'response_time',
    'uptime_percentage',
    'active_services',
    'failed_services',
  ],
  businessMetrics: ['revenue_today', 'active_customers', 'conversion_rate', 'churn_rate', 'mrr'],
  workflowPerformance: [
    'active_executions',
    'workflow_success_rate',
    'average_execution_time',
    'queue_size',
    'failed_workflows',
    'throughput_per_hour',
  ],
  customerIntelligence: [
    'active_users_now',
    'user_growth_rate',
    'support_tickets_open',
    'average_health_score',
    'user_engagement_rate',
    'bounce_rate',
  ],
  securityCompliance: [
    'failed_auth_attempts',
    'api_requests_per_minute',
    'compliance_score',
    'active_sessions',
    'security_incidents',
    'audit_events_today',
  ],
  executiveSummary: ['revenue_today', 'active_customers', 'workflow_success_rate'],
};

/** Each module's newest data point; the thresholds are filled in when a caller reads the snapshot. */
function moduleClocks(latest: ReadonlyMap<string, LatestValue>): Record<OpsModuleKey, OpsModuleClock> {
  const clocks = {} as Record<OpsModuleKey, OpsModuleClock>;
  for (const [key, metrics] of Object.entries(MODULE_METRICS) as [OpsModuleKey, readonly string[]][]) {
    const times = metrics.map((m) => latest.get(m)?.recordedAt.getTime()).filter((t): t is number => t !== undefined);
    clocks[key] = {
      dataAsOf: times.length > 0 ? new Date(Math.max(...times)).toISOString() : null,
      warnAfterSeconds: null,
      staleAfterSeconds: null,
    };
  }
  return clocks;
}

/** The full snapshot, every module; `visibleSnapshot` cuts it down to what a role may see. */
export function buildSnapshot(inputs: SnapshotInputs): OpsSnapshot {
  const v = (metric: string): number | null => inputs.latest.get(metric)?.value ?? null;
  const newest = [...inputs.latest.values()].reduce<Date | null>(
    (max, p) => (max === null || p.recordedAt > max ? p.recordedAt : max),
    null,
  );
  const inModule = (module: OpsModule) => inputs.alerts.filter((a) => a.module === module);
  return {
    builtAt: inputs.builtAt.toISOString(),
    dataAsOf: newest?.toISOString() ?? null,
    moduleClocks: moduleClocks(inputs.latest),
    modules: ['system', 'business', 'workflow', 'customer', 'security', 'executive'],
    systemHealth: {
      overallStatus: overallStatus(inModule('system')),
      cpuUsage: v('cpu_usage'),
      memoryUsage: v('memory_usage'),
      responseTime: v('response_time'),
      uptimePercentage: v('uptime_percentage'),
      activeServices: v('active_services'),
      failedServices: v('failed_services'),
    },
    businessMetrics: {
      revenueToday: v('revenue_today'),
      revenueTrend: percentChange(v('revenue_today'), inputs.revenueHourAgo),
      activeCustomers: v('active_customers'),
      conversionRate: v('conversion_rate'),
      churnRate: v('churn_rate'),
      mrr: v('mrr'),
    },
    workflowPerformance: {
      activeExecutions: v('active_executions'),
      successRate: v('workflow_success_rate'),
      averageExecutionTime: v('average_execution_time'),
      queueSize: v('queue_size'),
      failedWorkflows: v('failed_workflows'),
      throughputPerHour: v('throughput_per_hour'),
    },
    customerIntelligence: {
      activeUsersNow: v('active_users_now'),
      userGrowthRate: v('user_growth_rate'),
      supportTicketsOpen: v('support_tickets_open'),
      averageHealthScore: v('average_health_score'),
      userEngagementRate: v('user_engagement_rate'),
      bounceRate: v('bounce_rate'),
    },
    securityCompliance: {
      failedAuthAttempts: v('failed_auth_attempts'),
      apiRequestsPerMinute: v('api_requests_per_minute'),
      complianceScore: v('compliance_score'),
      activeSessions: v('active_sessions'),
      securityIncidents: v('security_incidents'),
      auditEventsToday: v('audit_events_today'),
    },
    executiveSummary: {
      overallStatus: overallStatus(inputs.alerts),
      revenueToday: v('revenue_today'),
      activeCustomers: v('active_customers'),
      workflowSuccessRate: v('workflow_success_rate'),
      activeAlerts: inputs.alerts.filter((a) => ACTIVE.has(a.state)).length,
      criticalAlerts: inputs.alerts.filter((a) => a.state === 'firing' && a.severity === 'critical').length,
    },
    alerts: [...inputs.alerts],
    performance: inputs.performance,
  };
}

/**
 * The snapshot as a caller with these modules sees it: other modules are absent, alerts
 * are those of visible modules, and the aggregator's own figures are for the system module.
 */
export function visibleSnapshot(snapshot: OpsSnapshot, modules: readonly OpsModule[]): OpsSnapshot {
  const can = new Set(modules);
  const all = OPS_MODULE_COUNT === can.size;
  const clocks = snapshot.moduleClocks ?? {};
  const visibleClocks = Object.fromEntries(
    (Object.entries(MODULE_OF_KEY) as [OpsModuleKey, OpsModule][])
      .filter(([key, module]) => can.has(module) && clocks[key])
      .map(([key]) => [key, clocks[key]]),
  );
  return {
    builtAt: snapshot.builtAt,
    dataAsOf: snapshot.dataAsOf,
    moduleClocks: visibleClocks,
    modules: [...modules],
    ...(can.has('system') ? { systemHealth: snapshot.systemHealth, performance: snapshot.performance } : {}),
    ...(can.has('business') ? { businessMetrics: snapshot.businessMetrics } : {}),
    ...(can.has('workflow') ? { workflowPerformance: snapshot.workflowPerformance } : {}),
    ...(can.has('customer') ? { customerIntelligence: snapshot.customerIntelligence } : {}),
    ...(can.has('security') ? { securityCompliance: snapshot.securityCompliance } : {}),
    ...(can.has('executive') ? { executiveSummary: snapshot.executiveSummary } : {}),
    alerts: all ? snapshot.alerts : snapshot.alerts.filter((a) => can.has(a.module)),
  };
}

const OPS_MODULE_COUNT = 6;

const MODULE_OF_KEY: Record<OpsModuleKey, OpsModule> = {
  systemHealth: 'system',
  businessMetrics: 'business',
  workflowPerformance: 'workflow',
  customerIntelligence: 'customer',
  securityCompliance: 'security',
  executiveSummary: 'executive',
};

export function summarizeSnapshot(snapshot: OpsSnapshot): OpsSnapshotSummary {
  return {
    builtAt: snapshot.builtAt,
    overallStatus: snapshot.executiveSummary?.overallStatus ?? 'healthy',
    activeAlerts: snapshot.executiveSummary?.activeAlerts ?? 0,
    totalDataPoints: snapshot.performance?.totalDataPoints ?? 0,
    aggregationLatencyMs: snapshot.performance?.aggregationLatencyMs ?? 0,
  };
}
