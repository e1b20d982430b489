import type { AlertSeverity } from './ops-alerts';
import type { OpsModule } from './operations';

/**
 * Where alerts are sent. A contact point is one receiver (a Slack channel's incoming
 * webhook, an SMTP mailbox, a Teams channel, a PagerDuty service, a signed webhook); its
 * secret (webhook URL, routing key, SMTP password, signing secret) is write-only.
 */
export const CONTACT_POINT_KINDS = ['slack', 'email', 'teams', 'pagerduty', 'webhook'] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

/** Settings that are not secret, per kind. */
export interface ContactPointSettings {
  /** webhook: where to POST (the signing secret is the contact point's secret). */
  url?: string;
  /** email: the SMTP server and the envelope. */
  smtpHost?: string;
  smtpPort?: number;
  /** email: TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  smtpSecure?: boolean;
  smtpUser?: string | null;
  from?: string;
  to?: string[];
}

export interface ContactPointInput {
  id: string;
  name: string;
  kind: ContactPointKind;
  /** The CRM brand it belongs to; null for operators of the whole install. */
  tenant?: string | null;
  settings?: ContactPointSettings;
  /**
   * slack / teams: the incoming-webhook URL; pagerduty: the Events API v2 routing key;
   * webhook: the Standard Webhooks signing secret (`whsec_…`); email: the SMTP password (optional).
   */
  secret?: string | null;
}

export interface ContactPoint {
  id: string;
  name: string;
  kind: ContactPointKind;
  tenant: string | null;
  settings: ContactPointSettings;
  /** Secrets are write-only; this says whether one is stored. */
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a contact point is sent: rendered for its kind at delivery time. */
export interface NotificationMessage {
  title: string;
  text: string;
  severity: 'critical' | 'warning' | 'info';
  /** Stable per alert group, so receivers (PagerDuty) can de-duplicate. */
  groupKey: string;
  status: 'firing' | 'resolved' | 'test';
  labels: Record<string, string>;
}

/** One send, queued in Postgres and retried with backoff until it is delivered or given up. */
export interface NotificationDelivery {
  id: string;
  contactPointId: string;
  tenant: string | null;
  status: DeliveryStatus;
  title: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** Which alerts a policy routes; every given condition must hold (an empty policy matches all). */
export interface NotificationMatch {
  severities?: AlertSeverity[];
  modules?: OpsModule[];
  /** Matches the alert's `team` label. */
  teams?: string[];
  /** Every label given must be equal on the alert. */
  labels?: Record<string, string>;
}

/**
 * Routes alerts to contact points. Each alert is one instance of a rule (one series) or one
 * source's freshness. Alerts with the same values of `groupBy` (label names, or `ruleId`,
 * `metric`, `source`, `module`, `severity`) are sent together: the first after `groupWaitSeconds`, and,
 * while any still fires, again every `repeatIntervalSeconds`. Silenced alerts are not sent.
 * A tenant's policy sees only alerts labelled with its tenant.
 */
export interface NotificationPolicyInput {
  id: string;
  name: string;
  tenant?: string | null;
  enabled?: boolean;
  contactPointIds: string[];
  match?: NotificationMatch;
  groupBy?: string[];
  groupWaitSeconds?: number;
  repeatIntervalSeconds?: number;
}

export interface NotificationPolicy extends Required<Omit<NotificationPolicyInput, 'match'>> {
  match: NotificationMatch;
  createdAt: string;
  updatedAt: string;
}
