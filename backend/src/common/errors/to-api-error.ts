import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@switchyard/contracts';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainException } from './domain-exception';

export interface MappedError {
  status: number;
  body: Omit<ApiErrorBody, 'traceId'>;
  /** True when the failure is ours (5xx) and worth an error-level log with its stack. */
  unexpected: boolean;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Seconds a client is asked to wait when the database is down (usually a restart). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

const DATABASE_DOWN: MappedError = {
  status: 503,
  body: {
    code: 'SERVICE_UNAVAILABLE',
    message: 'The database is unavailable right now; nothing was changed. Try again shortly.',
    retryAfter: DATABASE_RETRY_AFTER_SECONDS,
  },
  // Still ours to look at: logged at error level with the driver's own words.
  unexpected: true,
};

const INTERNAL: MappedError = {
  status: 500,
  body: {
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong on our side. Quote the trace id when reporting it.',
  },
  unexpected: true,
};

/**
 * Turns anything thrown while serving a request into the API error payload. Only
 * messages we wrote reach the client: never a stack trace, SQL or driver text.
 */
export function toApiError(error: unknown, limits: { bodyLimitBytes: number }): MappedError {
  if (error instanceof DomainException) {
    return {
      status: error.status,
      body: { code: error.code, message: error.message, ...error.extra },
      unexpected: error.status >= 500,
    };
  }
  // Nest wraps Fastify's own 4xx errors in an HttpException; the original is its cause.
  const cause = error instanceof HttpException ? error.cause : undefined;
  const fastify = fromFastifyError(error, limits) ?? fromFastifyError(cause, limits);
  if (fastify) return fastify;
  if (error instanceof HttpException) return fromHttpException(error);
  if (isDatabaseUnavailable(error)) return DATABASE_DOWN;
  return INTERNAL;
}

function fromFastifyError(error: unknown, limits: { bodyLimitBytes: number }): MappedError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  const mapped = (status: number, errorCode: ErrorCode, message: string): MappedError => ({
    status,
    body: { code: errorCode, message },
    unexpected: false,
  });
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return mapped(
        413,
        'PAYLOAD_TOO_LARGE',
        `Request body is larger than the limit of ${limits.bodyLimitBytes} bytes`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return mapped(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return mapped(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return mapped(400, 'MALFORMED_JSON', 'The body is empty but Content-Type says application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return mapped(400, 'MALFORMED_JSON', 'Content-Length does not match the body that was sent');
    default:
      break;
  }
  if (error instanceof SyntaxError && statusCode === 400) {
    return mapped(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
  }
  return undefined;
}

function fromHttpException(error: HttpException): MappedError {
  const status = error.getStatus();
  if (status >= 500 && status !== 503) return INTERNAL;
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : (messageOf(response) ?? error.message);
  // Nest answers unmatched routes with a NotFoundException worded "Cannot METHOD /path".
  if (status === 404 && message.startsWith('Cannot ')) {
    return {
      status,
      body: { code: 'ROUTE_NOT_FOUND', message: `No API route answers ${message.slice(7)}` },
      unexpected: false,
    };
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
  return { status, body: { code, message }, unexpected: false };
}

function messageOf(response: object): string | undefined {
  const { message } = response as { message?: unknown };
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((m) => typeof m === 'string').join('; ');
  return undefined;
}
