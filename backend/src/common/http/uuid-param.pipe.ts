import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedException } from '../errors/domain-exception';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationFailedException([{ field: name, message: `${name} must be a UUID` }]),
  });
}
