import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ApiErrorResponse } from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { redactUrl } from '../logging/redact-url';
import { resolveTraceId } from '../trace/trace-context';
import { toApiError } from './to-api-error';

/** The single place where exceptions become HTTP answers. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly limits: { bodyLimitBytes: number },
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const traceId = typeof request.id === 'string' ? request.id : resolveTraceId(undefined);
    // A route with its own body limit (webhooks, error reports) names that one in a 413.
    const bodyLimitBytes = request.routeOptions?.bodyLimit ?? this.limits.bodyLimitBytes;
    const { status, body, unexpected } = toApiError(exception, { bodyLimitBytes });

    if (unexpected) {
      this.logger.error(
        { err: exception, traceId, method: request.method, url: redactUrl(request.url) },
        'request failed',
      );
    }

    const payload: ApiErrorResponse = {
      error: { ...body, traceId },
      generatedAt: this.clock.now().toISOString(),
    };
    if (body.retryAfter !== undefined) void reply.header('retry-after', String(body.retryAfter));
    void reply.header('x-trace-id', traceId).header('cache-control', 'no-store').status(status).send(payload);
  }
}
