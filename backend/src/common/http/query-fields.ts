import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { z } from 'zod';
import { declaredSchemaOf, declareField, wholeNumberRule } from '../validation/declared-fields';

/**
 * Query strings are validated like bodies: with zod. A query class names each parameter
 * once with `@QueryField(rule, openapi)`; the rule validates it and the options describe it
 * in the OpenAPI document, so the two cannot drift apart. The validation pipe parses a query
 * with `querySchemaOf(theClass)`: unknown parameters are refused, and the handler gets a
 * plain object holding only the parameters sent.
 */

/** One query parameter. Required when its rule refuses a missing value. */
export function QueryField(rule: z.ZodType, openapi: ApiPropertyOptions = {}): PropertyDecorator {
  const required = !rule.safeParse(undefined).success;
  const describe = required ? ApiProperty(openapi) : ApiPropertyOptional(openapi);
  return (prototype, key) => {
    declareField(prototype, key, rule);
    describe(prototype, key);
  };
}

/** The strict object schema of a query class (its own and inherited parameters), or null when it declares none. */
export const querySchemaOf = declaredSchemaOf;

// ---- rules for query parameters (they arrive as strings, or arrays when repeated) ----------

/** A whole number within bounds; the messages default to "`field` must be between min and max". */
export function wholeNumber(
  field: string,
  min: number,
  max: number,
  messages: { belowMin?: string; aboveMax?: string } = {},
): z.ZodType<number> {
  const range = `${field} must be between ${min} and ${max}`;
  return wholeNumberRule(min, max, {
    notWhole: `${field} must be a whole number`,
    belowMin: messages.belowMin ?? range,
    aboveMax: messages.aboveMax ?? range,
  });
}

/** One string matching `pattern`; anything else (a repeated parameter too) gets `message`. */
export function matching(pattern: RegExp, message: string): z.ZodString {
  return z.string({ error: message }).regex(pattern, { error: message });
}

/** One of `values`. */
export function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T): z.ZodEnum {
  return z.enum(values, { error: `${field} must be one of ${values.join(', ')}` });
}

/** Text of at most `max` characters. */
export function text(field: string, max: number, tooLong = `${field} must be at most ${max} characters`): z.ZodString {
  return z.string({ error: `${field} must be text` }).max(max, { error: tooLong });
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** An ISO 8601 calendar date or date-time (`2026-01-31`, `2026-01-31T09:30:00Z`) that names a real instant. */
export function isoDateTime(message: string): z.ZodString {
  return z.string({ error: message }).refine((value) => isRealDateTime(value), { error: message });
}

function isRealDateTime(value: string): boolean {
  const parts = ISO_DATE_TIME.exec(value);
  if (!parts || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A list filter sent as one comma list (`status=At Risk,Critical`) or as repeated parameters
 * (`status=At Risk&status=Critical`, which the query parser makes an array): both reach
 * `rule` as the comma list.
 */
export function commaList<T>(rule: z.ZodType<T>): z.ZodType<T> {
  return z.preprocess((value) => (Array.isArray(value) ? value.map((item) => String(item)).join(',') : value), rule);
}
