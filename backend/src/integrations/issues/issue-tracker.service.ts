import { Injectable } from '@nestjs/common';
import type { DomainEvent, ErrorClassification, IssueState, IssueView, Page, Principal } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, DomainException, ResourceNotFoundException, toPage, type PageWindow } from '../../common';
import { DomainEventBus } from '../../events';
import { errorSignature } from '../classifier/error-signature';
import type { IntegrationEventEntity, IntegrationIssueEntity } from '../entities';
import { historyEntry, IntegrationIssuesRepository, type IssueFilters } from '../integration-issues.repository';
import { toIssueView } from '../integration-views';
import { maxSeverity, nextState, stateAfterFailure, type IssueAction } from './issue-rules';

type IssueChanged = Extract<DomainEvent, { type: 'integration.issue.changed' }>;

/** Failures grouped into issues, and the triage moves people make on them. */
@Injectable()
export class IssueTrackerService {
  constructor(
    private readonly issues: IntegrationIssuesRepository,
    private readonly dataSource: DataSource,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds failures to their issues (creating or reopening them) inside the caller's transaction.
   * Failures of one issue are applied in order to that issue, locked once and written once;
   * issues are locked in a fixed order, so two processors never wait on each other in a cycle.
   * Answers which issue each event went to, and one change per issue touched.
   */
  async recordFailures(
    manager: EntityManager,
    failures: ReadonlyArray<{ event: IntegrationEventEntity; classification: ErrorClassification }>,
    now: Date,
  ): Promise<{ issueOf: Map<string, string>; changed: IssueChanged[] }> {
    type Failure = (typeof failures)[number];
    const groups = new Map<string, { fresh: IntegrationIssueEntity; members: Failure[] }>();
    for (const failure of failures) {
      const { event, classification } = failure;
      const signatureHash = errorSignature(event.integration, classification.category, event.errorMessage ?? '');
      const key = `${event.integration}|${classification.category}|${signatureHash}`;
      const group = groups.get(key);
      if (group) group.members.push(failure);
      else groups.set(key, { fresh: freshIssue(event, classification, signatureHash, now), members: [failure] });
    }
    const issueOf = new Map<string, string>();
    const changed: IssueChanged[] = [];
    // Keys are distinct, so this order is total.
    const inLockOrder = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [, { fresh, members }] of inLockOrder) {
      const { issue, created } = await this.issues.lockOrCreate(manager, fresh);
      const previous = created ? null : issue.state;
      // A created issue already counts the first failure.
      const added = created ? members.slice(1) : members;
      for (const { event, classification } of added) addFailure(issue, event, classification, now);
      if (added.length > 0) await this.issues.save(manager, issue);
      for (const { event } of members) issueOf.set(event.id, issue.id);
      changed.push(changedEvent(issue, previous, now));
    }
    return { issueOf, changed };
  }

  async list(filters: IssueFilters, window: PageWindow): Promise<Omit<Page<IssueView>, 'generatedAt'>> {
    const [rows, total] = await this.issues.list(filters, window);
    return toPage(window, rows.map(toIssueView), total);
  }

  async act(id: string, action: IssueAction, comment: string | null, principal: Principal): Promise<IssueView> {
    const by = actorOf(principal);
    const { issue, previous } = await this.dataSource.transaction(async (manager) => {
      const found = await this.issues.lockById(manager, id);
      if (!found) throw new ResourceNotFoundException('integration issue', id);
      const move = nextState(found.state, action);
      if ('refused' in move) throw new DomainException('CONFLICT', 409, move.refused);
      const now = this.clock.now();
      const before: IssueState = found.state;
      found.state = move.state;
      found.stateChangedBy = by;
      found.stateChangedAt = now;
      if (move.state === 'resolved') found.resolvedAt = now;
      found.history = [...found.history, historyEntry(move.history, by, now, comment)];
      await this.issues.save(manager, found);
      return { issue: found, previous: before };
    });
    this.bus.publish(changedEvent(issue, previous, this.clock.now()));
    return toIssueView(issue);
  }
}

/** The issue a first failure of its kind opens. */
function freshIssue(
  event: IntegrationEventEntity,
  classification: ErrorClassification,
  signatureHash: string,
  now: Date,
): IntegrationIssueEntity {
  return {
    id: randomUUID(),
    integration: event.integration,
    category: classification.category,
    signatureHash,
    signature: classification.signature,
    title: (event.errorMessage ?? event.eventType).slice(0, 300),
    severity: classification.severity,
    state: 'open',
    occurrences: 1,
    firstSeenAt: event.occurredAt,
    lastSeenAt: event.occurredAt,
    openedAt: now,
    resolvedAt: null,
    lastEventId: event.id,
    stateChangedBy: null,
    stateChangedAt: now,
    history: [historyEntry('opened', 'system', now)],
  };
}

/** One more failure on an existing issue: counted, dated, and reopening it if it was closed. */
function addFailure(
  issue: IntegrationIssueEntity,
  event: IntegrationEventEntity,
  classification: ErrorClassification,
  now: Date,
): void {
  const after = stateAfterFailure(issue.state);
  issue.occurrences += 1;
  if (event.occurredAt > issue.lastSeenAt) issue.lastSeenAt = event.occurredAt;
  issue.lastEventId = event.id;
  issue.severity = maxSeverity(issue.severity, classification.severity);
  if (after.reopened) {
    Object.assign(issue, { state: after.state, openedAt: now, resolvedAt: null, stateChangedBy: 'system' });
    issue.stateChangedAt = now;
    issue.history = [...issue.history, historyEntry('reopened', 'system', now, 'a new failure arrived')];
  }
}

function changedEvent(issue: IntegrationIssueEntity, previous: IssueState | null, at: Date): IssueChanged {
  return { type: 'integration.issue.changed', at: at.toISOString(), issue: toIssueView(issue), previous };
}

/** Who did it, as shown in history: a person's email, or the service client's id. */
export function actorOf(principal: Principal): string {
  return principal.email ?? `client:${principal.id}`;
}
