import { formatLiveTopic, parseLiveTopic } from './realtime';

describe('live topics', () => {
  it('parses every topic kind and formats it back', () => {
    for (const topic of [
      'dashboard:Technology',
      'source:pm-projects',
      'domain:people',
      'crm:acme-fitness',
      'alerts',
      'ops',
      'integrations',
      'datapoints',
      'user:3f2a',
      'portfolio:Technology',
      'project:PRJ-1001',
    ]) {
      const parsed = parseLiveTopic(topic);
      expect(parsed).not.toBeNull();
      expect(formatLiveTopic(parsed!)).toBe(topic);
    }
  });

  it('refuses unknown kinds, unknown domains and unsafe parameters', () => {
    for (const topic of [
      '',
      'metrics',
      'domain:payroll',
      'crm:',
      'crm:a b',
      'source:../x',
      'user:',
      'project:a/b',
      `crm:${'a'.repeat(200)}`,
    ]) {
      expect(parseLiveTopic(topic)).toBeNull();
    }
  });
});
