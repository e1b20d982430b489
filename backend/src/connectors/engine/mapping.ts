import type {
  FieldAggregate,
  FieldMapping,
  PreviewFieldError,
  RecordFilter,
  RecordMapping,
  RecordType,
  StreamDefinition,
} from '@switchyard/contracts';
import { RECORD_SCHEMAS } from '@switchyard/contracts';
import { normalizedRow, type NormalizedRow } from './normalized-row';
import { readPath, selectRecords, type SelectedRecord } from './paths';
import { coerceField, deriveColumns } from './record-fields';
import { render } from './template';
import { applyTransform, FieldValueError, toInstant, toNumber, toText, type TransformContext } from './transforms';

/** One record, or (with `groupBy`) a group's first record and the whole group. */
type Evaluated = SelectedRecord & { group?: SelectedRecord[] };
type Evaluate = (selected: Evaluated, config: Record<string, string>) => unknown;

interface CompiledRecord {
  target: RecordType;
  selector: string;
  filter: RecordFilter | null;
  groupBy: Evaluate | null;
  primaryKey: Evaluate;
  updatedAt: Evaluate | null;
  fields: Array<{ name: string; from: string | null; evaluate: Evaluate; coerce: (value: unknown) => unknown }>;
}

/** What one page gave: rows per record type, plus every record that could not be mapped. */
export interface MappedPage {
  rows: Map<RecordType, NormalizedRow[]>;
  errors: PreviewFieldError[];
  /** Records the selectors found (mapped or not). */
  found: number;
}

/** A selector that finds no list where the page should have one. */
export class SelectorError extends Error {}

function compileField(mapping: FieldMapping): Evaluate {
  if (typeof mapping === 'string') return ({ record, parents, page }) => readPath(record, mapping, parents, page);
  const source = valueSource(mapping);
  const transforms = mapping.transforms ?? [];
  const fallback = mapping.default;
  return (selected, config) => {
    let value = source(selected, config);
    if (transforms.length > 0) {
      const context: TransformContext = {
        record: selected.record,
        parent: selected.parents[0],
        config,
        page: selected.page,
        parents: selected.parents,
      };
      for (const transform of transforms) value = applyTransform(value, transform, context);
    }
    return (value === undefined || value === null) && fallback !== undefined ? fallback : value;
  };
}

function valueSource(mapping: Exclude<FieldMapping, string>): Evaluate {
  if (mapping.aggregate !== undefined) return aggregateSource(mapping.aggregate, mapping.path, mapping.filter);
  if (mapping.const !== undefined) {
    const constant = mapping.const;
    return () => constant;
  }
  if (mapping.template !== undefined) {
    const template = mapping.template;
    return ({ record, parents }, config) => render(template, { record, parent: parents[0], config });
  }
  if (mapping.coalesce !== undefined) {
    const paths = mapping.coalesce;
    return ({ record, parents, page }) => {
      for (const path of paths) {
        const value = readPath(record, path, parents, page);
        if (!isEmpty(value)) return value;
      }
      return null;
    };
  }
  if (mapping.concat !== undefined) {
    const paths = mapping.concat;
    const separator = mapping.separator ?? ' ';
    return ({ record, parents, page }) =>
      paths
        .map((path) => readPath(record, path, parents, page))
        .filter((part) => part !== undefined && part !== null && part !== '')
        .map(toText)
        .join(separator);
  }
  const path = mapping.path ?? '';
  return ({ record, parents, page }) => readPath(record, path, parents, page);
}

/** Whether a record passes a filter: the value at `path`, as text, is `equals` or one of `in`. */
export function matchesFilter({ record, parents, page }: SelectedRecord, filter: RecordFilter): boolean {
  const value = readPath(record, filter.path, parents, page);
  const text = keyText(value);
  if (filter.equals !== undefined && text !== filter.equals) return false;
  if (filter.in !== undefined && !filter.in.includes(text)) return false;
  return true;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** A value as text for comparing and grouping: scalars as written, lists and objects as JSON. */
function keyText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Reduces the records of a group (a lone record is a group of one). */
function aggregateSource(
  aggregate: FieldAggregate,
  path: string | undefined,
  filter: RecordFilter | undefined,
): Evaluate {
  return (selected) => {
    const members = (selected.group ?? [selected]).filter((member) => !filter || matchesFilter(member, filter));
    if (aggregate === 'count') return members.length;
    const values = members
      .map(({ record, parents, page }) => readPath(record, path ?? '', parents, page))
      .filter((value) => !isEmpty(value));
    switch (aggregate) {
      case 'first':
        return values[0] ?? null;
      case 'count-distinct':
        return new Set(values.map(keyText)).size;
      case 'sum':
        return values.reduce<number>((total, value) => total + toNumber(value), 0);
      case 'min':
      case 'max': {
        if (values.length === 0) return null;
        const pick = aggregate === 'min' ? Math.min : Math.max;
        const numeric = values.every((value) => typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(String(value)));
        if (numeric) return pick(...values.map(toNumber));
        // Dates and other text: the earliest or latest instant, kept as the upstream wrote it.
        const sorted = [...values].sort((a, b) => toInstant(a).getTime() - toInstant(b).getTime());
        return aggregate === 'min' ? sorted[0] : sorted[sorted.length - 1];
      }
    }
  };
}

/** The upstream path a field reads, for error messages. */
function sourcePath(mapping: FieldMapping): string | null {
  if (typeof mapping === 'string') return mapping;
  return mapping.path ?? mapping.coalesce?.join(' | ') ?? null;
}

function compileRecord(mapping: RecordMapping): CompiledRecord {
  const specs = RECORD_SCHEMAS[mapping.target].fields as Record<string, Parameters<typeof coerceField>[0]>;
  return {
    target: mapping.target,
    selector: mapping.selector,
    filter: mapping.filter ?? null,
    groupBy: mapping.groupBy === undefined ? null : compileField(mapping.groupBy),
    primaryKey: compileField(mapping.primaryKey),
    updatedAt: mapping.updatedAt === undefined ? null : compileField(mapping.updatedAt),
    fields: Object.entries(specs).map(([name, spec]) => {
      const given = mapping.fields[name];
      return {
        name,
        from: given === undefined ? null : sourcePath(given),
        evaluate: given === undefined ? () => null : compileField(given),
        coerce: (value: unknown) => coerceField(spec, value),
      };
    }),
  };
}

/** A stream's record mappings, compiled once and applied to every page. */
export class StreamMapper {
  private readonly records: CompiledRecord[];

  constructor(stream: Pick<StreamDefinition, 'records'>) {
    this.records = stream.records.map(compileRecord);
  }

  get targets(): RecordType[] {
    return this.records.map((r) => r.target);
  }

  mapPage(payload: unknown, config: Record<string, string>, firstIndex = 0): MappedPage {
    const rows = new Map<RecordType, NormalizedRow[]>();
    const errors: PreviewFieldError[] = [];
    let found = 0;
    for (const compiled of this.records) {
      const selected = selectRecords(payload, compiled.selector);
      if (selected === null) {
        throw new SelectorError(
          `the record selector "${compiled.selector || '(the page itself)'}" found no list in the response`,
        );
      }
      const list: NormalizedRow[] = [];
      const filtered = compiled.filter ? selected.filter((item) => matchesFilter(item, compiled.filter!)) : selected;
      const items = compiled.groupBy ? this.group(compiled.groupBy, filtered, config) : filtered;
      for (const item of items) {
        const mapped = this.mapRecord(compiled, item, config, firstIndex + found, errors);
        found += 1;
        if (mapped) list.push(mapped);
      }
      rows.set(compiled.target, [...(rows.get(compiled.target) ?? []), ...list]);
    }
    return { rows, errors, found };
  }

  /** The records grouped by key, in the order each key first appears; empty keys are left out. */
  private group(key: Evaluate, records: SelectedRecord[], config: Record<string, string>): Evaluated[] {
    const groups = new Map<string, SelectedRecord[]>();
    for (const record of records) {
      const value = key(record, config);
      if (isEmpty(value)) continue;
      const text = keyText(value);
      const members = groups.get(text);
      if (members) members.push(record);
      else groups.set(text, [record]);
    }
    return [...groups.values()].map((members) => ({ ...members[0], group: members }));
  }

  private mapRecord(
    compiled: CompiledRecord,
    selected: Evaluated,
    config: Record<string, string>,
    index: number,
    errors: PreviewFieldError[],
  ): NormalizedRow | null {
    const fail = (field: string, error: unknown, externalId: string | null, from: string | null = null) => {
      const reason = error instanceof Error ? error.message : String(error);
      const message = from ? `${reason} (read from "${from}")` : reason;
      errors.push({ record: index, externalId, target: compiled.target, field, message });
    };
    let externalId: string | null = null;
    try {
      const key = compiled.primaryKey(selected, config);
      if (key === undefined || key === null || key === '') throw new FieldValueError('the primary key is empty');
      externalId = toText(key);
    } catch (error) {
      fail('primaryKey', error, null);
      return null;
    }
    const before = errors.length;
    let updatedAt: Date | null = null;
    if (compiled.updatedAt) {
      try {
        const value = compiled.updatedAt(selected, config);
        updatedAt = value === undefined || value === null || value === '' ? null : toInstant(value);
      } catch (error) {
        fail('updatedAt', error, externalId);
      }
    }
    const values: Record<string, unknown> = {};
    for (const field of compiled.fields) {
      try {
        values[field.name] = field.coerce(field.evaluate(selected, config));
      } catch (error) {
        fail(field.name, error, externalId, field.from);
      }
    }
    if (errors.length > before) return null;
    deriveColumns(compiled.target, values);
    return normalizedRow(externalId, updatedAt, values);
  }
}
