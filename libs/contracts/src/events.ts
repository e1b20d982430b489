import type { FreshnessState, SourceFreshness } from './freshness';
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
