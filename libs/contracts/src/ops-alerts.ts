import type { OpsModule } from './operations';

/** Operations alerts: rules, alert instances per series, acknowledgements and silences. */

export const ALERT_DIRECTIONS = ['above', 'below'] as const;
export type AlertDirection = (typeof ALERT_DIRECTIONS)[number];

export const ALERT_STATES = ['normal', 'pending', 'firing', 'recovering', 'resolved', 'no_data', 'error'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
/** States of an alert that is still open (one per rule and labels at most). */
export const OPEN_ALERT_STATES: readonly AlertState[] = ['pending', 'firing', 'recovering', 'no_data', 'error'];

export const ALERT_SEVERITIES = ['warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_KINDS = ['threshold', 'freshness', 'security'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertRuleInput {
  id: string;
  name: string;
  metric: string;
  warning: number;
  critical: number;
  direction: AlertDirection;
  holdSeconds: number;
  /** No point for this long counts as missing data. */
  noDataAfterSeconds: number;
  /** Whether missing data raises a `no_data` alert (otherwise the state is kept). */
  alertOnNoData: boolean;
  /** Labels added to every alert instance of the rule. */
  labels: Record<string, string>;
  /** Label values a series must carry to be watched; `source` matches the series' source. */
  matchers: Record<string, string>;
  /**
   * The labels (`source` among them) that make one alert instance, judged on the worst
   * newest value of its series; null: every series is its own instance.
   */
  groupBy: string[] | null;
  enabled: boolean;
}

export interface AlertRule extends AlertRuleInput {
  createdAt: string;
  updatedAt: string;
}

export interface AlertAcknowledgement {
  by: string;
  at: string;
  comment: string;
}

/** The series (or group of series) a rule's alert instance is about. */
export interface AlertSeries {
  /** The source of the series; null when the instance groups several sources. */
  source: string | null;
  /** The series' labels (those of the rule's groupBy when it groups). */
  labels: Record<string, string>;
}

export interface AlertView {
  id: string;
  kind: AlertKind;
  ruleId: string | null;
  metric: string | null;
  /** The source the alert is about (the series' source for rule alerts). */
  sourceId: string | null;
  /** The tenant (brand) of that source; null when the alert is not about one tenant's data. */
  tenant: string | null;
  /** The rule's labels, the series' labels and `source`. */
  labels: Record<string, string>;
  /** For rule alerts: the series this instance judges; null for freshness alerts. */
  series: AlertSeries | null;
  module: OpsModule;
  state: AlertState;
  severity: AlertSeverity | null;
  value: number | null;
  threshold: number | null;
  message: string;
  /** When the current state began. */
  stateSince: string;
  startedAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  lastEvaluatedAt: string;
  acknowledgement: AlertAcknowledgement | null;
  /** The silence suppressing its notifications, if any. */
  silencedBy: string | null;
}

export interface SilenceMatchers {
  ruleId?: string;
  metric?: string;
  labels?: Record<string, string>;
}

export interface SilenceInput {
  matchers: SilenceMatchers;
  startsAt?: string;
  endsAt: string;
  comment: string;
}

export interface Silence {
  id: string;
  matchers: SilenceMatchers;
  startsAt: string;
  endsAt: string;
  comment: string;
  createdBy: string;
  createdAt: string;
  active: boolean;
}

/** A security alert's client revoked and the alert resolved (`POST /ops/alerts/:id/revoke-client`). */
export interface RevokedFromAlert {
  alert: AlertView;
  clientId: string;
}
