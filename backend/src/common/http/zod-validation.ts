import type { ApiBody } from '@nestjs/swagger';
import type { FieldError } from '@switchyard/contracts';
import { toJSONSchema as zodToJsonSchema, type z } from 'zod';
import { ValidationFailedException } from '../errors/domain-exception';

/**
 * Parses a request body with a zod schema, or throws the API's 400 naming every bad
 * field by its path. Every request body is validated this way (docs/architecture.md).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailedException(toFieldErrors(result.error.issues));
}

/**
 * A zod failure as the API's field errors, unknown fields named as such. A body's messages
 * are prefixed with the field's path; a query's rules word their own messages (`page must be
 * a whole number`), and only the first problem per parameter is kept.
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], input: 'body' | 'query' = 'body'): FieldError[] {
  const errors: FieldError[] = [];
  const named = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const found =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => {
            const field = path ? `${path}.${key}` : key;
            return { field, message: `${field} is not a known field` };
          })
        : [
            {
              field: path || '(body)',
              message: input === 'body' ? `${path || '(body)'}: ${issue.message}` : issue.message,
            },
          ];
    for (const error of found) {
      if (input === 'query' && named.has(error.field)) continue;
      named.add(error.field);
      errors.push(error);
    }
  }
  return errors;
}

type BodySchema = NonNullable<Extract<Parameters<typeof ApiBody>[0], { schema?: unknown }>['schema']>;

/** A zod request schema as the OpenAPI body schema (`@ApiBody({ schema })`), as clients send it. */
export function zodBodySchema(schema: z.ZodType): BodySchema {
  return zodToJsonSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as BodySchema;
}
