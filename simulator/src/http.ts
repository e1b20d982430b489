import { type FastifyRequest } from 'fastify';

/** An error the error handler turns into `{ error, message }` with this status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An error answered with the vendor's own body and headers instead of `{ error, message }`. */
export class VendorError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: object,
    readonly headers: Record<string, string> = {},
  ) {
    super(`vendor error ${statusCode}`);
  }
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, 'invalid_request', message);
}

export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Integer query parameter: `fallback` when absent, capped at `max` like real vendors do, 400 when not a number. */
export function intParam(request: FastifyRequest, name: string, fallback: number, min: number, max: number): number {
  const raw = queryValue(request, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer`);
  const value = Number(raw);
  if (value < min) throw badRequest(`${name} must be at least ${min}`);
  return Math.min(value, max);
}

/** ISO 8601 timestamp query parameter as epoch ms, or null when absent. */
export function timeParam(request: FastifyRequest, name: string): number | null {
  const raw = queryValue(request, name);
  if (raw === undefined || raw === '') return null;
  const value = Date.parse(raw);
  if (Number.isNaN(value)) throw badRequest(`${name} must be an ISO 8601 timestamp`);
  return value;
}

export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}

export function apiKey(request: FastifyRequest): string | null {
  const value = request.headers['x-api-key'];
  return typeof value === 'string' ? value : null;
}

export const BEARER_CHALLENGE = 'Bearer error="invalid_token"';

/** Page/per_page slicing shared by the page-numbered vendors. */
export function pageSlice<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}
