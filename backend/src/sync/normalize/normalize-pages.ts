import type { PreviewFieldError } from '@switchyard/contracts';
import { RECORD_TABLES, type NormalizedRow, type NormalizedTable, type StreamMapper } from '../../connectors';

export interface NormalizedRun {
  tables: Map<NormalizedTable, NormalizedRow[]>;
  recordCount: number;
  /** Newest business timestamp among the rows, or null when none carried one. */
  dataAsOf: Date | null;
  /** Next incremental cursor: the newest value of the cursor field (ISO for dates). */
  cursor: string | null;
  errors: PreviewFieldError[];
}

/**
 * Maps the pages of one fetch, in order. A record that appears on two pages (the
 * upstream shifted while we paged) is kept once, as last seen.
 */
export function normalizePages(
  mapper: StreamMapper,
  payloads: unknown[],
  config: Record<string, string>,
  cursorField: string | null,
): NormalizedRun {
  const byTable = new Map<NormalizedTable, Map<string, NormalizedRow>>();
  for (const target of mapper.targets) byTable.set(RECORD_TABLES[target], new Map());
  let dataAsOf: Date | null = null;
  let cursor: string | null = null;
  const errors: PreviewFieldError[] = [];
  let index = 0;
  for (const payload of payloads) {
    const page = mapper.mapPage(payload, config, index);
    index += page.found;
    errors.push(...page.errors);
    for (const [target, rows] of page.rows) {
      const byId = byTable.get(RECORD_TABLES[target]) ?? new Map<string, NormalizedRow>();
      for (const r of rows) {
        byId.set(r.externalId, r);
        if (r.sourceUpdatedAt && (!dataAsOf || r.sourceUpdatedAt > dataAsOf)) dataAsOf = r.sourceUpdatedAt;
        const candidate = cursorValue(r, cursorField);
        if (candidate && (!cursor || candidate > cursor)) cursor = candidate;
      }
    }
  }
  const tables = new Map<NormalizedTable, NormalizedRow[]>();
  let recordCount = 0;
  for (const [table, byId] of byTable) {
    tables.set(table, [...byId.values()]);
    recordCount += byId.size;
  }
  return { tables, recordCount, dataAsOf, cursor, errors };
}

function cursorValue(r: NormalizedRow, cursorField: string | null): string | null {
  const value = cursorField && cursorField in r.values ? r.values[cursorField] : r.sourceUpdatedAt;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return null;
}

/** The first few field errors, as an engineer reads them in a run's error message. */
export function describeFieldErrors(errors: PreviewFieldError[]): string {
  const shown = errors
    .slice(0, 3)
    .map((e) => `record ${e.record}${e.externalId ? ` (${e.externalId})` : ''} ${e.target}.${e.field}: ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}
