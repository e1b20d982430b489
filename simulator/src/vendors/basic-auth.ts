import { timingSafeEqual } from 'node:crypto';
import { type FastifyRequest } from 'fastify';

/** The user and password of an HTTP Basic `Authorization` header (RFC 7617), or null. */
export function basicAuth(request: FastifyRequest): { user: string; password: string } | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
