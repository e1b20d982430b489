import { InjectionToken } from '@angular/core';
import { LIVE_NAMESPACE } from '@switchyard/contracts';
import { io } from 'socket.io-client';

/** The part of a socket.io-client `Socket` the live service uses; tests pass a fake. */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export type LiveSocketFactory = (token: () => string | undefined) => LiveSocket;

/** Namespace `/live` on this origin; the token is read again on every (re)connect. */
export const LIVE_SOCKET_FACTORY = new InjectionToken<LiveSocketFactory>('LIVE_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (token) =>
    io(LIVE_NAMESPACE, {
      autoConnect: false,
      // Reconnects are ours: backoff with jitter, resume per topic and the SSE fallback.
      reconnection: false,
      // WebSocket straight away: the app-wide connection opens on every page load, and a long-poll
      // racing the upgrade (or a navigation) is answered 400 by the server. Where WebSocket is
      // blocked, the SSE fallback takes over after a few failed attempts.
      transports: ['websocket'],
      // A handshake that never completes (a proxy holding the upgrade) counts as a failed attempt soon.
      timeout: 5000,
      auth: (callback: (data: object) => void) => callback({ token: token() ?? '' }),
    }),
});

/** The part of `EventSource` the SSE fallback uses. */
export interface LiveEventSource {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export const LIVE_EVENT_SOURCE_FACTORY = new InjectionToken<(url: string) => LiveEventSource>(
  'LIVE_EVENT_SOURCE_FACTORY',
  { providedIn: 'root', factory: () => (url) => new EventSource(url) },
);

export interface LiveOptions {
  random: () => number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failed socket attempts in a row before the SSE fallback is tried (and SSE failures before the socket again). */
  fallbackAfterFailures: number;
}

export const LIVE_OPTIONS = new InjectionToken<LiveOptions>('LIVE_OPTIONS', {
  providedIn: 'root',
  factory: () => ({ random: Math.random, baseDelayMs: 1000, maxDelayMs: 30_000, fallbackAfterFailures: 3 }),
});
