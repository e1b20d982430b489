/**
 * What each simulated integration sends: everyday successes, and failures written the
 * way each vendor words them, with the vendor's own codes (Stripe decline reasons and
 * error codes, QuickBooks Fault type/code, Gusto error categories). `{n}`, `{amount}` are
 * filled from the seeded stream. Success types name the native event each vendor sends;
 * codes with a native shape (`issuing_authorization_declined/…`, `card_error/…`,
 * `payout_failed/…`, `gusto_event/…`) go out natively, the rest are failures of our own
 * API calls to the vendor and go out as Standard Webhooks (see native-formats.ts).
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
    successes: [
      'Projects.update',
      'Budget Line Items.update',
      'Daily Logs.create',
      'Commitments.update',
      'RFIs.create',
    ],
    failures: [
      {
        type: 'project.sync',
        message: 'The access token provided is expired, revoked, malformed, or invalid for other reasons.',
        httpStatus: 401,
        code: 'invalid_token',
      },
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
    successes: ['payroll.submitted', 'payroll.processed', 'payroll.paid', 'employee.created', 'employee.updated'],
    failures: [
      {
        type: 'payroll.submit',
        message: 'The token is invalid, expired, or has not been included in the request.',
        httpStatus: 401,
        code: 'invalid_token',
        deadlineHours: 20,
      },
      { type: 'timecard.import', message: 'API rate limit reached for company {n}; retry after 30s', httpStatus: 429 },
      {
        type: 'employee.create',
        message: 'date_of_birth cannot be in the future',
        httpStatus: 422,
        code: 'invalid_attribute_value',
      },
      {
        type: 'payroll.processing_failed',
        message: 'Payroll failed to process: the async calculation or submission was rejected',
        code: 'gusto_event/payroll.processing_failed',
        deadlineHours: 30,
      },
      {
        type: 'payroll.submit',
        message: 'Company or employee address could not be verified. Please ensure all addresses are valid.',
        httpStatus: 422,
        code: 'payroll_blocker/geocode_error',
        deadlineHours: 40,
      },
      {
        type: 'notification.bank_error.created',
        message: 'Gusto could not debit funds because of a bank error',
        code: 'gusto_event/notification.bank_error.created',
      },
    ],
  },
  quickbooks: {
    successes: [
      'qbo.invoice.created.v1',
      'qbo.bill.created.v1',
      'qbo.journalentry.created.v1',
      'qbo.customer.updated.v1',
    ],
    failures: [
      {
        type: 'invoice.create',
        message: 'AuthenticationFailed; errorCode=003200; statusCode=401',
        httpStatus: 401,
        code: 'AuthenticationFault/3200',
      },
      {
        type: 'bill.create',
        message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
        httpStatus: 429,
        code: 'ThrottleExceeded/3001',
      },
      {
        type: 'journal_entry.post',
        message: 'A business validation error has occurred: Transaction is not balanced',
        httpStatus: 400,
        code: 'ValidationFault/6000',
      },
      {
        type: 'journal_entry.post',
        message: 'Stale Object Error : You and another user were working on the same thing.',
        httpStatus: 400,
        code: 'ValidationFault/5010',
      },
      {
        type: 'bill.create',
        message: 'Duplicate Document Number Error : bill {n} already exists',
        httpStatus: 400,
        code: 'ValidationFault/6140',
      },
    ],
  },
  stripe_issuing: {
    successes: ['issuing_authorization.created', 'issuing_transaction.created', 'issuing_card.created'],
    failures: [
      {
        type: 'issuing_authorization.created',
        message: 'spending limit of ${amount} per day exceeded',
        code: 'issuing_authorization_declined/spending_controls',
      },
      {
        type: 'issuing_authorization.created',
        message: 'merchant category is blocked for this card',
        code: 'issuing_authorization_declined/spending_controls',
      },
      {
        type: 'issuing_authorization.created',
        message: 'insufficient funds in the Issuing balance',
        code: 'issuing_authorization_declined/insufficient_funds',
      },
      {
        type: 'issuing_authorization.created',
        message: 'card inactive',
        code: 'issuing_authorization_declined/card_inactive',
      },
      {
        type: 'payment_intent.payment_failed',
        message: 'Your card was declined.',
        code: 'card_error/card_declined/do_not_honor',
      },
      { type: 'payout.failed', message: 'The bank account has been closed.', code: 'payout_failed/account_closed' },
      {
        type: 'issuing_cardholder.create',
        message: 'Missing required param: billing[address][postal_code].',
        httpStatus: 400,
        code: 'invalid_request_error/parameter_missing',
      },
      {
        type: 'issuing_card.create',
        message: 'Request rate limit exceeded. Please slow down.',
        httpStatus: 429,
        code: 'rate_limit_error/rate_limit',
      },
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
