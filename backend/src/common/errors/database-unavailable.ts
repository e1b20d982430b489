/**
 * Errors that mean "the database is not reachable right now" rather than "this query
 * is wrong": refused or dropped connections, Postgres shutting down or starting up
 * (SQLSTATE 57P01-57P03) and the connection-exception class 08. The pg driver and
 * TypeORM wrap them differently, so the cause chain is searched.
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // AggregateError (a refused connection tried on IPv4 and IPv6) carries its causes in `errors`.
  const nested: unknown[] = Array.isArray(errors) ? (errors as unknown[]) : [];
  return [driverError, cause, ...nested].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
