import { readPath } from './paths';

/**
 * `{{ name.path | filter:arg | filter }}` placeholders. Names are looked up in the
 * variables given (`config`, `credential`, `cursor`, `now`, `since`, `value`, `record`…);
 * nothing is evaluated. Filters format dates (for cursors and time windows) and values.
 */
const PLACEHOLDER = /\{\{\s*([^}|]+?)\s*((?:\|\s*[^}|]+?\s*)*)\}\}/g;

export const TEMPLATE_FILTERS = [
  'epoch',
  'epochMs',
  'iso',
  'date',
  'format',
  'default',
  'minusSeconds',
  'urlencode',
  'json',
] as const;
type FilterName = (typeof TEMPLATE_FILTERS)[number];

export class TemplateError extends Error {}

export type TemplateVars = Record<string, unknown>;

/** Every variable name a template reads (the first path segment), for validation. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1].split(/[.[]/)[0]);
}

export function templateFilters(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].flatMap((m) =>
    m[2]
      .split('|')
      .map((f) => f.trim().split(':')[0])
      .filter(Boolean),
  );
}

export function isKnownFilter(name: string): name is FilterName {
  return (TEMPLATE_FILTERS as readonly string[]).includes(name);
}

/** Renders a template; a placeholder with no value renders as the empty string. */
export function render(template: string, vars: TemplateVars): string {
  if (!template.includes('{{')) return template;
  return template.replace(PLACEHOLDER, (_all, name: string, filters: string) => {
    let value: unknown = readPath(vars, name.trim());
    for (const filter of filters.split('|').slice(1)) value = applyFilter(value, filter.trim(), vars);
    return stringify(value);
  });
}

/** A template that is exactly one placeholder keeps the value's type (for JSON bodies). */
export function renderValue(template: string, vars: TemplateVars): unknown {
  const whole = /^\{\{\s*([^}|]+?)\s*\}\}$/.exec(template);
  return whole ? readPath(vars, whole[1].trim()) : render(template, vars);
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? value.toString() : '';
}

function applyFilter(value: unknown, filter: string, vars: TemplateVars): unknown {
  const colon = filter.indexOf(':');
  const name = colon < 0 ? filter : filter.slice(0, colon);
  const arg = colon < 0 ? '' : filter.slice(colon + 1);
  if (!isKnownFilter(name)) throw new TemplateError(`unknown template filter "${name}"`);
  if (name === 'default') return value === undefined || value === null || value === '' ? arg : value;
  if (name === 'urlencode') return encodeURIComponent(stringify(value));
  if (name === 'json') return JSON.stringify(value ?? null);
  if (value === undefined || value === null || value === '') return value;
  const date = toDate(value);
  if (!date) throw new TemplateError(`filter "${name}" needs a date-time, got "${stringify(value)}"`);
  switch (name) {
    case 'epoch':
      return Math.floor(date.getTime() / 1000);
    case 'epochMs':
      return date.getTime();
    case 'iso':
      return date.toISOString();
    case 'date':
      return date.toISOString().slice(0, 10);
    case 'minusSeconds':
      return new Date(date.getTime() - secondsArgument(arg, vars) * 1000);
    case 'format':
      return formatUtc(date, arg);
  }
}

/** A number of seconds, or a variable that holds one (`minusSeconds:config.lookbackSeconds`). */
function secondsArgument(arg: string, vars: TemplateVars): number {
  const raw = /^-?\d+(\.\d+)?$/.test(arg) ? arg : stringify(readPath(vars, arg));
  const seconds = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(seconds))
    throw new TemplateError(`filter "minusSeconds" needs a number of seconds, got "${arg}"`);
  return seconds;
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value !== 'string') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** `yyyy`, `MM`, `dd`, `HH`, `mm`, `ss`, `SSS` in UTC; anything else is copied. */
export function formatUtc(date: Date, pattern: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const parts: Record<string, string> = {
    yyyy: String(date.getUTCFullYear()),
    MM: pad(date.getUTCMonth() + 1),
    dd: pad(date.getUTCDate()),
    HH: pad(date.getUTCHours()),
    mm: pad(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds()),
    SSS: pad(date.getUTCMilliseconds(), 3),
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|SSS|ss/g, (token) => parts[token]);
}
