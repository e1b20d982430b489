import type { FastifyInstance } from 'fastify';
import { assertSafeJsonBody, redactUrl, runWithTrace, TRACE_HEADER } from '../common';
import type { MetricsService } from '../metrics';

/**
 * Per-request plumbing at the Fastify level, so it also covers 404s, body-parser
 * errors and routes that Nest does not own (Swagger, static files).
 */
export function installHttpHooks(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(TRACE_HEADER, request.id);
    runWithTrace({ traceId: request.id }, done);
  });
  // Body parsing runs on socket callbacks outside the request's async context; re-enter it.
  fastify.addHook('preValidation', (request, _reply, done) => {
    runWithTrace({ traceId: request.id }, () => {
      // Every JSON body, whichever route and parser: too deep or holding NUL is a 400 here.
      const raw = (request as { rawBody?: unknown }).rawBody;
      try {
        if (Buffer.isBuffer(raw) && isJson(request.headers['content-type'])) assertSafeJsonBody(raw);
      } catch (error) {
        done(error as Error);
        return;
      }
      done();
    });
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.observeRequest(request.method, route, reply.statusCode, seconds);
    request.log.info(
      {
        method: request.method,
        url: redactUrl(request.url),
        route,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
}

function isJson(contentType: string | undefined): boolean {
  return typeof contentType === 'string' && /\bjson\b/i.test(contentType);
}
