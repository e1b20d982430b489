import type { AlertRule, AlertSeverity, AlertState, AlertView } from '@switchyard/contracts';

/** The instances of one rule (one per series), or the sources' freshness alerts. */
export interface AlertGroup {
  key: string;
  title: string;
  /** Worst severity among the group's instances. */
  severity: AlertSeverity | null;
  /** "2 firing, 1 pending": instance counts by state, worst first. */
  summary: string;
  alerts: AlertView[];
}

const STATE_ORDER: AlertState[] = ['firing', 'error', 'no_data', 'pending', 'recovering', 'resolved', 'normal'];

/** The series an instance judges, as `source · label=value …`; the source for freshness alerts. */
export function seriesLabel(alert: AlertView): string {
  if (!alert.series) return alert.sourceId ?? '—';
  const labels = Object.entries(alert.series.labels).map(([name, value]) => `${name}=${value}`);
  return [alert.series.source ?? 'all sources', ...labels].join(' · ');
}

/**
 * Groups alerts by rule, in the order of their worst instance (firing first, then by severity),
 * each group's instances ordered the same way; freshness alerts make one group of their own.
 */
export function groupAlerts(alerts: readonly AlertView[], rules: readonly AlertRule[]): AlertGroup[] {
  const names = new Map(rules.map((r) => [r.id, r.name]));
  const groups = new Map<string, AlertView[]>();
  for (const alert of alerts) {
    const key = alert.kind === 'freshness' ? 'freshness' : `rule:${alert.ruleId ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), alert]);
  }
  return [...groups.entries()]
    .map(([key, members]) => {
      const sorted = [...members].sort(byUrgency);
      const first = sorted[0];
      const counts = new Map<AlertState, number>();
      for (const a of sorted) counts.set(a.state, (counts.get(a.state) ?? 0) + 1);
      return {
        key,
        title:
          first.kind === 'freshness'
            ? 'Source freshness'
            : (names.get(first.ruleId ?? '') ?? first.ruleId ?? first.metric ?? 'Rule'),
        severity: sorted.some((a) => a.severity === 'critical')
          ? 'critical'
          : sorted.some((a) => a.severity === 'warning')
            ? 'warning'
            : null,
        summary: STATE_ORDER.filter((s) => counts.has(s))
          .map((s) => `${counts.get(s)} ${s.replace('_', ' ')}`)
          .join(', '),
        alerts: sorted,
      } satisfies AlertGroup;
    })
    .sort((a, b) => byStateAndSeverity(a.alerts[0], b.alerts[0]) || a.title.localeCompare(b.title));
}

function byStateAndSeverity(a: AlertView, b: AlertView): number {
  return STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || rank(b.severity) - rank(a.severity);
}

function byUrgency(a: AlertView, b: AlertView): number {
  return byStateAndSeverity(a, b) || seriesLabel(a).localeCompare(seriesLabel(b));
}

function rank(severity: AlertSeverity | null): number {
  return severity === 'critical' ? 2 : severity === 'warning' ? 1 : 0;
}
