import type {
  AlertKind,
  AlertRule,
  AlertSeverity,
  AlertState,
  AlertView,
  OpsModule,
  Silence,
  SilenceMatchers,
} from '@switchyard/contracts';
import type { AlertRuleEntity } from '../entities/alert-rule.entity';
import type { AlertEntity } from '../entities/alert.entity';
import type { SilenceEntity } from '../entities/silence.entity';

export function toAlertView(a: AlertEntity): AlertView {
  return {
    id: a.id,
    kind: a.kind as AlertKind,
    ruleId: a.ruleId,
    metric: a.metric,
    sourceId: a.sourceId,
    tenant: a.tenant,
    labels: a.labels,
    series: a.kind === 'threshold' && a.seriesLabels ? { source: a.sourceId, labels: a.seriesLabels } : null,
    module: a.module as OpsModule,
    state: a.state as AlertState,
    severity: a.severity as AlertSeverity | null,
    value: a.value,
    threshold: a.threshold,
    message: a.message,
    stateSince: a.stateSince.toISOString(),
    startedAt: a.startedAt.toISOString(),
    firedAt: a.firedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    lastEvaluatedAt: a.lastEvaluatedAt.toISOString(),
    acknowledgement:
      a.acknowledgedBy && a.acknowledgedAt
        ? { by: a.acknowledgedBy, at: a.acknowledgedAt.toISOString(), comment: a.ackComment ?? '' }
        : null,
    silencedBy: a.silencedBy,
  };
}

export function toAlertRule(r: AlertRuleEntity): AlertRule {
  return {
    id: r.id,
    name: r.name,
    metric: r.metric,
    warning: r.warning,
    critical: r.critical,
    direction: r.direction as AlertRule['direction'],
    holdSeconds: r.holdSeconds,
    noDataAfterSeconds: r.noDataAfterSeconds,
    alertOnNoData: r.alertOnNoData,
    labels: r.labels,
    matchers: r.matchers ?? {},
    groupBy: r.groupBy ?? null,
    enabled: r.enabled,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function silenceMatchers(s: SilenceEntity): SilenceMatchers {
  return {
    ...(s.ruleId ? { ruleId: s.ruleId } : {}),
    ...(s.metric ? { metric: s.metric } : {}),
    ...(Object.keys(s.labels).length ? { labels: s.labels } : {}),
  };
}

export function toSilence(s: SilenceEntity, now: Date): Silence {
  return {
    id: s.id,
    matchers: silenceMatchers(s),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    comment: s.comment,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    active: s.startsAt <= now && now < s.endsAt,
  };
}

/** Whether a silence covers an alert: every matcher given must match. */
export function silenceMatches(
  s: Pick<SilenceEntity, 'ruleId' | 'metric' | 'labels'>,
  alert: Pick<AlertEntity, 'ruleId' | 'metric' | 'labels'>,
): boolean {
  if (s.ruleId && s.ruleId !== alert.ruleId) return false;
  if (s.metric && s.metric !== alert.metric) return false;
  return Object.entries(s.labels).every(([k, v]) => alert.labels[k] === v);
}
