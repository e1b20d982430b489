import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { ValidationFailedException } from '../errors/domain-exception';
import { querySchemaOf } from './query-fields';
import { toFieldErrors } from './zod-validation';

/**
 * Validation at the edge, with zod throughout: a query class's parameters by the rules its
 * `@QueryField`s declare (unknown parameters refused, each bad one named), a body by the
 * schema its service parses it with (`parseOrThrow`). NUL characters are refused anywhere in
 * a query, path parameter or body: Postgres cannot store them in text, so they would
 * otherwise fail deep inside a query as a 500.
 */
export function createValidationPipe(): PipeTransform<unknown, unknown> {
  return new EdgeValidationPipe();
}

class EdgeValidationPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Only what came over HTTP: a gateway's custom parameters (the socket itself) are not input.
    const fromRequest = metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param';
    if (!fromRequest) return value;
    const field = nulField(value, metadata.data ?? '');
    if (field !== null) {
      throw new ValidationFailedException([{ field: field || '(body)', message: 'must not contain NUL characters' }]);
    }
    if (metadata.data || !isDeclaredClass(metadata.metatype)) return value;
    const schema = querySchemaOf(metadata.metatype);
    // Fail closed: a typed query or body whose class declares no rules would pass unchecked.
    if (metadata.type !== 'query' || !schema) {
      throw new Error(`${metadata.metatype.name} declares no @QueryField rules; bodies are unknown + parseOrThrow`);
    }
    const result = schema.safeParse(value ?? {});
    if (!result.success) throw new ValidationFailedException(toFieldErrors(result.error.issues, 'query'));
    return result.data;
  }
}

/** A class the handler named as the parameter's type (not `unknown`, a primitive or an interface). */
function isDeclaredClass(
  metatype: ArgumentMetadata['metatype'],
): metatype is NonNullable<ArgumentMetadata['metatype']> {
  return (
    typeof metatype === 'function' &&
    metatype !== Object &&
    metatype !== String &&
    metatype !== Number &&
    metatype !== Boolean &&
    metatype !== Array
  );
}

/** The path of the first string holding a NUL character, or null; bounded in depth. */
function nulField(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null || depth > 32) return null;
  // Plain data only (the query parser's objects have a null-prototype prototype).
  const prototype = Object.getPrototypeOf(value) as object | null;
  const plain =
    prototype === null ||
    prototype === Object.prototype ||
    prototype === Array.prototype ||
    Object.getPrototypeOf(prototype) === null;
  if (!plain) return null;
  for (const [key, inner] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = nulField(inner, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
