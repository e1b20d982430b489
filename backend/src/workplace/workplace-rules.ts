import {
  EVENT_TIMEFRAME_MAX_DAYS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATE_GROUPS,
  INCIDENT_STATES,
  type IncidentSeverity,
  type IncidentState,
} from '@switchyard/contracts';
import { ValidationFailedException } from '../common';

const DAY_MS = 86_400_000;

/** Staffing level: filled seats over all seats. Null (never NaN) when a department has no seats at all. */
export function utilisation(headcount: number, openRoles: number): number | null {
  const seats = headcount + openRoles;
  if (seats <= 0) return null;
  return Math.round((headcount / seats) * 1000) / 1000;
}

/** Splits `a,b, c` into distinct, trimmed, non-empty values (order kept). */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [...new Set(value.split(',').map((v) => v.trim()))].filter((v) => v.length > 0);
}

/** Each value must be one of `allowed`; otherwise 400 naming the field and the bad values. */
export function parseEnumList<T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T[] {
  const values = splitList(value);
  const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (unknown.length > 0) {
    throw new ValidationFailedException([
      { field, message: `${field} has unknown value(s) ${unknown.join(', ')}; expected ${allowed.join(', ')}` },
    ]);
  }
  return values as T[];
}

export function parseSeverities(value: string | undefined): IncidentSeverity[] {
  return parseEnumList('severity', value, INCIDENT_SEVERITIES);
}

/** `open` and `closed` expand to their raw states; raw states may be mixed in. */
export function parseStates(value: string | undefined): IncidentState[] {
  const groups = Object.keys(INCIDENT_STATE_GROUPS) as (keyof typeof INCIDENT_STATE_GROUPS)[];
  const tokens = parseEnumList('state', value, [...groups, ...INCIDENT_STATES]);
  const states = tokens.flatMap((t): readonly IncidentState[] =>
    t in INCIDENT_STATE_GROUPS ? INCIDENT_STATE_GROUPS[t as keyof typeof INCIDENT_STATE_GROUPS] : [t as IncidentState],
  );
  return [...new Set(states)];
}

/** `7d` → milliseconds; 1d to 90d. The DTO checks the shape; this checks the range. */
export function parseTimeframe(value: string): number {
  const days = Number(/^(\d{1,3})d$/.exec(value)?.[1] ?? NaN);
  if (!Number.isInteger(days) || days < 1 || days > EVENT_TIMEFRAME_MAX_DAYS) {
    throw new ValidationFailedException([
      { field: 'timeframe', message: `timeframe must be between 1d and ${EVENT_TIMEFRAME_MAX_DAYS}d, like 7d` },
    ]);
  }
  return days * DAY_MS;
}

/** The instant a `date=YYYY-MM-DD` question is answered at: the end of that UTC day, or now. */
export function asOfInstant(date: string | undefined, now: Date): Date {
  if (!date) return now;
  const start = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(start)) throw new ValidationFailedException([{ field: 'date', message: 'date must be YYYY-MM-DD' }]);
  return new Date(start + DAY_MS - 1);
}
