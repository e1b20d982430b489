import type { AlertView } from '@switchyard/contracts';
import type { NotificationPolicyEntity } from './entities/notification-policy.entity';
import { groupKeyOf, groupMessage, policyMatches } from './policy-routing';

const at = '2026-11-26T09:00:00.000Z';

function alert(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: 'a1',
    kind: 'threshold',
    ruleId: 'cpu-high',
    metric: 'cpu',
    sourceId: null,
    tenant: null,
    labels: { team: 'platform', env: 'prod' },
    series: { source: null, labels: { env: 'prod' } },
    module: 'system',
    state: 'firing',
    severity: 'critical',
    value: 97,
    threshold: 90,
    message: 'CPU at 97 % (over 90 %)',
    stateSince: at,
    startedAt: at,
    firedAt: at,
    resolvedAt: null,
    lastEvaluatedAt: at,
    acknowledgement: null,
    silencedBy: null,
    ...overrides,
  };
}

function policy(overrides: Partial<NotificationPolicyEntity> = {}): NotificationPolicyEntity {
  return {
    id: 'pager',
    name: 'Critical to pager',
    tenant: null,
    enabled: true,
    contactPointIds: ['pd'],
    match: {},
    groupBy: ['ruleId'],
    groupWaitSeconds: 0,
    repeatIntervalSeconds: 3600,
    createdAt: new Date(at),
    updatedAt: new Date(at),
    ...overrides,
  };
}

describe('policyMatches', () => {
  it.each([
    ['an empty match', {}, true],
    ['its severity', { severities: ['critical'] }, true],
    ['another severity', { severities: ['warning'] }, false],
    ['its module', { modules: ['system'] }, true],
    ['another module', { modules: ['business'] }, false],
    ['its team', { teams: ['platform'] }, true],
    ['another team', { teams: ['sales'] }, false],
    ['its labels', { labels: { env: 'prod' } }, true],
    ['a label it lacks', { labels: { env: 'staging' } }, false],
  ] as const)('with %s: %s', (_label, match, expected) => {
    expect(policyMatches(policy({ match: match as NotificationPolicyEntity['match'] }), alert())).toBe(expected);
  });

  it("routes a tenant's policy only that tenant's alerts, and nothing when disabled", () => {
    const acme = policy({ tenant: 'acme-fitness' });
    expect(policyMatches(acme, alert())).toBe(false);
    expect(policyMatches(acme, alert({ labels: { tenant: 'acme-fitness' } }))).toBe(true);
    expect(policyMatches(policy({ enabled: false }), alert())).toBe(false);
  });
});

describe('grouping', () => {
  it('keys a group by the groupBy values', () => {
    expect(groupKeyOf(policy({ groupBy: ['ruleId', 'team'] }), alert())).toBe('ruleId=cpu-high,team=platform');
    expect(groupKeyOf(policy({ groupBy: [] }), alert())).toBe('all');
  });

  it('puts the instances of one rule (one per series) in one group by rule, or apart by source', () => {
    const hot = alert({ id: 'i1', sourceId: 'node-a', labels: { source: 'node-a' } });
    const cool = alert({ id: 'i2', sourceId: 'node-b', labels: { source: 'node-b' } });
    const byRule = policy({ groupBy: ['ruleId'] });
    expect(groupKeyOf(byRule, hot)).toBe(groupKeyOf(byRule, cool));
    const bySource = policy({ groupBy: ['ruleId', 'source'] });
    expect([groupKeyOf(bySource, hot), groupKeyOf(bySource, cool)]).toEqual([
      'ruleId=cpu-high,source=node-a',
      'ruleId=cpu-high,source=node-b',
    ]);
  });

  it('tells the firing and resolved alerts of a group in one message, leaving out silenced ones', () => {
    const summary = (message: string, state: AlertView['state'], silenced = false) => ({
      state,
      severity: 'critical' as const,
      message,
      labels: { team: 'platform' },
      silenced,
    });
    const message = groupMessage(policy(), 'ruleId=cpu-high', {
      a1: summary('web-1 hot', 'firing'),
      a2: summary('web-2 cooled', 'resolved'),
      a3: summary('web-3 hot', 'firing', true),
    });
    expect(message).toEqual({
      title: '[FIRING:1] Critical to pager (ruleId=cpu-high)',
      text: 'firing: web-1 hot\nresolved: web-2 cooled',
      severity: 'critical',
      groupKey: 'pager/ruleId=cpu-high',
      status: 'firing',
      labels: { team: 'platform' },
    });
    expect(groupMessage(policy(), 'k', { a3: summary('web-3 hot', 'firing', true) })).toBeNull();
  });
});
