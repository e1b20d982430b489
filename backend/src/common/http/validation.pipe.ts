import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@switchyard/contracts';
import { ValidationFailedException } from '../errors/domain-exception';

/**
 * Validation at the edge: unknown fields are rejected, not silently dropped, and every
 * rejected field is named by its path so integrators can fix the request.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
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
