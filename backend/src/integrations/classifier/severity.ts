import type { FailureCategory, FailureSeverity, IntegrationId } from '@switchyard/contracts';
import { FAILURE_SEVERITIES } from '@switchyard/contracts';

const HOUR_MS = 3_600_000;

/** Keys in a payload's data that name a deadline the failure could make us miss. */
const DEADLINE_KEYS = ['payrollDeadline', 'payDate', 'checkDate', 'reportDueDate', 'dueDate', 'submissionDeadline'];

export interface BusinessContext {
  /** The closest deadline found in the event, if any. */
  deadline: Date | null;
  /** Workers or cards the failure touches, if the event says. */
  peopleAffected: number | null;
}

export function readBusinessContext(data: Record<string, unknown> | undefined): BusinessContext {
  let deadline: Date | null = null;
  for (const key of DEADLINE_KEYS) {
    const value = data?.[key];
    if (typeof value !== 'string') continue;
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime()) && (deadline === null || parsed < deadline)) deadline = parsed;
  }
  const people = data?.employeesAffected ?? data?.workersAffected ?? data?.cardholdersAffected;
  return { deadline, peopleAffected: typeof people === 'number' ? people : null };
}

function raise(severity: FailureSeverity, steps: number): FailureSeverity {
  const index = Math.min(FAILURE_SEVERITIES.length - 1, FAILURE_SEVERITIES.indexOf(severity) + steps);
  return FAILURE_SEVERITIES[index];
}

/**
 * Severity from the category's base, raised by business context: a payroll or
 * compliance deadline within 48 hours (two steps within 24), or many people affected.
 * Rate limiting never goes past medium: it heals itself.
 */
export function assessSeverity(
  base: FailureSeverity,
  integration: IntegrationId,
  category: FailureCategory,
  context: BusinessContext,
  now: Date,
): FailureSeverity {
  let steps = 0;
  if (context.deadline) {
    const hoursLeft = (context.deadline.getTime() - now.getTime()) / HOUR_MS;
    const deadlineDriven = integration === 'gusto' || integration === 'lcptracker' || category === 'compliance';
    if (deadlineDriven && hoursLeft <= 24) steps += 2;
    else if (deadlineDriven && hoursLeft <= 48) steps += 1;
  }
  if ((context.peopleAffected ?? 0) >= 25) steps += 1;
  const raised = raise(base, steps);
  return category === 'rate_limit' && raised !== 'low' ? 'medium' : raised;
}
