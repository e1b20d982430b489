/**
 * What each simulated integration sends: everyday successes, and failures written the
 * way each vendor words them. `{n}`, `{id}`, `{amount}` are filled from the seeded stream.
 */
export const SIMULATED_INTEGRATIONS = ['procore', 'gusto', 'quickbooks', 'stripe_issuing', 'lcptracker'] as const;
export type SimulatedIntegration = (typeof SIMULATED_INTEGRATIONS)[number];

export interface FailureScenario {
  type: string;
  message: string;
  httpStatus?: number;
  code?: string;
  /** Adds a deadline to `data` (payroll or certified payroll due soon). */
  deadlineHours?: number;
}

export interface IntegrationScript {
  successes: string[];
  failures: FailureScenario[];
}

export const INTEGRATION_SCRIPTS: Record<SimulatedIntegration, IntegrationScript> = {
  procore: {
    successes: ['project.sync', 'cost_code.import', 'daily_log.sync', 'commitment.sync', 'budget.sync'],
    failures: [
      { type: 'project.sync', message: 'The access token provided is expired or revoked.', httpStatus: 401 },
      {
        type: 'budget.sync',
        message: 'Rate limit exceeded: {n} requests this hour. Retry after 60 seconds.',
        httpStatus: 429,
      },
      { type: 'cost_code.import', message: "cost_code: code can't be blank (line {n})", httpStatus: 422 },
      { type: 'project.sync', message: 'Project {n} not found or has been deleted', httpStatus: 404 },
      {
        type: 'commitment.sync',
        message: 'Commitment CO-{n} is already approved and can no longer be edited',
        httpStatus: 409,
      },
    ],
  },
  gusto: {
    successes: ['employee.sync', 'timecard.import', 'payroll.submit', 'payroll.calculate'],
    failures: [
      {
        type: 'payroll.submit',
        message: 'Unauthorized: the OAuth access token is no longer valid',
        httpStatus: 401,
        deadlineHours: 20,
      },
      { type: 'timecard.import', message: 'API rate limit reached for company {n}; retry after 30s', httpStatus: 429 },
      { type: 'employee.create', message: 'date_of_birth cannot be in the future', httpStatus: 422 },
      {
        type: 'payroll.submit',
        message: 'Employee {n} is terminated in Gusto but still has hours in the submitted timecards',
        httpStatus: 409,
        deadlineHours: 30,
      },
      { type: 'timecard.import', message: 'Hours for one worker exceed 24 in a single day ({n} h)', httpStatus: 422 },
    ],
  },
  quickbooks: {
    successes: ['invoice.create', 'bill.create', 'journal_entry.post', 'job_cost.sync'],
    failures: [
      { type: 'invoice.create', message: 'AuthenticationFailed: Token expired', httpStatus: 401, code: '3200' },
      {
        type: 'bill.create',
        message: 'ThrottleExceeded: request limit for this realm reached',
        httpStatus: 429,
        code: '3001',
      },
      {
        type: 'journal_entry.post',
        message: 'Transaction is not balanced: debits and credits must be equal',
        httpStatus: 400,
        code: '6000',
      },
      {
        type: 'journal_entry.post',
        message: 'Stale Object Error: You and another user were working on the same thing',
        httpStatus: 400,
        code: '5010',
      },
      {
        type: 'bill.create',
        message: 'Duplicate Document Number Error: bill {n} already exists',
        httpStatus: 400,
        code: '6140',
      },
    ],
  },
  stripe_issuing: {
    successes: ['issuing_authorization.request', 'issuing_transaction.created', 'issuing_card.create'],
    failures: [
      {
        type: 'issuing_authorization.request',
        message: 'Authorization declined: spending limit of ${amount} per day exceeded',
        code: 'spending_controls',
      },
      {
        type: 'issuing_authorization.request',
        message: 'Declined: merchant category is blocked for this card',
        code: 'merchant_category_blocked',
      },
      {
        type: 'issuing_authorization.request',
        message: 'Insufficient funds in the Issuing balance',
        code: 'insufficient_funds',
      },
      {
        type: 'issuing_cardholder.create',
        message: 'Missing required param: billing[address][postal_code]',
        httpStatus: 400,
      },
      { type: 'issuing_card.create', message: 'Request rate limit exceeded. Please slow down.', httpStatus: 429 },
    ],
  },
  lcptracker: {
    successes: ['certified_payroll.submit', 'worker.sync', 'project.sync'],
    failures: [
      {
        type: 'certified_payroll.submit',
        message:
          'WH-347 rejected: fringe benefit rate for Laborer Group {n} is below the prevailing wage determination',
        deadlineHours: 18,
      },
      {
        type: 'certified_payroll.submit',
        message: 'Apprentice-to-journeyman ratio exceeds the approved limit on project {n}',
        deadlineHours: 40,
      },
      { type: 'worker.sync', message: 'Session expired. Please sign in again.', httpStatus: 401 },
      { type: 'worker.sync', message: 'Worker record invalid: Zip code must be 5 digits', httpStatus: 400 },
      {
        type: 'certified_payroll.submit',
        message: 'Payroll number {n} was already submitted for this project',
        httpStatus: 409,
      },
    ],
  },
};
