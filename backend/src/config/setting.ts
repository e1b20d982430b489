import { z } from 'zod';
import { declareField, wholeNumberRule } from '../common/validation/declared-fields';

/**
 * An environment variable's rule. Every variable may be left out (its property's initial
 * value is the default), so the rule applies only to a value that was set.
 */
export function Setting(rule: z.ZodType): PropertyDecorator {
  return (prototype, key) => declareField(prototype, key, rule.optional());
}

/** How each unit reads in "must be a whole number of …" and after "must be between 1 and 3650". */
const UNITS = {
  ms: { word: 'milliseconds', suffix: ' ms' },
  days: { word: 'days', suffix: ' days' },
  seconds: { word: 'seconds', suffix: ' seconds' },
  bytes: { word: 'bytes', suffix: ' bytes' },
  hours: { word: 'hours', suffix: ' hours' },
  reports: { word: 'reports', suffix: '' },
  percent: { word: 'percent', suffix: '' },
  points: { word: 'points', suffix: '' },
} as const;

/** A whole number from `min` to `max`, in `unit` when it has one ("must be between 1 and 3650 days"). */
export function count(min: number, max: number, unit?: keyof typeof UNITS): z.ZodType<number> {
  const range = `must be between ${min} and ${max}${unit ? UNITS[unit].suffix : ''}`;
  return wholeNumberRule(min, max, {
    notWhole: unit ? `must be a whole number of ${UNITS[unit].word}` : 'must be a whole number',
    belowMin: range,
    aboveMax: range,
  });
}

/** Any whole number. */
export function integer(): z.ZodType<number> {
  return count(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}

/** Text, trimmed when `trim`, matching `pattern` when given. */
export function text(pattern?: RegExp, message = 'must be text', options: { trim?: boolean } = {}): z.ZodType<string> {
  let rule = z.string({ error: message });
  if (options.trim) rule = rule.trim();
  return pattern ? rule.regex(pattern, { error: message }) : rule;
}

/** `true`/`false` (or `1`/`0`). */
export function flag(): z.ZodType<string> {
  return z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' });
}

/** One of `values`. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message?: string): z.ZodEnum {
  return z.enum(values, { error: message ?? `must be one of ${values.join(', ')}` });
}
