import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { LiveUpdate, Principal } from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentPrincipal } from '../auth';
import { ApiErrors, DomainException, ValidationFailedException } from '../common';
import { AppConfig } from '../config';
import { LiveHub } from './live-hub.service';
import { LiveMetrics } from './live-metrics';
import { decodePosition, SseSink } from './sse-sink';
import { TopicAccessService } from './topic-access.service';

/** Bytes queued for one SSE client before it counts as slow. */
const SSE_SLOW_BYTES = 256 * 1024;

/**
 * Server-Sent Events with the same topics, authorization and messages as the `/live`
 * socket, for simple clients. `Last-Event-ID` (sent by browsers on reconnect) resumes
 * every topic from where the client was.
 */
@ApiTags('live')
@Controller('stream')
export class StreamController {
  constructor(
    private readonly hub: LiveHub,
    private readonly access: TopicAccessService,
    private readonly metrics: LiveMetrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Live updates as Server-Sent Events: `update`, `resync`, `heartbeat`, `auth_expired`.',
    description:
      'Each topic is authorized like its REST route. Event ids carry every topic position; send it back as Last-Event-ID to resume. EventSource clients that cannot set headers may pass `access_token`.',
  })
  @ApiQuery({ name: 'topics', description: 'Comma-separated topics, e.g. `domain:projects,alerts`.' })
  @ApiQuery({
    name: 'sources',
    required: false,
    description:
      'Only updates whose data names one of these sources or categories (e.g. `system_health,workflows` on `ops`).',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The stream: `event:` lines `update`, `resync`, `heartbeat`, `auth_expired`, each with JSON `data:`.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 403, 404)
  async stream(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Query('topics') topicsParam: unknown,
    @Query('sources') sourcesParam: unknown,
    @Headers('last-event-id') lastEventId: unknown,
  ): Promise<void> {
    const topics = splitList(topicsParam);
    if (topics.length === 0) {
      throw new ValidationFailedException([{ field: 'topics', message: 'name at least one topic, comma-separated' }]);
    }
    if (topics.length > this.config.live.maxTopicsPerConnection) {
      throw new ValidationFailedException([
        { field: 'topics', message: `at most ${this.config.live.maxTopicsPerConnection} topics per stream` },
      ]);
    }
    await this.refuseUnless(principal, topics);
    const sources = splitList(sourcesParam);
    const sink = new SseSink(
      reply.raw,
      principal,
      tokenExpiry(request),
      this.metrics,
      sources.length > 0 ? (update) => matchesSources(update, sources) : undefined,
      SSE_SLOW_BYTES,
    );
    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write(`retry: 3000\n\n`);
    const close = (): void => {
      sink.dispose();
      this.hub.detach(sink);
      if (!reply.raw.writableEnded) reply.raw.end();
    };
    request.raw.on('close', close);
    this.hub.attach(sink);
    sink.scheduleExpiry(close);
    const positions = decodePosition(lastEventId);
    const fresh = topics.filter((t) => !positions.has(t));
    if (fresh.length > 0) await this.hub.subscribe(sink, fresh);
    for (const topic of topics.filter((t) => positions.has(t))) {
      await this.hub.resume(sink, topic, positions.get(topic));
    }
  }

  /** Refuses the whole stream, before it starts, when any topic is not allowed. */
  private async refuseUnless(principal: Principal, topics: string[]): Promise<void> {
    const refusals = [];
    for (const topic of topics) {
      const decision = await this.access.decide(principal, topic);
      if (!decision.granted) refusals.push({ topic, code: decision.code, reason: decision.reason });
    }
    if (refusals.length === 0) return;
    const status = refusals.some((r) => r.code === 'invalid_topic')
      ? 400
      : refusals.some((r) => r.code === 'not_found')
        ? 404
        : 403;
    const message = refusals.map((r) => `${r.topic}: ${r.reason}`).join('; ');
    if (status === 400)
      throw new ValidationFailedException(
        refusals.map((r) => ({ field: 'topics', message: `${r.topic}: ${r.reason}` })),
      );
    throw new DomainException(status === 404 ? 'NOT_FOUND' : 'FORBIDDEN', status, message, { details: { refusals } });
  }
}

function splitList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v.length > 0),
    ),
  ];
}

/** The `sources=` filter: updates naming a source or category outside the list are skipped. */
function matchesSources(update: LiveUpdate, sources: string[]): boolean {
  const data = update.data as { source?: unknown; category?: unknown; sourceId?: unknown } | null;
  if (!data || typeof data !== 'object') return true;
  const names = [data.source, data.category, data.sourceId].filter((v): v is string => typeof v === 'string');
  return names.length === 0 || names.some((name) => sources.includes(name));
}

/** The expiry of the token the guard verified for this request. */
function tokenExpiry(request: FastifyRequest): Date {
  // Set by GlobalAuthGuard on every authenticated request; a missing one fails closed.
  return (request as { tokenExpiresAt?: Date }).tokenExpiresAt ?? new Date();
}
