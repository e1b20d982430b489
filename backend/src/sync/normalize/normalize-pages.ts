import type { NormalizeContext, Normalizer, NormalizedRow, NormalizedTable } from './normalizer';

export interface NormalizedRun {
  tables: Map<NormalizedTable, NormalizedRow[]>;
  recordCount: number;
  /** Newest business timestamp among the rows, or null when none carried one. */
  dataAsOf: Date | null;
  /** Next incremental cursor: the newest value of the cursor field (ISO for dates). */
  cursor: string | null;
}

/**
 * Runs a normalizer over the pages of one fetch, in order. A record that appears on
 * two pages (the upstream shifted while we paged) is kept once, as last seen.
 */
export function normalizePages(
  normalizer: Normalizer,
  payloads: unknown[],
  context: NormalizeContext,
  cursorField: string | null,
): NormalizedRun {
  const tables = new Map<NormalizedTable, Map<string, NormalizedRow>>();
  for (const table of normalizer.tables) tables.set(table, new Map());
  let dataAsOf: Date | null = null;
  let cursor: string | null = null;
  for (const payload of payloads) {
    const page = normalizer.normalize(payload, context);
    for (const table of normalizer.tables) {
      const byId = tables.get(table) ?? new Map<string, NormalizedRow>();
      for (const r of page[table] ?? []) {
        byId.set(r.externalId, r);
        if (r.sourceUpdatedAt && (!dataAsOf || r.sourceUpdatedAt > dataAsOf)) dataAsOf = r.sourceUpdatedAt;
        const candidate = cursorValue(r, cursorField);
        if (candidate && (!cursor || candidate > cursor)) cursor = candidate;
      }
    }
  }
  const flattened = new Map<NormalizedTable, NormalizedRow[]>();
  let recordCount = 0;
  for (const [table, byId] of tables) {
    flattened.set(table, [...byId.values()]);
    recordCount += byId.size;
  }
  return { tables: flattened, recordCount, dataAsOf, cursor };
}

function cursorValue(r: NormalizedRow, cursorField: string | null): string | null {
  const value = cursorField && cursorField in r.values ? r.values[cursorField] : r.sourceUpdatedAt;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return null;
}
