import type { ErrorCode, FieldError } from '@switchyard/contracts';

/**
 * The one exception type domain code throws. The code is for machines, the message
 * for people; the filter turns it into the API error payload.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly extra: { retryAfter?: number; fields?: FieldError[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export class ValidationFailedException extends DomainException {
  constructor(fields: FieldError[]) {
    const summary = fields.map((f) => f.message).join('; ');
    super('VALIDATION_FAILED', 400, `Invalid request: ${summary}`, { fields });
  }
}

export class ResourceNotFoundException extends DomainException {
  constructor(resource: string, id: string) {
    super('NOT_FOUND', 404, `${resource} ${id} was not found`);
  }
}

export class RouteNotFoundException extends DomainException {
  constructor(method: string, path: string) {
    super('ROUTE_NOT_FOUND', 404, `No API route answers ${method} ${path}. The API reference is at /api/docs.`);
  }
}
