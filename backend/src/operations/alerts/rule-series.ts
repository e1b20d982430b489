import type { AlertSeries } from '@switchyard/contracts';
import type { SeriesLatest } from '../data/ops-data.repository';
import type { AlertRuleEntity } from '../entities/alert-rule.entity';

/** The label name that stands for a series' source in matchers, groupBy and alert labels. */
export const SOURCE_LABEL = 'source';

/** One alert instance's input: the series (or group of series) and its newest value. */
export interface SeriesInstance {
  /** The instance's identity: the rule and the series (or the group's labels, and tenant). */
  fingerprint: string;
  series: AlertSeries;
  tenant: string | null;
  category: string;
  /** The worst newest value among the instance's series that are not quiet; null: all quiet. */
  value: number | null;
  /** The newest point of any of its series. */
  recordedAt: Date;
}

type RuleOfSeries = Pick<AlertRuleEntity, 'id' | 'direction' | 'matchers' | 'groupBy' | 'noDataAfterSeconds'>;

/** Whether a series is watched by the rule: every matcher names its source or one of its labels. */
export function seriesMatches(
  rule: Pick<AlertRuleEntity, 'matchers'>,
  series: Pick<SeriesLatest, 'source' | 'labels'>,
) {
  return Object.entries(rule.matchers ?? {}).every(([name, value]) =>
    name === SOURCE_LABEL ? series.source === value : series.labels[name] === value,
  );
}

/** Rule id and the series' labels (with its source), key-sorted: the identity of "the same alert". */
export function fingerprintOf(ruleId: string, series: AlertSeries | null, tenant?: string | null): string {
  const labels: Record<string, string> = series
    ? { ...series.labels, ...(series.source ? { [SOURCE_LABEL]: series.source } : {}) }
    : {};
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
  return `rule:${ruleId}{${sorted}}${tenant ? `@${tenant}` : ''}`;
}

/** The labels an instance's alert carries: its series', its source, then the rule's own. */
export function alertLabels(ruleLabels: Record<string, string>, series: AlertSeries): Record<string, string> {
  return { ...series.labels, ...(series.source ? { [SOURCE_LABEL]: series.source } : {}), ...ruleLabels };
}

/**
 * The alert instances of a rule over the newest point of each series. Without a groupBy every
 * series (source + labels) is its own instance; with one, the series sharing the values of
 * those labels (and the tenant, so an instance never mixes brands) make one instance, judged
 * on the worst newest value among them; it names a source only when `source` is grouped by. Series quiet past the rule's no-data window count
 * only towards the instance's newest point, so a group whose series all went quiet has no data.
 */
export function instancesOf(
  rule: RuleOfSeries,
  latest: readonly SeriesLatest[],
  tenantOf: (source: string) => string | null,
  now: Date,
): SeriesInstance[] {
  const quietBefore = now.getTime() - rule.noDataAfterSeconds * 1000;
  const bySource = rule.groupBy === null || rule.groupBy.includes(SOURCE_LABEL);
  const groups = new Map<string, SeriesInstance>();
  for (const point of latest) {
    if (!seriesMatches(rule, point)) continue;
    const tenant = tenantOf(point.source);
    const series = seriesOf(rule.groupBy, point);
    // Grouped across sources, the identity holds the group's labels and its tenant, not a source.
    const fingerprint = fingerprintOf(rule.id, series, bySource ? null : tenant);
    const value = point.recordedAt.getTime() >= quietBefore ? point.value : null;
    const group = groups.get(fingerprint);
    if (!group) {
      groups.set(fingerprint, {
        fingerprint,
        series,
        tenant,
        category: point.category,
        value,
        recordedAt: point.recordedAt,
      });
      continue;
    }
    if (value !== null) group.value = group.value === null ? value : worst(rule.direction, group.value, value);
    if (point.recordedAt > group.recordedAt) {
      group.recordedAt = point.recordedAt;
      group.category = point.category;
    }
  }
  return [...groups.values()];
}

function seriesOf(groupBy: string[] | null, point: SeriesLatest): AlertSeries {
  if (groupBy === null) return { source: point.source, labels: point.labels };
  const labels: Record<string, string> = {};
  for (const name of groupBy) if (name !== SOURCE_LABEL) labels[name] = point.labels[name] ?? '';
  return { source: groupBy.includes(SOURCE_LABEL) ? point.source : null, labels };
}

function worst(direction: string, a: number, b: number): number {
  return direction === 'below' ? Math.min(a, b) : Math.max(a, b);
}
