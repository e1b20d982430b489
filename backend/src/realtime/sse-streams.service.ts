import { Injectable } from '@nestjs/common';
import type { Principal } from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, ValidationFailedException } from '../common';
import { AppConfig } from '../config';
import { LiveHub } from './live-hub.service';
import { LiveMetrics } from './live-metrics';
import { LiveRoutes } from './live-routes';
import { decodePosition, SseSink } from './sse-sink';
import { narrowUpdate, type StreamFilters } from './stream-filters';
import { TopicAccessService } from './topic-access.service';

/** Bytes queued for one SSE client before it counts as slow. */
const SSE_SLOW_BYTES = 256 * 1024;

export interface StreamRequest {
  topics: string[];
  filters: StreamFilters;
  lastEventId: unknown;
}

/**
 * Opens one Server-Sent Events stream: the same topics, authorization and messages as the
 * `/live` socket. Used by `GET /api/v1/stream` and seed 002's `?action=sse` alias.
 */
@Injectable()
export class SseStreams {
  constructor(
    private readonly hub: LiveHub,
    private readonly access: TopicAccessService,
    private readonly metrics: LiveMetrics,
    private readonly config: AppConfig,
    private readonly routes: LiveRoutes,
  ) {}

  async open(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    { topics, filters, lastEventId }: StreamRequest,
  ): Promise<void> {
    if (topics.length === 0) {
      throw new ValidationFailedException([{ field: 'topics', message: 'name at least one topic, comma-separated' }]);
    }
    if (topics.length > this.config.live.maxTopicsPerConnection) {
      throw new ValidationFailedException([
        { field: 'topics', message: `at most ${this.config.live.maxTopicsPerConnection} topics per stream` },
      ]);
    }
    await this.refuseUnless(principal, topics);
    const filtered = filters.sources.length > 0 || filters.categories.length > 0;
    const sink = new SseSink(
      reply.raw,
      principal,
      tokenExpiry(request),
      this.metrics,
      filtered ? (update) => narrowUpdate(update, filters) : undefined,
      SSE_SLOW_BYTES,
      (recipient, update) => this.routes.view(recipient, update),
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

export function splitList(value: unknown): string[] {
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

/** The expiry of the token the guard verified for this request. */
function tokenExpiry(request: FastifyRequest): Date {
  // Set by GlobalAuthGuard on every authenticated request; a missing one fails closed.
  return (request as { tokenExpiresAt?: Date }).tokenExpiresAt ?? new Date();
}

/** `values=1` (or `true`): the stream also carries the data points' values; `0`/`false` or absent: not. */
export function valuesFlag(value: unknown): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ValidationFailedException([{ field: 'values', message: 'values is 1, true, 0 or false' }]);
}
