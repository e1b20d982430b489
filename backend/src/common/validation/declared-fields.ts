import { z } from 'zod';

/**
 * Classes whose properties declare zod rules: query parameters (`@QueryField`) and
 * environment variables (`@Setting`). Each property names its rule once; the class's strict
 * object schema gathers its own and inherited rules, base class first.
 */
const ownFields = new WeakMap<object, Map<string, z.ZodType>>();
const schemas = new WeakMap<object, z.ZodType | null>();

export function declareField(prototype: object, key: string | symbol, rule: z.ZodType): void {
  if (typeof key !== 'string') throw new Error('a declared field needs a string name');
  let fields = ownFields.get(prototype);
  if (!fields) {
    fields = new Map();
    ownFields.set(prototype, fields);
  }
  fields.set(key, rule);
}

/** The strict object schema of a class's declared fields, or null when it declares none. */
export function declaredSchemaOf(declaringClass: unknown): z.ZodType | null {
  if (typeof declaringClass !== 'function') return null;
  const known = schemas.get(declaringClass);
  if (known !== undefined) return known;
  const chain: object[] = [];
  let prototype = declaringClass.prototype as object | null;
  while (prototype && prototype !== Object.prototype) {
    chain.unshift(prototype);
    prototype = Object.getPrototypeOf(prototype) as object | null;
  }
  const shape: Record<string, z.ZodType> = {};
  for (const link of chain) for (const [key, rule] of ownFields.get(link) ?? []) shape[key] = rule;
  const schema = Object.keys(shape).length > 0 ? z.strictObject(shape) : null;
  schemas.set(declaringClass, schema);
  return schema;
}

/** A whole number sent as text (a query parameter, an environment variable) within bounds. */
export function wholeNumberRule(
  min: number,
  max: number,
  messages: { notWhole: string; belowMin: string; aboveMax: string },
): z.ZodType<number> {
  return z.preprocess(
    (value) => (typeof value === 'string' ? Number(value) : value),
    z
      .number({ error: messages.notWhole })
      .int({ error: messages.notWhole })
      .min(min, { error: messages.belowMin })
      .max(max, { error: messages.aboveMax }),
  );
}
