import type { AlertView, NotificationMessage } from '@switchyard/contracts';
import type { GroupedAlert } from './entities/notification-group.entity';
import type { NotificationPolicyEntity } from './entities/notification-policy.entity';

/** Whether a policy routes this alert: its tenant, then every condition of its match. */
export function policyMatches(policy: NotificationPolicyEntity, alert: AlertView): boolean {
  if (!policy.enabled) return false;
  if (policy.tenant !== null && (alert.tenant ?? alert.labels.tenant) !== policy.tenant) return false;
  const { severities, modules, teams, labels } = policy.match;
  if (severities && (alert.severity === null || !severities.includes(alert.severity))) return false;
  if (modules && !modules.includes(alert.module)) return false;
  if (teams && !teams.includes(alert.labels.team ?? '')) return false;
  return Object.entries(labels ?? {}).every(([name, value]) => alert.labels[name] === value);
}

/** The group an alert falls in: the values of the policy's `groupBy`, in order. */
export function groupKeyOf(policy: NotificationPolicyEntity, alert: AlertView): string {
  const value = (name: string): string => {
    if (name === 'ruleId') return alert.ruleId ?? alert.kind;
    if (name === 'module') return alert.module;
    if (name === 'severity') return alert.severity ?? '';
    if (name === 'metric') return alert.metric ?? '';
    // An instance's series: its source, then its labels (the rule's and the series').
    if (name === 'source') return alert.sourceId ?? alert.labels.source ?? '';
    return alert.labels[name] ?? '';
  };
  return policy.groupBy.map((name) => `${name}=${value(name)}`).join(',') || 'all';
}

/** One message for the group's alerts that are not silenced; null when none is left to tell. */
export function groupMessage(
  policy: NotificationPolicyEntity,
  groupKey: string,
  alerts: Record<string, GroupedAlert>,
): NotificationMessage | null {
  const shown = Object.values(alerts).filter((a) => !a.silenced);
  if (shown.length === 0) return null;
  const firing = shown.filter((a) => a.state !== 'resolved');
  const critical = firing.some((a) => a.severity === 'critical');
  const title =
    firing.length > 0
      ? `[FIRING:${firing.length}] ${policy.name} (${groupKey})`
      : `[RESOLVED] ${policy.name} (${groupKey})`;
  const lines = shown.map((a) => `${a.state === 'resolved' ? 'resolved' : a.state}: ${a.message}`);
  const common = commonLabels(shown);
  return {
    title,
    text: lines.join('\n'),
    severity: firing.length === 0 ? 'info' : critical ? 'critical' : 'warning',
    groupKey: `${policy.id}/${groupKey}`,
    status: firing.length > 0 ? 'firing' : 'resolved',
    labels: common,
  };
}

function commonLabels(alerts: GroupedAlert[]): Record<string, string> {
  const [first, ...rest] = alerts;
  return Object.fromEntries(
    Object.entries(first.labels).filter(([name, value]) => rest.every((a) => a.labels[name] === value)),
  );
}
