import { randomUUID } from 'node:crypto';
import {
  CATEGORY_MODULE,
  type AlertSeries,
  type AlertView,
  type OpsCategory,
  type OpsModule,
} from '@switchyard/contracts';
import type { AlertRuleEntity } from '../entities/alert-rule.entity';
import { AlertEntity } from '../entities/alert.entity';
import { CLOSED_STATES, thresholdOf, type AlertReading, type AlertStatus, type AlertThresholds } from './alert-state';
import { alertLabels, fingerprintOf, type SeriesInstance } from './rule-series';

/** What one alert is about, and this evaluation's reading of it. */
export interface AlertSubject extends Pick<
  AlertView,
  'ruleId' | 'metric' | 'sourceId' | 'tenant' | 'labels' | 'series' | 'module'
> {
  fingerprint: string;
  /** Rule alerts and freshness alerts (security alerts are raised elsewhere). */
  kind: 'threshold' | 'freshness';
  thresholds: AlertThresholds;
  reading: AlertReading;
  /** Shown value: the metric value, or a source's age in seconds. */
  value: number | null;
  /** Whether the threshold crossed is worth showing (not for freshness). */
  showsThreshold: boolean;
  message(status: AlertStatus): string;
}

/** An instance of a rule: a series (or group), the empty instance (null) for a rule without series. */
export type InstanceOf = Pick<SeriesInstance, 'series' | 'tenant'> &
  Partial<Pick<SeriesInstance, 'fingerprint' | 'category'>> & { module?: OpsModule };

export function seriesOfAlert(alert: AlertEntity): InstanceOf {
  return {
    fingerprint: alert.fingerprint,
    series: { source: alert.sourceId, labels: alert.seriesLabels ?? {} },
    tenant: alert.tenant,
    module: alert.module as OpsModule,
  };
}

export function ruleSubject(rule: AlertRuleEntity, instance: InstanceOf | null, reading: AlertReading): AlertSubject {
  const thresholds: AlertThresholds = {
    warning: rule.warning,
    critical: rule.critical,
    direction: rule.direction as AlertThresholds['direction'],
    holdSeconds: rule.holdSeconds,
    alertOnNoData: rule.alertOnNoData,
  };
  const value = reading.kind === 'value' ? reading.value : null;
  const series = instance?.series ?? null;
  const module =
    instance?.module ??
    (instance?.category ? CATEGORY_MODULE[instance.category as OpsCategory] : undefined) ??
    'system';
  const where = series ? describeSeries(series) : '';
  const name = `${rule.name}${where ? ` (${where})` : ''}`;
  return {
    fingerprint: instance?.fingerprint ?? fingerprintOf(rule.id, series),
    kind: 'threshold',
    ruleId: rule.id,
    metric: rule.metric,
    sourceId: series?.source ?? null,
    tenant: instance?.tenant ?? null,
    labels: series ? alertLabels(rule.labels, series) : rule.labels,
    series,
    module,
    thresholds,
    reading,
    value,
    showsThreshold: true,
    message: (status) => {
      if (status.state === 'no_data') return `${name}: no data for ${rule.metric} in ${rule.noDataAfterSeconds} s`;
      if (status.state === 'error')
        return `${name}: evaluation failed (${reading.kind === 'error' ? reading.message : ''})`;
      if (!status.severity || CLOSED_STATES.has(status.state) || status.state === 'recovering')
        return `${name}: ${rule.metric} is ${value ?? 'unknown'}, within thresholds`;
      const threshold = thresholdOf(thresholds, status.severity);
      return `${name}: ${rule.metric} is ${value} (${status.severity} ${rule.direction} ${threshold})`;
    },
  };
}

function describeSeries(series: AlertSeries): string {
  return [
    ...(series.source ? [`source=${series.source}`] : []),
    ...Object.entries(series.labels).map(([k, v]) => `${k}=${v}`),
  ].join(', ');
}

export function groupByRule(alerts: readonly AlertEntity[]): Map<string, AlertEntity[]> {
  const byRule = new Map<string, AlertEntity[]>();
  for (const alert of alerts) {
    if (!alert.ruleId) continue;
    byRule.set(alert.ruleId, [...(byRule.get(alert.ruleId) ?? []), alert]);
  }
  return byRule;
}

/** An open alert whose rule (or, for a rule's no-data instance, whose emptiness) is gone: it resolves at once. */
export function orphanSubject(alert: AlertEntity, why = 'rule removed or disabled'): AlertSubject {
  return {
    fingerprint: alert.fingerprint,
    kind: 'threshold',
    ruleId: alert.ruleId,
    metric: alert.metric,
    sourceId: alert.sourceId,
    tenant: alert.tenant,
    labels: alert.labels,
    series: alert.seriesLabels ? { source: alert.sourceId, labels: alert.seriesLabels } : null,
    module: alert.module as OpsModule,
    thresholds: { warning: Infinity, critical: Infinity, direction: 'above', holdSeconds: 0, alertOnNoData: false },
    reading: { kind: 'value', value: 0 },
    value: alert.value,
    showsThreshold: false,
    message: () => `Rule ${alert.ruleId ?? ''}: resolved (${why})`,
  };
}

export function newAlert(subject: AlertSubject, now: Date): AlertEntity {
  return Object.assign(new AlertEntity(), {
    id: randomUUID(),
    kind: subject.kind,
    fingerprint: subject.fingerprint,
    ruleId: subject.ruleId,
    metric: subject.metric,
    sourceId: subject.sourceId,
    tenant: subject.tenant,
    labels: subject.labels,
    seriesLabels: subject.series?.labels ?? null,
    module: subject.module,
    open: true,
    state: 'normal',
    severity: null,
    value: subject.value,
    threshold: null,
    message: '',
    stateSince: now,
    startedAt: now,
    firedAt: null,
    resolvedAt: null,
    lastEvaluatedAt: now,
    acknowledgedBy: null,
    acknowledgedAt: null,
    ackComment: null,
    silencedBy: null,
    notifiedAt: null,
  } satisfies AlertEntity);
}
