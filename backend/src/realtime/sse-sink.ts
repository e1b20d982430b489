import type { LiveHeartbeat, LiveUpdate, Principal } from '@switchyard/contracts';
import { LIVE_SERVER_EVENTS } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { LiveMetrics } from './live-metrics';
import type { LiveSink } from './live-sink';
import type { AudienceFilter } from './live-routes';
import { TopicCursors } from './topic-cursors';

/**
 * An SSE response as a live sink. Each event's id is the connection's whole position
 * (`topic=seq,topic=seq`), so the browser's automatic `Last-Event-ID` resumes every topic.
 */
export class SseSink implements LiveSink {
  readonly id = randomUUID();
  readonly transport = 'sse' as const;
  readonly cursors: TopicCursors;
  private expiryTimer: NodeJS.Timeout | null = null;
  /** Ends the response and detaches the sink (set with the expiry). */
  private onEnd: () => void = () => undefined;

  constructor(
    private readonly response: ServerResponse,
    public principal: Principal,
    public tokenExpiresAt: Date,
    private readonly metrics: LiveMetrics,
    narrow: ((update: LiveUpdate) => LiveUpdate | null) | undefined,
    slowBytes: number,
    view: AudienceFilter,
  ) {
    this.cursors = new TopicCursors(
      {
        sendUpdate: (update) => this.write(LIVE_SERVER_EVENTS.update, update, encodePosition(this.cursors.lastSent())),
        sendResync: (resync) => this.write(LIVE_SERVER_EVENTS.resync, resync, encodePosition(this.cursors.lastSent())),
        congested: () => response.writableNeedDrain || response.writableLength > slowBytes,
        narrow,
      },
      () => metrics.coalesced.inc({ transport: 'sse' }),
      (update) => view(this.principal, update),
    );
    response.on('drain', () => this.cursors.flush());
  }

  heartbeat(beat: LiveHeartbeat): void {
    this.write(LIVE_SERVER_EVENTS.heartbeat, beat);
  }

  /** Ends the stream when the token expires; the client reconnects with a new token and its Last-Event-ID. */
  scheduleExpiry(onExpired: () => void): void {
    this.onEnd = onExpired;
    const delay = Math.max(0, this.tokenExpiresAt.getTime() - Date.now());
    this.expiryTimer = setTimeout(() => {
      this.write(LIVE_SERVER_EVENTS.authExpired, { reason: 'the access token expired; reconnect with a new one' });
      onExpired();
    }, delay);
    this.expiryTimer.unref();
  }

  revoke(reason: string): void {
    this.write(LIVE_SERVER_EVENTS.authExpired, { reason });
    this.onEnd();
  }

  dispose(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
  }

  private write(event: string, payload: unknown, id?: string): void {
    if (this.response.writableEnded) return;
    const idLine = id === undefined ? '' : `id: ${id}\n`;
    this.response.write(`${idLine}event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    this.metrics.messages.inc({ transport: 'sse', event });
  }
}

/** `alerts=5,crm:acme=12` */
export function encodePosition(positions: Record<string, number>): string {
  return Object.entries(positions)
    .map(([topic, seq]) => `${topic}=${seq}`)
    .join(',');
}

/** The inverse of `encodePosition`; anything unreadable is ignored (those topics start fresh). */
export function decodePosition(value: unknown): Map<string, number> {
  const positions = new Map<string, number>();
  if (typeof value !== 'string' || value.length > 16_384) return positions;
  for (const pair of value.split(',')) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) continue;
    const seq = Number(pair.slice(at + 1));
    if (Number.isSafeInteger(seq) && seq >= 0) positions.set(pair.slice(0, at).trim(), seq);
  }
  return positions;
}
