import { classifyByRules, type FailureInput } from './classify';
import { errorSignature, normalizeErrorMessage } from './error-signature';

const NOW = new Date('2026-11-26T12:00:00Z');

const input = (overrides: Partial<FailureInput>): FailureInput => ({
  integration: 'gusto',
  eventType: 'payroll.submit',
  message: 'Unauthorized: the OAuth access token is no longer valid',
  code: null,
  httpStatus: 401,
  ...overrides,
});

describe('rule classifier', () => {
  it('explains an auth failure: cause, fix, impact, origin and retryability', () => {
    const result = classifyByRules(input({}), NOW);
    expect(result).toMatchObject({
      category: 'auth',
      severity: 'high',
      origin: 'configuration',
      retryable: false,
      classifiedBy: 'rules',
    });
    expect(result.cause).toContain('Gusto refused our credentials');
    expect(result.suggestedFix).toContain('Reconnect Gusto');
    expect(result.businessImpact).toContain('Payroll');
    expect(result.affectedData).toEqual(['payroll runs']);
  });

  it('raises severity near a payroll deadline (two steps within 24 h, one within 48 h)', () => {
    const within = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();
    const validation = input({ message: 'Hours for one worker exceed 24 in a day', httpStatus: 422 });
    expect(classifyByRules(validation, NOW).severity).toBe('medium');
    expect(classifyByRules({ ...validation, data: { payrollDeadline: within(40) } }, NOW).severity).toBe('high');
    expect(classifyByRules({ ...validation, data: { payrollDeadline: within(6) } }, NOW).severity).toBe('critical');
  });

  it('does not let a deadline make a rate limit more than medium', () => {
    const soon = new Date(NOW.getTime() + 3_600_000).toISOString();
    const result = classifyByRules(
      input({ message: 'Too Many Requests', httpStatus: 429, data: { payDate: soon } }),
      NOW,
    );
    expect(result).toMatchObject({ category: 'rate_limit', severity: 'medium', retryable: true, origin: 'upstream' });
  });

  it('calls a bare server error unknown, retryable and upstream', () => {
    expect(
      classifyByRules(input({ integration: 'procore', message: 'Bad Gateway', httpStatus: 502 }), NOW),
    ).toMatchObject({
      category: 'unknown',
      retryable: true,
      origin: 'upstream',
    });
  });

  it('classifies card declines as spending control, and names the records involved', () => {
    const result = classifyByRules(
      input({
        integration: 'stripe_issuing',
        eventType: 'issuing_authorization.request',
        message: 'Declined: merchant category blocked for this card',
        httpStatus: null,
        data: { cardId: 'ic_123' },
      }),
      NOW,
    );
    expect(result.category).toBe('spending_control');
    expect(result.affectedData).toEqual(['authorizations', 'card ic_123']);
  });
});

describe('error signature', () => {
  it('takes ids, numbers, amounts, dates, emails and quoted values out', () => {
    expect(normalizeErrorMessage('Project 90213 not found (owner ann@example.com) on 2026-11-20')).toBe(
      'project <n> not found (owner <email>) on <date>',
    );
    expect(normalizeErrorMessage("No such issuing card: 'ic_1Q2w3E4r5T6y7U8i'")).toBe('no such issuing card: <value>');
    expect(normalizeErrorMessage('Spending limit of $500.00 exceeded for CO-114')).toBe(
      'spending limit of <n> exceeded for <id>',
    );
  });

  it('groups the same failure with different ids into one signature, and different integrations apart', () => {
    const a = errorSignature('procore', 'data_state_mismatch', 'Project 90213 not found');
    expect(errorSignature('procore', 'data_state_mismatch', 'Project 11 not found')).toBe(a);
    expect(errorSignature('gusto', 'data_state_mismatch', 'Project 11 not found')).not.toBe(a);
  });
});
