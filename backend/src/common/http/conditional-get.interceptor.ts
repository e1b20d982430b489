import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { map, type Observable } from 'rxjs';
import { PreparedAnswer, stableJson } from './prepared-answer';

/**
 * Strong ETags and `If-None-Match` → 304 for dashboard payloads. The tag covers the data
 * and the freshness states and clocks, but not ages and reasons that tick every second
 * (clients compute ages from the clocks), so an unchanged dashboard really is a 304.
 */
@Injectable()
export class ConditionalGetInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const etag = body instanceof PreparedAnswer ? `"${body.tag}"` : entityTag(body);
        void reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (matches(request.headers['if-none-match'], etag) || sameRefreshToken(request, body)) {
          void reply.status(304);
          return undefined;
        }
        return body;
      }),
    );
  }
}

/** The executive dashboard blueprint's `?refreshToken=`: the token of an earlier answer, still current. */
function sameRefreshToken(request: FastifyRequest, body: unknown): boolean {
  const sent = (request.query as Record<string, unknown> | undefined)?.refreshToken;
  const members = body instanceof PreparedAnswer ? body.tail : body;
  const current =
    typeof members === 'object' && members !== null ? (members as { refreshToken?: unknown }).refreshToken : undefined;
  return typeof sent === 'string' && typeof current === 'string' && sent === current;
}

export function entityTag(body: unknown): string {
  return `"${createHash('sha256').update(stableJson(body)).digest('base64url')}"`;
}

function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(',') : header).split(',').map((v) => v.trim());
  return values.includes(etag) || values.includes('*');
}
