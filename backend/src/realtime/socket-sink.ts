import type { LiveHeartbeat, Principal } from '@switchyard/contracts';
import { blueprintEventOf, LIVE_SERVER_EVENTS } from '@switchyard/contracts';
import type { Socket } from 'socket.io';
import type { LiveMetrics } from './live-metrics';
import type { LiveSink } from './live-sink';
import type { AudienceFilter } from './live-routes';
import { TopicCursors } from './topic-cursors';

/** A Socket.IO connection as a live sink; slow when engine.io's outgoing buffer backs up. */
export class SocketSink implements LiveSink {
  readonly transport = 'socket' as const;
  readonly cursors: TopicCursors;
  private expiryTimer: NodeJS.Timeout | null = null;
  private repeatTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly socket: Socket,
    public principal: Principal,
    public tokenExpiresAt: Date,
    slowQueue: number,
    private readonly metrics: LiveMetrics,
    view: AudienceFilter,
  ) {
    const engine = socket.conn as unknown as { writeBuffer: unknown[] };
    this.cursors = new TopicCursors(
      {
        sendUpdate: (update) => {
          this.emit(LIVE_SERVER_EVENTS.update, update);
          // Seed 001's event names beside the generic one; `alert:new` carries the alert itself.
          const named = blueprintEventOf(update);
          if (named === LIVE_SERVER_EVENTS.alertNew) this.emit(named, (update.data as { alert: unknown }).alert);
          else if (named) this.emit(named, update);
        },
        sendResync: (resync) => this.emit(LIVE_SERVER_EVENTS.resync, resync),
        congested: () => engine.writeBuffer.length >= slowQueue,
      },
      () => metrics.coalesced.inc({ transport: 'socket' }),
      (update) => view(this.principal, update),
    );
    socket.conn.on('drain', () => this.cursors.flush());
  }

  get id(): string {
    return this.socket.id;
  }

  emit(event: string, payload: unknown): void {
    this.socket.emit(event, payload);
    this.metrics.messages.inc({ transport: 'socket', event });
  }

  heartbeat(beat: LiveHeartbeat): void {
    this.emit(LIVE_SERVER_EVENTS.heartbeat, beat);
  }

  /** Closes the connection when its token expires (after telling the client why). */
  scheduleExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const delay = Math.max(0, this.tokenExpiresAt.getTime() - Date.now());
    this.expiryTimer = setTimeout(() => {
      this.emit(LIVE_SERVER_EVENTS.authExpired, { reason: 'the access token expired; reconnect with a new one' });
      this.socket.disconnect(true);
    }, delay);
    this.expiryTimer.unref();
  }

  /** A periodic push (the executive dashboard's); one per connection, replaced on each call. */
  repeat(intervalMs: number, push: () => Promise<void>): void {
    if (this.repeatTimer) clearInterval(this.repeatTimer);
    this.repeatTimer = setInterval(() => void push(), intervalMs);
    this.repeatTimer.unref();
  }

  dispose(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    if (this.repeatTimer) clearInterval(this.repeatTimer);
  }
}
