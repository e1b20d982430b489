import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { Clock } from '../clock';
import { PreparedAnswer } from './prepared-answer';

/** Stamps `generatedAt` on the root of every JSON object the API returns. */
@Injectable()
export class GeneratedAtInterceptor implements NestInterceptor {
  constructor(private readonly clock: Clock) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Socket acknowledgements follow the live protocol's own shapes.
    if (context.getType() !== 'http') return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        if (!(body instanceof PreparedAnswer)) return stampGeneratedAt(body, this.clock.now());
        // Sent as the text it already is: Fastify passes a JSON-typed string through unchanged.
        void context.switchToHttp().getResponse<FastifyReply>().type('application/json; charset=utf-8');
        return body.render(this.clock.now().toISOString());
      }),
    );
  }
}

export function stampGeneratedAt(body: unknown, now: Date): unknown {
  if (!isJsonObject(body)) return body;
  const existing = (body as { generatedAt?: unknown }).generatedAt;
  return { ...body, generatedAt: typeof existing === 'string' ? existing : now.toISOString() };
}

function isJsonObject(body: unknown): body is object {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  // Buffers, streams and dates are sent as they are.
  return !Buffer.isBuffer(body) && !(body instanceof Date) && typeof (body as { pipe?: unknown }).pipe !== 'function';
}

/** What a handler returns: the answer without `generatedAt`, which the interceptor adds. */
export type Stamped<T> = Omit<T, 'generatedAt'>;
