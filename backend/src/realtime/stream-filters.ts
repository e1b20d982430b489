import { CATEGORY_MODULE, type LiveUpdate, type OpsCategory } from '@switchyard/contracts';

/** The SSE filters: `sources=` and `categories=` (seed 002), each empty when not given. */
export interface StreamFilters {
  sources: string[];
  categories: string[];
}

/**
 * Seed 002 names its data sources after the snapshot's modules (`system_health`,
 * `business_analytics`, `workflows`, …); each is read as the Switchyard category it means.
 */
const BLUEPRINT_SOURCE_CATEGORY: Record<string, OpsCategory> = {
  system_health: 'system_health',
  business_analytics: 'business',
  business_metrics: 'business',
  workflows: 'workflow',
  workflow_performance: 'workflow',
  customer_intelligence: 'customer',
  security_compliance: 'security',
};

interface PointLike {
  source?: unknown;
  category?: unknown;
  metric?: unknown;
}

/**
 * The update narrowed to the filters, or null to skip it. Every update kind is narrowed:
 * - data points (`datapoints`): only the points whose source (or its category) is in
 *   `sources` and whose category or metric is in `categories`; none left skips the update;
 * - snapshots (`ops.snapshot`): kept when a source, category or metric that received points
 *   since the previous snapshot matches;
 * - alerts: kept when the alert's metric, source, or the category of its module matches;
 * - anything else naming a source, sourceId or category: kept when that name matches
 *   `sources`; updates naming none pass (`categories` concern operations data only).
 */
export function narrowUpdate(update: LiveUpdate, filters: StreamFilters): LiveUpdate | null {
  const { sources, categories } = filters;
  if (sources.length === 0 && categories.length === 0) return update;
  const data = update.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object') return update;
  const sourceCategories = new Set<string>(sources.map((s) => BLUEPRINT_SOURCE_CATEGORY[s] ?? s));
  const any = (list: string[], names: unknown[]): boolean =>
    list.length === 0 || names.some((n) => typeof n === 'string' && list.includes(n));

  if (Array.isArray(data.points)) {
    const points = (data.points as PointLike[]).filter(
      (p) =>
        (sources.length === 0 || any(sources, [p.source]) || sourceCategories.has(String(p.category))) &&
        any(categories, [p.category, p.metric]),
    );
    if (points.length === 0) return null;
    return points.length === data.points.length ? update : { ...update, data: { ...data, points } };
  }
  if (update.type === 'ops.snapshot') {
    const names = (key: string): string[] => (Array.isArray(data[key]) ? (data[key] as string[]) : []);
    const bySource =
      sources.length === 0 ||
      any(sources, names('sources')) ||
      names('categories').some((c) => sourceCategories.has(c));
    return bySource && any(categories, [...names('categories'), ...names('metrics')]) ? update : null;
  }
  const alert = data.alert as
    { metric?: unknown; sourceId?: unknown; module?: unknown; labels?: Record<string, unknown> } | undefined;
  if (alert && typeof alert === 'object') {
    const moduleCategories = Object.entries(CATEGORY_MODULE)
      .filter(([, module]) => module === alert.module)
      .map(([category]) => category);
    const bySource =
      sources.length === 0 ||
      any(sources, [alert.sourceId, alert.labels?.source]) ||
      moduleCategories.some((c) => sourceCategories.has(c));
    return bySource && any(categories, [alert.metric, alert.labels?.category, ...moduleCategories]) ? update : null;
  }
  const named = [data.source, data.category, data.sourceId].filter((v): v is string => typeof v === 'string');
  if (named.length === 0 || sources.length === 0) return update;
  return named.some((n) => sources.includes(n) || sourceCategories.has(n)) ? update : null;
}
