import type { FieldTransform, JsonValue } from '@switchyard/contracts';
import { zonedWallTimeToUtc } from '../../common/time/zoned-time';
import { readPath } from './paths';
import { render } from './template';

/** A value that cannot be mapped; the message names what was wrong with it. */
export class FieldValueError extends Error {}

const SQL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

function show(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * An instant from ISO 8601 text, "YYYY-MM-DD HH:mm:ss" (in `timeZone`, default UTC) or
 * epoch seconds/milliseconds (numbers below 1e11 are taken as seconds).
 */
export function toInstant(value: unknown, format?: string, timeZone = 'UTC'): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) && format !== 'iso')) {
    const n = Number(value);
    const ms = format === 'epoch-ms' ? n : format === 'epoch-seconds' || n < 1e11 ? n * 1000 : n;
    if (Number.isFinite(ms)) return new Date(Math.round(ms));
  }
  if (typeof value === 'string') {
    if (SQL_DATE_TIME.test(value) || format === 'sql') {
      const local = value.replace(' ', 'T').slice(0, 19);
      const date = timeZone === 'UTC' ? new Date(`${local}Z`) : zonedWallTimeToUtc(local, timeZone);
      if (!Number.isNaN(date.getTime())) return date;
    } else {
      // Jira and others write offsets without a colon (+0000), which Date.parse accepts.
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) return new Date(ms);
    }
  }
  throw new FieldValueError(`${show(value)} is not a date-time`);
}

export function toNumber(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new FieldValueError(`${show(value)} is not a number`);
}

export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true' || value === 'TRUE') return true;
  if (value === 0 || value === '0' || value === 'false' || value === 'FALSE') return false;
  throw new FieldValueError(`${show(value)} is not a boolean`);
}

export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new FieldValueError(`${show(value)} is not text`);
}

/** YYYY-MM-DD from a date, a date-time or an instant. */
export function toDateOnly(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !/[T ]\d{2}:.*[Z+-]/.test(value)) {
    return value.slice(0, 10);
  }
  return toInstant(value).toISOString().slice(0, 10);
}

export function toLocalDateTime(value: unknown, timeZone?: string): string {
  // A calendar date (an all-day event) has no instant: its wall-clock start is midnight in any zone.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00`;
  if (typeof value === 'string' && !timeZone) {
    const match = LOCAL_DATE_TIME.exec(value);
    if (match) return `${match[1]}T${match[2]}${match[3] ?? ':00'}`;
  }
  const instant = toInstant(value);
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: timeZone ?? 'UTC',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(instant);
  return parts.replace(' ', 'T');
}

export interface TransformContext {
  record: unknown;
  parent: unknown;
  config: Record<string, string>;
  /** The whole page, and every enclosing record, for paths such as `$page.timeZone`. */
  page?: unknown;
  parents?: unknown[];
}

/** The first path (on the record, `$parent.…` or `$page.…`) that names a time zone, else the fallback. */
function zoneOf(paths: string[] | undefined, fallback: string, context: TransformContext): string {
  for (const path of paths ?? []) {
    const zone = readPath(context.record, path, context.parents ?? [], context.page);
    if (typeof zone === 'string' && zone !== '') return zone;
  }
  return fallback;
}

export function applyTransform(value: unknown, transform: FieldTransform, context: TransformContext): unknown {
  if (value === undefined || value === null) {
    // Enum maps and counts can give a value for a missing input; the rest pass the gap on.
    if (transform.type === 'enum' && transform.default !== undefined) return transform.default;
    if (transform.type !== 'count' && transform.type !== 'template') return value;
  }
  switch (transform.type) {
    case 'string':
      return toText(value);
    case 'number':
      return toNumber(value);
    case 'integer': {
      const n = toNumber(value);
      if (!Number.isInteger(n)) throw new FieldValueError(`${show(value)} is not a whole number`);
      return n;
    }
    case 'boolean':
      return toBoolean(value);
    case 'trim':
      return toText(value).trim();
    case 'lowercase':
      return toText(value).toLowerCase();
    case 'uppercase':
      return toText(value).toUpperCase();
    case 'empty-to-null':
      return typeof value === 'string' && value.trim() === '' ? null : value;
    case 'date-time':
      return toInstant(value, transform.format, transform.timeZone);
    case 'date':
      return toDateOnly(value);
    case 'local-date-time':
      return toLocalDateTime(value, zoneOf(transform.timeZoneFrom, transform.timeZone, context));
    case 'scale':
      return toNumber(value) * transform.factor;
    case 'enum':
      return mapEnum(value, transform.map, transform.keepUnmapped ? (value as JsonValue) : transform.default);
    case 'template':
      return render(transform.template, {
        value,
        record: context.record,
        parent: context.parent,
        config: context.config,
      });
    case 'lookup':
      return lookup(value, transform.match, transform.equals, transform.take);
    case 'count':
      return count(value, transform.match, transform.equals);
    case 'first':
      return Array.isArray(value) ? value[0] : value;
    case 'strip-prefix':
      return stripPrefix(value, transform.prefix);
  }
}

function stripPrefix(value: unknown, prefix: string): string | null {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const found = items.find((item) => typeof item === 'string' && item.startsWith(prefix)) as string | undefined;
  return found === undefined ? null : found.slice(prefix.length);
}

function mapEnum(value: unknown, map: Record<string, JsonValue>, fallback: JsonValue | undefined): unknown {
  const key = toText(value);
  if (Object.prototype.hasOwnProperty.call(map, key)) return map[key];
  if (fallback !== undefined) return fallback;
  throw new FieldValueError(`${show(value)} is not one of the mapped values (${Object.keys(map).join(', ')})`);
}

function lookup(list: unknown, match: string, equals: string, take: string): unknown {
  if (!Array.isArray(list)) throw new FieldValueError(`${show(list)} is not a list to look up in`);
  const found: unknown = list.find((item) => String(readPath(item, match)) === equals);
  return found === undefined ? null : readPath(found, take);
}

function count(list: unknown, match?: string, equals?: string): number {
  if (list === undefined || list === null) return 0;
  if (!Array.isArray(list)) throw new FieldValueError(`${show(list)} is not a list to count`);
  if (!match) return list.length;
  return list.filter((item) => String(readPath(item, match)) === equals).length;
}
