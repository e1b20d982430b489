import type { FailureSeverity, IssueHistoryEntry, IssueState } from '@switchyard/contracts';
import { FAILURE_SEVERITIES } from '@switchyard/contracts';

export type IssueAction = 'acknowledge' | 'resolve' | 'ignore';

const TARGET: Record<IssueAction, IssueState> = { acknowledge: 'acknowledged', resolve: 'resolved', ignore: 'ignored' };
const HISTORY_ACTION: Record<IssueAction, IssueHistoryEntry['action']> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  ignore: 'ignored',
};

/**
 * Which moves a person may make: acknowledge an open issue; resolve or ignore an open
 * or acknowledged one; reopen nothing by hand (a new failure reopens a resolved issue).
 * Returns the new state, or a reason the move is refused.
 */
export function nextState(
  current: IssueState,
  action: IssueAction,
): { state: IssueState; history: IssueHistoryEntry['action'] } | { refused: string } {
  const allowed: Record<IssueAction, IssueState[]> = {
    acknowledge: ['open'],
    resolve: ['open', 'acknowledged'],
    ignore: ['open', 'acknowledged'],
  };
  if (!allowed[action].includes(current)) return { refused: `an ${current} issue cannot be ${TARGET[action]}` };
  return { state: TARGET[action], history: HISTORY_ACTION[action] };
}

/** What a new failure does to its issue: a resolved one reopens; ignored stays ignored. */
export function stateAfterFailure(current: IssueState): { state: IssueState; reopened: boolean } {
  return current === 'resolved' ? { state: 'open', reopened: true } : { state: current, reopened: false };
}

export function maxSeverity(a: FailureSeverity, b: FailureSeverity): FailureSeverity {
  return FAILURE_SEVERITIES.indexOf(a) >= FAILURE_SEVERITIES.indexOf(b) ? a : b;
}
