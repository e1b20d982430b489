import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UpstreamError } from '../upstream/upstream-error';

/** Normalized tables the sync engine writes. */
export const NORMALIZED_TABLES = [
  'projects',
  'project_risks',
  'financial_entries',
  'departments',
  'teams',
  'calendar_events',
  'incidents',
  'crm_leads',
  'crm_pipeline_items',
  'crm_hot_list_items',
  'crm_notes',
  'crm_scheduled_activities',
  'data_points',
] as const;
export type NormalizedTable = (typeof NORMALIZED_TABLES)[number];

/** One record, ready to upsert. `values` are keyed by entity property name. */
export interface NormalizedRow {
  externalId: string;
  sourceUpdatedAt: Date | null;
  values: Record<string, unknown>;
  contentHash: string;
}

export interface NormalizeContext {
  /** Canonical field -> upstream field, for upstream renames. */
  mapping: Record<string, string>;
  tenant: string | null;
}

export type NormalizedPage = Partial<Record<NormalizedTable, NormalizedRow[]>>;

/** A pure function from one raw upstream page to rows per table. Throws UpstreamError on bad data. */
export interface Normalizer {
  tables: NormalizedTable[];
  /** Tables whose rows are history (samples) and never tombstoned by a full refresh. */
  appendOnly?: boolean;
  normalize(payload: unknown, context: NormalizeContext): NormalizedPage;
}

export function row(externalId: string, sourceUpdatedAt: Date | null, values: Record<string, unknown>): NormalizedRow {
  const contentHash = createHash('sha256').update(JSON.stringify(values)).digest('hex');
  return { externalId, sourceUpdatedAt, values, contentHash };
}

/** Copies renamed upstream fields onto their canonical names before validation. */
export function applyMapping(item: unknown, mapping: Record<string, string>): unknown {
  if (typeof item !== 'object' || item === null || Object.keys(mapping).length === 0) return item;
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const [canonical, upstream] of Object.entries(mapping)) {
    const value = readPath(item, upstream);
    if (value !== undefined) copy[canonical] = value;
  }
  return copy;
}

export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Validates an envelope and its items, naming the first problems the way an engineer would look for them. */
export function parseItems<T extends z.ZodType>(
  vendor: string,
  payload: unknown,
  itemsPath: string,
  item: T,
  context: NormalizeContext,
): Array<z.output<T>> {
  const items = readPath(payload, itemsPath);
  if (!Array.isArray(items)) throw UpstreamError.schemaMismatch(vendor, `expected an array at "${itemsPath}"`);
  const parsed = z.array(item).safeParse(items.map((entry) => applyMapping(entry, context.mapping)));
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => {
    const where = [itemsPath, ...issue.path.map(String)].join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    return `${where}: ${issue.message}`;
  });
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  throw UpstreamError.schemaMismatch(vendor, `${issues.join('; ')}${more}`);
}

/** ISO 8601 instants, and ClientTether's "YYYY-MM-DD HH:mm:ss" (UTC). */
export const instant = z.string().transform((value, ctx) => {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a date-time` });
    return z.NEVER;
  }
  return new Date(ms);
});
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const text = z.string();
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
