import type { IntegrationEventDetail, IntegrationEventView, IssueView } from '@switchyard/contracts';
import type { IntegrationEventEntity, IntegrationIssueEntity } from './entities';

export function toIssueView(issue: IntegrationIssueEntity): IssueView {
  return {
    id: issue.id,
    integration: issue.integration,
    category: issue.category,
    signature: issue.signature,
    title: issue.title,
    severity: issue.severity,
    state: issue.state,
    occurrences: issue.occurrences,
    firstSeenAt: issue.firstSeenAt.toISOString(),
    lastSeenAt: issue.lastSeenAt.toISOString(),
    openedAt: issue.openedAt.toISOString(),
    resolvedAt: issue.resolvedAt?.toISOString() ?? null,
    lastEventId: issue.lastEventId,
    stateChangedBy: issue.stateChangedBy,
    stateChangedAt: issue.stateChangedAt.toISOString(),
    history: issue.history,
  };
}

export function toEventView(event: IntegrationEventEntity): IntegrationEventView {
  return {
    id: event.id,
    integration: event.integration,
    webhookId: event.webhookId,
    eventType: event.eventType,
    status: event.status,
    occurredAt: event.occurredAt.toISOString(),
    receivedAt: event.receivedAt.toISOString(),
    processedAt: event.processedAt?.toISOString() ?? null,
    error:
      event.errorMessage === null
        ? null
        : { message: event.errorMessage, code: event.errorCode, httpStatus: event.errorHttpStatus },
    classification: event.classification,
    issueId: event.issueId,
  };
}

export function toEventDetail(event: IntegrationEventEntity): Omit<IntegrationEventDetail, 'generatedAt'> {
  return { ...toEventView(event), payload: event.payload };
}
