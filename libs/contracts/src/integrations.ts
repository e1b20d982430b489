/**
 * Integration health: signed webhooks from the business systems a contractor runs on,
 * their failures classified and grouped into issues, and health per integration.
 */
export const INTEGRATIONS = ['procore', 'gusto', 'quickbooks', 'stripe_issuing', 'lcptracker'] as const;
export type IntegrationId = (typeof INTEGRATIONS)[number];

export const INTEGRATION_CATALOG: Record<IntegrationId, { name: string; description: string }> = {
  procore: { name: 'Procore', description: 'Project management: jobs, cost codes, daily logs' },
  gusto: { name: 'Gusto', description: 'Payroll: employees, timecards, payroll runs' },
  quickbooks: { name: 'QuickBooks', description: 'Accounting: job costs, invoices, GL entries' },
  stripe_issuing: { name: 'Stripe Issuing', description: 'Virtual cards for field purchases' },
  lcptracker: { name: 'LCPtracker', description: 'Certified payroll and prevailing wage compliance' },
};

export function isIntegrationId(value: string): value is IntegrationId {
  return (INTEGRATIONS as readonly string[]).includes(value);
}

export const FAILURE_CATEGORIES = [
  'auth',
  'rate_limit',
  'data_validation',
  'data_state_mismatch',
  'spending_control',
  'compliance',
  'unknown',
] as const;
export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

export const FAILURE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type FailureSeverity = (typeof FAILURE_SEVERITIES)[number];

/** Whose move it is: the vendor's, the customer's settings, or Switchyard's own code. */
export const FAILURE_ORIGINS = ['upstream', 'configuration', 'ours'] as const;
export type FailureOrigin = (typeof FAILURE_ORIGINS)[number];

export const INTEGRATION_EVENT_STATUSES = ['success', 'failure'] as const;
export type IntegrationEventStatus = (typeof INTEGRATION_EVENT_STATUSES)[number];

export const INTEGRATION_HEALTH_STATUSES = ['healthy', 'degraded', 'down'] as const;
export type IntegrationHealthStatus = (typeof INTEGRATION_HEALTH_STATUSES)[number];

export const ISSUE_STATES = ['open', 'acknowledged', 'resolved', 'ignored'] as const;
export type IssueState = (typeof ISSUE_STATES)[number];

export interface ErrorClassification {
  category: FailureCategory;
  severity: FailureSeverity;
  /** Plain-English explanation. */
  cause: string;
  suggestedFix: string;
  affectedData: string[];
  businessImpact: string;
  retryable: boolean;
  origin: FailureOrigin;
  /** `rules` (deterministic) or `llm` (refined by the configured model). */
  classifiedBy: 'rules' | 'llm';
  /** The normalized error message the issue grouping uses (numbers and ids taken out). */
  signature: string;
}

export interface IntegrationEventError {
  message: string;
  code: string | null;
  httpStatus: number | null;
}

export interface IntegrationEventView {
  id: string;
  integration: IntegrationId;
  webhookId: string;
  eventType: string;
  status: IntegrationEventStatus;
  occurredAt: string;
  receivedAt: string;
  processedAt: string | null;
  error: IntegrationEventError | null;
  classification: ErrorClassification | null;
  issueId: string | null;
}

/** Detail of one event: its redacted payload too. */
export interface IntegrationEventDetail extends IntegrationEventView {
  payload: Record<string, unknown>;
  generatedAt: string;
}

/**
 * The answer to a webhook (the same for a repeat of the same sender event id). `webhookId`
 * is the sender's own event id (Stripe `evt_…`, Gusto `uuid`, Procore `ulid`, `webhook-id`).
 */
export interface WebhookReceipt {
  eventId: string;
  integration: IntegrationId;
  webhookId: string;
  status: IntegrationEventStatus;
  receivedAt: string;
  /** Every event of a delivery that carried several (QuickBooks batches); the first is above. */
  events?: Array<Pick<WebhookReceipt, 'eventId' | 'webhookId' | 'status'>>;
}

/** The answer to a sender's subscription handshake (Gusto's verification token): nothing stored. */
export interface WebhookHandshakeReceipt {
  integration: IntegrationId;
  handshake: string;
}

export interface FeedbackShare {
  helpful: number;
  notHelpful: number;
  /** helpful / (helpful + notHelpful), 0..1; null without feedback. */
  helpfulShare: number | null;
}

export interface HourlyHealthPoint {
  /** Start of the hour, ISO 8601 UTC. */
  hour: string;
  successes: number;
  failures: number;
}

export interface IntegrationHealth {
  id: IntegrationId;
  name: string;
  description: string;
  status: IntegrationHealthStatus;
  /** Percent of events in the last 24 h that succeeded; null without events. */
  successRate: number | null;
  /** Percent of the last 24 hours that were healthy (hour by hour). */
  uptime: number;
  events24h: number;
  errors24h: number;
  lastEventAt: string | null;
  lastFailureAt: string | null;
  /** Mean seconds from a failure happening upstream to it being stored here. */
  mttdSeconds: number | null;
  /** Mean seconds from an issue opening to its resolution (issues resolved in the last 24 h). */
  mttrSeconds: number | null;
  openIssues: number;
  trend: HourlyHealthPoint[];
  feedback: FeedbackShare;
}

export interface IntegrationList {
  items: IntegrationHealth[];
  feedback: FeedbackShare;
  generatedAt: string;
}

export interface IntegrationDetail extends IntegrationHealth {
  generatedAt: string;
}

export interface IssueHistoryEntry {
  at: string;
  /** Email of the person, or `system` for a reopening. */
  by: string;
  action: 'opened' | 'acknowledged' | 'resolved' | 'ignored' | 'reopened';
  comment: string | null;
}

export interface IssueView {
  id: string;
  integration: IntegrationId;
  category: FailureCategory;
  signature: string;
  title: string;
  severity: FailureSeverity;
  state: IssueState;
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
  openedAt: string;
  resolvedAt: string | null;
  lastEventId: string;
  stateChangedBy: string | null;
  stateChangedAt: string;
  history: IssueHistoryEntry[];
}

export interface IssueActionRequest {
  comment?: string;
}

export interface FeedbackRequest {
  helpful: boolean;
  correctCategory?: FailureCategory;
}

export interface FeedbackView {
  eventId: string;
  helpful: boolean;
  correctCategory: FailureCategory | null;
  givenBy: string;
  givenAt: string;
}

/** One labelled failure, the format of the golden set and of exported corrections. */
export interface GoldenCase {
  id: string;
  integration: IntegrationId;
  eventType: string;
  error: { message: string; code?: string; httpStatus?: number };
  context?: Record<string, unknown>;
  /** `retryable`, when labelled, is checked too: a 429/503 must be retryable, a decline or violation not. */
  expected: { category: FailureCategory; retryable?: boolean };
  /** Why an ambiguous label was chosen. */
  note?: string;
}

/** One issue with its history (`GET /integration-issues/:id`). */
export interface IssueDetail extends IssueView {
  generatedAt: string;
}
