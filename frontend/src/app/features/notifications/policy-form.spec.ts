import type { NotificationPolicy } from '@switchyard/contracts';
import { describeMatch, policyFields, policyInput } from './policy-form';

const policy: NotificationPolicy = {
  id: 'critical-to-pager',
  name: 'Critical to pager',
  tenant: 'acme-fitness',
  enabled: true,
  contactPointIds: ['pager', 'ops-mail'],
  match: { severities: ['critical'], modules: ['system'], labels: { env: 'prod', rack: 'r9' } },
  groupBy: ['ruleId', 'source'],
  groupWaitSeconds: 10,
  repeatIntervalSeconds: 3600,
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
};

describe('policy form', () => {
  it('fills the form from a policy and gives the same policy back', () => {
    const fields = policyFields(policy);
    expect(fields).toMatchObject({ labels: 'env=prod, rack=r9', groupBy: 'ruleId, source', repeatMinutes: '60' });
    const { createdAt: _c, updatedAt: _u, ...input } = policy;
    expect(policyInput(fields)).toEqual(input);
  });

  it('leaves empty conditions out and defaults a new policy', () => {
    const fields = { ...policyFields(), id: ' all-to-slack ', name: 'All', contactPointIds: ['slack'] };
    expect(policyInput(fields)).toEqual({
      id: 'all-to-slack',
      name: 'All',
      tenant: null,
      enabled: true,
      contactPointIds: ['slack'],
      match: {},
      groupBy: ['ruleId'],
      groupWaitSeconds: 30,
      repeatIntervalSeconds: 14_400,
    });
  });

  it('refuses a label that is not name=value, naming it', () => {
    expect(() => policyInput({ ...policyFields(), labels: 'env=prod, rack' })).toThrow(
      'labels: "rack" is not name=value',
    );
  });

  it('says what a policy routes', () => {
    expect(describeMatch(policy)).toBe('severity critical, module system, env=prod, rack=r9');
    expect(describeMatch({ ...policy, match: {} })).toBe('every alert');
  });
});
