import { RECORD_SCHEMAS, type RecordFieldSpec, type RecordType } from '@switchyard/contracts';
import { isTimeZone, zonedWallTimeToUtc } from '../../common/time/zoned-time';
import { FieldValueError, toBoolean, toDateOnly, toInstant, toLocalDateTime, toNumber, toText } from './transforms';

/** Coerces a mapped value to what the record schema's field accepts, or says why it cannot. */
export function coerceField(spec: RecordFieldSpec, value: unknown): unknown {
  if (value === undefined || value === null || value === '') {
    if (spec.required) throw new FieldValueError('is required but the mapping gave no value');
    return null;
  }
  const coerced = coerce(spec, value);
  if (spec.enum && !spec.enum.includes(coerced as string)) {
    throw new FieldValueError(`"${String(coerced)}" is not one of ${spec.enum.join(', ')}`);
  }
  if (typeof coerced === 'number') {
    if (spec.min !== undefined && coerced < spec.min) throw new FieldValueError(`${coerced} is below ${spec.min}`);
    if (spec.max !== undefined && coerced > spec.max) throw new FieldValueError(`${coerced} is above ${spec.max}`);
  }
  if (typeof coerced === 'string' && spec.maxLength !== undefined && coerced.length > spec.maxLength) {
    throw new FieldValueError(`is ${coerced.length} characters long; at most ${spec.maxLength} fit`);
  }
  return coerced;
}

function coerce(spec: RecordFieldSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'string':
    case 'text':
      return toText(value);
    case 'number':
      return toNumber(value);
    case 'integer': {
      const n = toNumber(value);
      if (!Number.isInteger(n)) throw new FieldValueError(`${n} is not a whole number`);
      return n;
    }
    case 'boolean':
      return toBoolean(value);
    case 'date-time':
      return toInstant(value);
    case 'date':
      return toDateOnly(value);
    case 'local-date-time':
      return toLocalDateTime(value);
    case 'time-zone': {
      const zone = toText(value);
      if (!isTimeZone(zone)) throw new FieldValueError(`"${zone}" is not an IANA time zone`);
      return zone;
    }
    case 'json':
      return value;
  }
}

/**
 * Columns a domain computes from the mapped fields (the record schema names what a
 * connector supplies; the table may keep more).
 */
const DERIVED: Partial<Record<RecordType, (values: Record<string, unknown>) => void>> = {
  events: (values) => {
    const zone = values.timeZone as string;
    values.startsAt = zonedWallTimeToUtc(values.localStart as string, zone);
    values.endsAt = zonedWallTimeToUtc(values.localEnd as string, zone);
    values.cancelled = values.cancelled ?? false;
  },
  projects: (values) => {
    values.milestones = values.milestones ?? [];
  },
  teams: (values) => {
    values.pipeline = values.pipeline ?? { applied: 0, screening: 0, interviewing: 0, offer: 0, hired: 0 };
  },
};

export function deriveColumns(target: RecordType, values: Record<string, unknown>): void {
  DERIVED[target]?.(values);
}

export function recordFields(target: RecordType): Record<string, RecordFieldSpec> {
  return RECORD_SCHEMAS[target].fields;
}

/** Record types whose rows are history samples, never tombstoned by a full refresh. */
export const RECORD_SCHEMAS_APPEND_ONLY: ReadonlySet<RecordType> = new Set(
  (Object.keys(RECORD_SCHEMAS) as RecordType[]).filter((t) => 'appendOnly' in RECORD_SCHEMAS[t]),
);
