import { luhnValid, redactPayload, redactText, REDACTED, sensitiveFieldSet } from './redact-pii';

const fields = sensitiveFieldSet(['crewNotes']);

describe('PII redaction', () => {
  it('checks card numbers with Luhn', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(luhnValid('12345')).toBe(false);
  });

  it.each([
    ['SSN 123-45-6789 on file', 'SSN [REDACTED] on file'],
    ['ITIN 912 70 1234 rejected', 'ITIN [REDACTED] rejected'],
    ['ssn: 123456789', 'ssn: [REDACTED]'],
    ['card 4242 4242 4242 4242 declined', 'card [REDACTED] declined'],
    ['card 5555-5555-5555-4444 declined', 'card [REDACTED] declined'],
    ['DOB: 03/09/1984 mismatch', 'DOB: [REDACTED] mismatch'],
    ['date of birth 1984-03-09 is invalid', 'date of birth [REDACTED] is invalid'],
    ['routing number 021000021 invalid', 'routing number [REDACTED] invalid'],
    ['account #000123456789 closed', 'account #[REDACTED] closed'],
  ])('redacts %p', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    'Invoice 1044 for job 2291 is due 2026-11-30',
    'Order 1234567890123 shipped',
    'Rate limit of 3600 requests per hour',
  ])('leaves ordinary numbers and dates alone: %p', (text) => {
    expect(redactText(text)).toBe(text);
  });

  it('redacts sensitive and configured fields at any depth, in any case style, and keeps the rest', () => {
    const payload = {
      employee: { name: 'Dana Ortiz', SSN: '123456789', date_of_birth: '1984-03-09', dob: 19840309 },
      bank: { accountNumber: 12345678, 'routing-number': '021000021' },
      cards: [{ cardNumber: '4000056655665556', last4: '5556' }, 4242424242424242],
      CrewNotes: 'asked for a raise',
      hours: 38.5,
    };
    const copy = structuredClone(payload);
    expect(redactPayload(payload, fields)).toEqual({
      employee: { name: 'Dana Ortiz', SSN: REDACTED, date_of_birth: REDACTED, dob: REDACTED },
      bank: { accountNumber: REDACTED, 'routing-number': REDACTED },
      cards: [{ cardNumber: REDACTED, last4: '5556' }, REDACTED],
      CrewNotes: REDACTED,
      hours: 38.5,
    });
    expect(payload).toEqual(copy);
  });
});
