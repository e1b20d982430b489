import { classifyByRules } from './classify';
import { buildUserMessage, mergeLlmAnswer } from './llm-refiner';

const input = {
  integration: 'gusto' as const,
  eventType: 'employee.create',
  message: 'Employee SSN 123-45-6789 is invalid',
  code: null,
  httpStatus: 422,
  data: { ssn: '123-45-6789', employeeId: 'emp-7' },
};
const rules = classifyByRules(input, new Date('2026-11-26T12:00:00Z'));

describe('model refinement', () => {
  it('never puts PII in what it sends', () => {
    const message = buildUserMessage(input, rules);
    expect(message).not.toContain('123-45-6789');
    expect(message).toContain('emp-7');
  });

  it('takes a well-formed answer, marked as the model’s', () => {
    const merged = mergeLlmAnswer(
      '```json\n{"category":"data_validation","severity":"high","cause":"c","suggestedFix":"f","businessImpact":"b"}\n```',
      rules,
    );
    expect(merged).toMatchObject({ category: 'data_validation', severity: 'high', cause: 'c', classifiedBy: 'llm' });
    expect(merged?.signature).toBe(rules.signature);
  });

  it.each([
    'not json',
    '{"category":"weather","severity":"high","cause":"c","suggestedFix":"f","businessImpact":"b"}',
    '{}',
  ])('rejects an unusable answer: %p', (content) => {
    expect(mergeLlmAnswer(content, rules)).toBeNull();
  });
});
