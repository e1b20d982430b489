import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@switchyard/contracts';
import { ValidationFailedException } from '../errors/domain-exception';

/**
 * Validation at the edge: unknown fields are rejected, not silently dropped, and every
 * rejected field is named by its path so integrators can fix the request.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}

/**
 * Also refuses NUL characters anywhere in a query, path parameter or body: Postgres
 * cannot store them in text, so they would otherwise fail deep inside a query as a 500.
 */
class EdgeValidationPipe extends ValidationPipe {
  /** Query strings accepted before, per query class: a query is strings only, so the same one validates the same way. */
  private readonly acceptedQueries = new WeakMap<object, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what came over HTTP: a gateway's custom parameters (the socket itself) are not input.
    const fromRequest = metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param';
    const field = fromRequest ? nulField(value, metadata.data ?? '') : null;
    if (field !== null) {
      throw new ValidationFailedException([{ field: field || '(body)', message: 'must not contain NUL characters' }]);
    }
    const dto = metadata.type === 'query' && !metadata.data ? metadata.metatype : undefined;
    if (!dto || typeof value !== 'object' || value === null)
      return super.transform(value, metadata) as Promise<unknown>;
    const key = JSON.stringify(value);
    let accepted = this.acceptedQueries.get(dto);
    const known = accepted?.get(key);
    // A copy each time: the handler gets its own object, as from a fresh validation.
    if (known)
      return Object.assign(
        Object.create(Object.getPrototypeOf(known) as object) as object,
        structuredClone({ ...known }),
      );
    const result = (await super.transform(value, metadata)) as unknown;
    if (typeof result === 'object' && result !== null && key.length <= MAX_REMEMBERED_QUERY_LENGTH) {
      if (!accepted) {
        accepted = new Map<string, object>();
        this.acceptedQueries.set(dto, accepted);
      }
      if (accepted.size >= MAX_REMEMBERED_QUERIES) accepted.delete(accepted.keys().next().value as string);
      accepted.set(key, result);
    }
    return result;
  }
}

/** Distinct accepted query strings remembered per query class, and the longest remembered. */
const MAX_REMEMBERED_QUERIES = 500;
const MAX_REMEMBERED_QUERY_LENGTH = 2_000;

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

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, `${field} is not a known field`),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
