import { classifyByRules, isRetryable } from './classify';
import { lookUpCode } from './vendor-codes';

const now = new Date('2026-01-15T12:00:00Z');

describe('vendor codes', () => {
  it('reads the most specific documented token of a code path first', () => {
    expect(lookUpCode('stripe_issuing', 'card_error/card_declined/insufficient_funds')?.category).toBe(
      'spending_control',
    );
    expect(lookUpCode('stripe_issuing', 'card_error/incorrect_cvc')?.category).toBe('data_validation');
    expect(lookUpCode('stripe_issuing', 'invalid_request_error/resource_missing')?.category).toBe(
      'data_state_mismatch',
    );
    expect(lookUpCode('quickbooks', 'ValidationFault/006140')?.category).toBe('data_state_mismatch');
    expect(lookUpCode('quickbooks', 'ValidationFault/99999')?.category).toBe('data_validation');
    expect(lookUpCode('gusto', 'payroll_blocker/geocode_error')?.category).toBe('data_validation');
  });

  it('knows OAuth errors for every integration, and nothing about unknown or prototype words', () => {
    expect(lookUpCode('procore', 'invalid_grant')?.category).toBe('auth');
    expect(lookUpCode('lcptracker', 'something_new')).toBeNull();
    expect(lookUpCode('stripe_issuing', 'constructor')).toBeNull();
    expect(lookUpCode('gusto', null)).toBeNull();
  });

  it('gives a code-specific cause and fix where the vendor documents one', () => {
    const verdict = classifyByRules(
      {
        integration: 'quickbooks',
        eventType: 'invoice.update',
        message: 'Stale Object Error',
        code: 'ValidationFault/5010',
        httpStatus: 400,
      },
      now,
    );
    expect(verdict.cause).toMatch(/SyncToken|changed in QuickBooks/);
    expect(verdict.suggestedFix).toMatch(/SyncToken/);
  });

  it('decides retrying by evidence', () => {
    expect(isRetryable('data_validation', 429, false)).toBe(true);
    expect(isRetryable('unknown', 503, false)).toBe(true);
    expect(isRetryable('spending_control', 503, true)).toBe(false);
    expect(isRetryable('compliance', null, true)).toBe(false);
    expect(isRetryable('unknown', 400, true)).toBe(false);
    expect(isRetryable('unknown', 500, true)).toBe(true);
  });

  it('retries an unexplained failure only on transient evidence, and never a refused credential or a bad record', () => {
    expect(isRetryable('unknown', null, undefined, 'Something went wrong')).toBe(false);
    expect(isRetryable('unknown', 500, undefined)).toBe(true);
    expect(isRetryable('unknown', null, undefined, 'connect ETIMEDOUT 10.0.0.4:443')).toBe(true);
    expect(isRetryable('unknown', null, undefined, 'socket hang up')).toBe(true);
    expect(isRetryable('data_state_mismatch', null, undefined, 'Lock wait timeout exceeded')).toBe(true);
    expect(isRetryable('auth', null, undefined, 'Token expired; try again later')).toBe(false);
    expect(isRetryable('data_validation', 500, undefined)).toBe(false);
  });
});
