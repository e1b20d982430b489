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

export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: `${path ? `${path}.${key}` : key} is not a known field`,
      }));
    }
    const field = path || '(body)';
    return [{ field, message: `${field}: ${issue.message}` }];
  });
}

type BodySchema = NonNullable<Extract<Parameters<typeof ApiBody>[0], { schema?: unknown }>['schema']>;

/** A zod request schema as the OpenAPI body schema (`@ApiBody({ schema })`), as clients send it. */
export function zodBodySchema(schema: z.ZodType): BodySchema {
  return zodToJsonSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as BodySchema;
}
