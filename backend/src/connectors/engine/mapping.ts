import type {
  FieldMapping,
  PreviewFieldError,
  RecordMapping,
  RecordType,
  StreamDefinition,
} from '@switchyard/contracts';
import { RECORD_SCHEMAS } from '@switchyard/contracts';
import { normalizedRow, type NormalizedRow } from './normalized-row';
import { readPath, selectRecords, type SelectedRecord } from './paths';
import { coerceField, deriveColumns } from './record-fields';
import { render } from './template';
import { applyTransform, FieldValueError, toInstant, toText, type TransformContext } from './transforms';

type Evaluate = (selected: SelectedRecord, config: Record<string, string>) => unknown;

interface CompiledRecord {
  target: RecordType;
  selector: string;
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
  if (typeof mapping === 'string') return ({ record, parents }) => readPath(record, mapping, parents);
  const source = valueSource(mapping);
  const transforms = mapping.transforms ?? [];
  const fallback = mapping.default;
  return (selected, config) => {
    let value = source(selected, config);
    if (transforms.length > 0) {
      const context: TransformContext = { record: selected.record, parent: selected.parents[0], config };
      for (const transform of transforms) value = applyTransform(value, transform, context);
    }
    return (value === undefined || value === null) && fallback !== undefined ? fallback : value;
  };
}

function valueSource(mapping: Exclude<FieldMapping, string>): Evaluate {
  if (mapping.const !== undefined) {
    const constant = mapping.const;
    return () => constant;
  }
  if (mapping.template !== undefined) {
    const template = mapping.template;
    return ({ record, parents }, config) => render(template, { record, parent: parents[0], config });
  }
  if (mapping.concat !== undefined) {
    const paths = mapping.concat;
    const separator = mapping.separator ?? ' ';
    return ({ record, parents }) =>
      paths
        .map((path) => readPath(record, path, parents))
        .filter((part) => part !== undefined && part !== null && part !== '')
        .map(toText)
        .join(separator);
  }
  const path = mapping.path ?? '';
  return ({ record, parents }) => readPath(record, path, parents);
}

/** The upstream path a field reads, for error messages. */
function sourcePath(mapping: FieldMapping): string | null {
  if (typeof mapping === 'string') return mapping;
  return mapping.path ?? null;
}

function compileRecord(mapping: RecordMapping): CompiledRecord {
  const specs = RECORD_SCHEMAS[mapping.target].fields as Record<string, Parameters<typeof coerceField>[0]>;
  return {
    target: mapping.target,
    selector: mapping.selector,
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
      for (const item of selected) {
        const mapped = this.mapRecord(compiled, item, config, firstIndex + found, errors);
        found += 1;
        if (mapped) list.push(mapped);
      }
      rows.set(compiled.target, [...(rows.get(compiled.target) ?? []), ...list]);
    }
    return { rows, errors, found };
  }

  private mapRecord(
    compiled: CompiledRecord,
    selected: SelectedRecord,
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
