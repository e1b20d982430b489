import type { FreshnessState, SourceFreshness } from './freshness';
import type { AlertState, AlertView } from './ops-alerts';
import type { OpsDataPointView, OpsSnapshotSummary } from './operations';
import type { FailureCategory, IntegrationEventStatus, IntegrationId, IssueState, IssueView } from './integrations';
import type { BreakerState, SourceDomain } from './sources';
import type { SyncErrorCategory, SyncRunStatus } from './sync';

/**
 * Every state change a screen or client cares about is one of these, on one bus.
 * Real-time push, alerting and metrics subscribe to it.
 */
export type DomainEvent =
  | { type: 'sync.started'; at: string; sourceId: string; runId: string }
  | {
      type: 'sync.finished';
      at: string;
      sourceId: string;
      runId: string;
      status: SyncRunStatus;
      recordsUpserted: number;
      recordsDeleted: number;
      errorCategory: SyncErrorCategory | null;
    }
  | {
      type: 'records.changed';
      at: string;
      sourceId: string;
      domain: SourceDomain;
      tenant: string | null;
      upsertedIds: string[];
      deletedIds: string[];
    }
  | {
      type: 'freshness.changed';
      at: string;
      sourceId: string;
      previous: FreshnessState | null;
      freshness: SourceFreshness;
    }
  | { type: 'breaker.changed'; at: string; sourceId: string; previous: BreakerState; state: BreakerState }
  | { type: 'source.changed'; at: string; sourceId: string; action: 'created' | 'updated' | 'deleted' }
  /**
   * Something security-relevant about a principal (a client secret about to expire, a client
   * used from a new network or at an unusual rate): the alerting raises a security alert.
   * `key` identifies the condition; one open alert per key.
   */
  | {
      type: 'security.signal';
      at: string;
      key: string;
      severity: 'warning' | 'critical';
      message: string;
      /** `clientId` names the client an admin may revoke from the alert. */
      labels: Record<string, string>;
    }
  /** A user signed out, was disabled or had their access changed: their live connections close. */
  | {
      type: 'principal.revoked';
      at: string;
      principalId: string;
      reason: 'signed_out' | 'disabled' | 'access_changed';
    }
  /** An alert changed state; `notify` is false for silent steps (pending, recovering) and silenced alerts. */
  | { type: 'alert.changed'; at: string; alert: AlertView; previous: AlertState | null; notify: boolean }
  /** The aggregator built a new operations snapshot. */
  | { type: 'ops.snapshot'; at: string; snapshot: OpsSnapshotSummary }
  /** Data points just committed (pushed through the API), at most 200 per event. */
  | { type: 'ops.data_points'; at: string; points: OpsDataPointView[] }
  | {
      type: 'integration.event';
      at: string;
      integration: IntegrationId;
      eventId: string;
      status: IntegrationEventStatus;
      category: FailureCategory | null;
    }
  | { type: 'integration.issue.changed'; at: string; issue: IssueView; previous: IssueState | null };

export type DomainEventType = DomainEvent['type'];
