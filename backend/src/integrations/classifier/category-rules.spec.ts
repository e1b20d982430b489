import { categorize, type FailureSignal } from './category-rules';
import { classifyByRules } from './classify';
import { readCodeEvidence } from './vendor-codes';

const signal = (overrides: Partial<FailureSignal>): FailureSignal => ({
  integration: 'gusto',
  eventType: 'payroll.submit',
  message: '',
  code: null,
  httpStatus: null,
  ...overrides,
});

describe('structured evidence in the message', () => {
  it('reads documented codes quoted in a JSON body, a reason field or a QuickBooks fault, whatever the status says', () => {
    const body = 'Token refresh failed: {"error":"invalid_grant","error_description":"expired"}';
    expect(categorize(signal({ message: body, httpStatus: 400 })).category).toBe('auth');
    expect(
      categorize(signal({ integration: 'stripe_issuing', message: 'reason: cardholder_inactive — status is inactive' }))
        .category,
    ).toBe('spending_control');
    expect(
      categorize(
        signal({
          integration: 'quickbooks',
          message: 'message=AuthenticationFailed; errorCode=003200',
          httpStatus: 400,
        }),
      ).category,
    ).toBe('auth');
  });

  it('reads a reason inside a JSON array, but not a request parameter path', () => {
    const history = 'Authorization declined; request_history: [{"approved":false,"reason":"insufficient_funds"}]';
    expect(categorize(signal({ integration: 'stripe_issuing', message: history })).category).toBe('spending_control');
    const message = 'Invalid integer: spending_controls[spending_limits][0][amount] must be positive';
    expect(readCodeEvidence('stripe_issuing', null, message)).toEqual({ decisive: null, family: null });
    expect(categorize(signal({ integration: 'stripe_issuing', message, httpStatus: 400 })).category).toBe(
      'data_validation',
    );
  });

  it('prefers the specific key in the message to the family code in the code field', () => {
    const verdict = categorize(
      signal({ message: 'payroll_blocker geocode_error: address could not be verified', code: 'payroll_blocker' }),
    );
    expect(verdict.category).toBe('data_validation');
    expect(verdict.code?.cause).toMatch(/address/);
  });
});

describe('family codes', () => {
  it('let the text name another cause (a QuickBooks 6000 about the closing date of the books)', () => {
    const message =
      'A business validation error has occurred while processing your request: You cannot modify a transaction dated before the closing date of the books.';
    expect(categorize(signal({ integration: 'quickbooks', message, code: '6000', httpStatus: 400 })).category).toBe(
      'data_state_mismatch',
    );
  });

  it('decide when the text names no other cause', () => {
    const verdict = categorize(
      signal({ integration: 'quickbooks', message: 'Transaction date is prior to start date', code: '6000' }),
    );
    expect(verdict).toMatchObject({ category: 'data_validation', confidence: 1 });
  });

  it('leave a decline without a reason unexplained, and not retryable', () => {
    const bare = signal({
      integration: 'stripe_issuing',
      message: 'Your card was declined.',
      code: 'card_error/card_declined',
    });
    expect(classifyByRules(bare, new Date())).toMatchObject({ category: 'unknown', retryable: false });
    const reasoned = { ...bare, message: 'Declined: the per-authorization limit of $500 was exceeded' };
    expect(categorize(reasoned).category).toBe('spending_control');
  });
});

describe('text rules', () => {
  it('read snake_case codes as words and keep a bare decline unknown', () => {
    expect(
      categorize(signal({ integration: 'procore', message: 'Cost code 03-300 missing', code: 'cost_code_not_found' }))
        .category,
    ).toBe('data_state_mismatch');
    expect(categorize(signal({ integration: 'stripe_issuing', message: 'Authorization declined.' })).category).toBe(
      'unknown',
    );
  });

  it('call a certified payroll form error validation, a missing compliance document compliance, and a bare failure unknown', () => {
    const lcp = (message: string, httpStatus: number | null = null) =>
      categorize(signal({ integration: 'lcptracker', message, httpStatus })).category;
    expect(lcp("CPR upload failed: row 22, column 'Gross Pay' is not a number", 400)).toBe('data_validation');
    expect(lcp('Statement of Compliance missing for payroll #21')).toBe('compliance');
    expect(lcp('Fringe contributions of $4.10/hr fall short of the $18.75/hr required')).toBe('compliance');
    expect(lcp('Certified payroll upload failed')).toBe('unknown');
  });

  it('let the text outrank the status: a 403 about a locked record is a state conflict', () => {
    const message = 'Budget is locked. Unlock the budget before changing line items.';
    expect(categorize(signal({ integration: 'procore', message, httpStatus: 403 })).category).toBe(
      'data_state_mismatch',
    );
    expect(categorize(signal({ integration: 'procore', message: 'Forbidden', httpStatus: 403 })).category).toBe('auth');
  });
});
