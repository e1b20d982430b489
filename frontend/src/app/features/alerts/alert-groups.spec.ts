import type { AlertRule, AlertView } from '@switchyard/contracts';
import { groupAlerts, seriesLabel } from './alert-groups';

const at = '2026-11-26T10:00:00.000Z';
const alert = (id: string, overrides: Partial<AlertView>): AlertView => ({
  id,
  kind: 'threshold',
  ruleId: 'cpu_usage',
  metric: 'cpu_usage',
  sourceId: id,
  tenant: null,
  labels: { source: id },
  series: { source: id, labels: {} },
  module: 'system',
  state: 'firing',
  severity: 'critical',
  value: 97,
  threshold: 85,
  message: `CPU usage (source=${id})`,
  stateSince: at,
  startedAt: at,
  firedAt: at,
  resolvedAt: null,
  lastEvaluatedAt: at,
  acknowledgement: null,
  silencedBy: null,
  ...overrides,
});
const rules = [
  { id: 'cpu_usage', name: 'CPU usage' },
  { id: 'disk', name: 'Disk' },
] as AlertRule[];

describe('groupAlerts', () => {
  it('groups instances by rule, the most urgent group and instance first', () => {
    const groups = groupAlerts(
      [
        alert('node-b', { state: 'pending', severity: 'warning' }),
        alert('disk-1', { ruleId: 'disk', state: 'pending', severity: 'warning' }),
        alert('node-a', {}),
        alert('crm', { kind: 'freshness', ruleId: null, series: null, severity: 'critical', state: 'firing' }),
      ],
      rules,
    );
    expect(groups.map((g) => [g.title, g.severity, g.summary, g.alerts.map((a) => a.id)])).toEqual([
      ['CPU usage', 'critical', '1 firing, 1 pending', ['node-a', 'node-b']],
      ['Source freshness', 'critical', '1 firing', ['crm']],
      ['Disk', 'warning', '1 pending', ['disk-1']],
    ]);
  });

  it('names a rule it does not know by its id', () => {
    expect(groupAlerts([alert('x', { ruleId: 'gone' })], [])[0].title).toBe('gone');
  });
});

describe('seriesLabel', () => {
  it('shows the source and labels of an instance, or all sources for a group across them', () => {
    expect(seriesLabel(alert('a', { series: { source: 'a', labels: { env: 'prod' } } }))).toBe('a · env=prod');
    expect(seriesLabel(alert('a', { series: { source: null, labels: { env: 'prod' } } }))).toBe(
      'all sources · env=prod',
    );
    expect(seriesLabel(alert('crm', { series: null }))).toBe('crm');
  });
});
