/**
 * Machine-readable error codes of the Switchyard API. Clients branch on `code`,
 * never on `message`, which is written for people and may change.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'ROUTE_NOT_FOUND',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'NOT_READY',
  'SERVICE_UNAVAILABLE',
  /** A connection test or preview reached the upstream and it failed; details say how. */
  'UPSTREAM_ERROR',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One rejected input field, named by its path in the request (`pageSize`, `items[2].name`). */
export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Seconds the client should wait before retrying, when the server knows. */
  retryAfter?: number;
  /** Same value as the `X-Trace-Id` response header; quote it when reporting a problem. */
  traceId: string;
  fields?: FieldError[];
  details?: Record<string, unknown>;
}

/** Every non-2xx answer of the API has this shape. */
export interface ApiErrorResponse {
  error: ApiErrorBody;
  generatedAt: string;
}

export function isApiErrorResponse(value: unknown): value is ApiErrorResponse {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  if (typeof error !== 'object' || error === null) return false;
  return 'code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string';
}
