import type { FailureCategory, FailureOrigin, FailureSeverity, IntegrationId } from '@switchyard/contracts';
import { INTEGRATION_CATALOG } from '@switchyard/contracts';

export interface PlaybookEntry {
  cause: string;
  suggestedFix: string;
  retryable: boolean;
  origin: FailureOrigin;
  baseSeverity: FailureSeverity;
}

/** What each integration feeds, and what stops when it fails. */
const INTEGRATION_STAKES: Record<IntegrationId, { data: string[]; impact: string }> = {
  procore: {
    data: ['projects', 'cost codes', 'daily logs', 'commitments'],
    impact: 'Job costing falls behind: project profitability and budget-vs-actual go stale.',
  },
  gusto: {
    data: ['employees', 'timecards', 'payroll runs'],
    impact: 'Payroll can be delayed: workers may not be paid on time.',
  },
  quickbooks: {
    data: ['job costs', 'invoices', 'bills', 'GL entries'],
    impact: 'The books drift from the field: job costs, invoices and GL entries are missing or late.',
  },
  stripe_issuing: {
    data: ['cards', 'cardholders', 'authorizations', 'transactions'],
    impact: 'Field crews cannot buy materials with their cards, which can stall work on site.',
  },
  lcptracker: {
    data: ['certified payroll reports', 'workers', 'wage classifications'],
    impact: 'Certified payroll may miss its deadline, risking withheld payments and compliance findings.',
  },
};

function name(integration: IntegrationId): string {
  return INTEGRATION_CATALOG[integration].name;
}

const CATEGORY_PLAYBOOK: Record<FailureCategory, (integration: IntegrationId) => PlaybookEntry> = {
  auth: (i) => ({
    cause: `${name(i)} refused our credentials: the connection's token or key expired, was revoked, or lacks a permission this call needs.`,
    suggestedFix: `Reconnect ${name(i)} from the integration settings (a company admin signs in again and grants the requested permissions), then retry the failed events.`,
    retryable: false,
    origin: 'configuration',
    baseSeverity: 'high',
  }),
  rate_limit: (i) => ({
    cause: `${name(i)} is throttling us: too many requests in its rate-limit window.`,
    suggestedFix: `Nothing to change right away: the calls are retried after the Retry-After delay. If it keeps happening, spread bulk syncs out or ask ${name(i)} for a higher limit.`,
    retryable: true,
    origin: 'upstream',
    baseSeverity: 'low',
  }),
  data_validation: (i) => ({
    cause: `${name(i)} rejected a record because a field is missing or malformed.`,
    suggestedFix: `Open the record named in the error, correct the field in the source system, and resend it; if many records fail the same way, check the field mapping for ${name(i)}.`,
    retryable: false,
    origin: 'ours',
    baseSeverity: 'medium',
  }),
  data_state_mismatch: (i) => ({
    cause: `Our copy and ${name(i)} disagree about a record: it was changed, closed, deleted or already processed on one side.`,
    suggestedFix: `Compare the record in ${name(i)} with ours, refresh it from ${name(i)} (or re-create the missing reference), then replay the event.`,
    retryable: false,
    origin: 'ours',
    baseSeverity: 'medium',
  }),
  spending_control: (i) => ({
    cause: `${name(i)} declined a purchase under a card rule: spending limit, blocked merchant category, inactive card or cardholder, or an empty balance.`,
    suggestedFix:
      'Check the card and cardholder in the card program: raise the limit or allow the merchant category if the purchase is legitimate, reactivate the card, or top up the Issuing balance.',
    retryable: false,
    origin: 'configuration',
    baseSeverity: 'medium',
  }),
  compliance: (i) => ({
    cause: `${name(i)} flagged a compliance problem: wages, classifications or certifications do not meet the contract's prevailing wage or labor rules.`,
    suggestedFix:
      "Have the payroll or compliance admin correct the worker's classification, wage or fringe rates (or the missing signature or form) against the wage determination, then resubmit.",
    retryable: false,
    origin: 'configuration',
    baseSeverity: 'high',
  }),
  unknown: (i) => ({
    cause: `${name(i)} failed without a recognizable reason (a 5xx or a timeout is usually a temporary fault on their side).`,
    suggestedFix: `If the error is a server error or a timeout, it is retried with backoff; otherwise read the error, check ${name(i)}'s status page and contact their support with the request id from the error before replaying.`,
    // Retried only on transient evidence (see isRetryable): an unexplained failure is not retried blindly.
    retryable: false,
    origin: 'upstream',
    baseSeverity: 'medium',
  }),
};

export function playbookFor(integration: IntegrationId, category: FailureCategory): PlaybookEntry {
  return CATEGORY_PLAYBOOK[category](integration);
}

export function stakesOf(integration: IntegrationId): { data: string[]; impact: string } {
  return INTEGRATION_STAKES[integration];
}
