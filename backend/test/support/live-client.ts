import type { LiveResync, LiveUpdate } from '@switchyard/contracts';
import { LIVE_NAMESPACE } from '@switchyard/contracts';
import { io, type Socket } from 'socket.io-client';

/** A real socket.io-client on `/live` that records everything the server sends. */
export interface LiveClient {
  socket: Socket;
  updates: LiveUpdate[];
  resyncs: LiveResync[];
  /** Every event received, in order. */
  events: Array<{ event: string; payload: unknown }>;
  request<T>(event: string, body?: unknown): Promise<T>;
  /** Resolves with the updates of `topic` once there are at least `count`. */
  updatesOf(topic: string, count: number, timeoutMs?: number): Promise<LiveUpdate[]>;
  disconnected(): Promise<string>;
  close(): void;
}

export function connectLive(baseUrl: string, token: string | null): Promise<LiveClient> {
  const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
    auth: token === null ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const client: LiveClient = {
    socket,
    updates: [],
    resyncs: [],
    events: [],
    request: <T>(event: string, body?: unknown) => socket.timeout(5000).emitWithAck(event, body) as Promise<T>,
    updatesOf: (topic, count, timeoutMs = 10_000) =>
      waitUntil(() => {
        const found = client.updates.filter((u) => u.topic === topic);
        return found.length >= count ? found : null;
      }, timeoutMs),
    disconnected: () => closed,
    close: () => {
      socket.close();
    },
  };
  // Recorded from the start, so a disconnect that happens before anyone asks is not missed.
  const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
  socket.onAny((event: string, payload: unknown) => {
    client.events.push({ event, payload });
    if (event === 'update') client.updates.push(payload as LiveUpdate);
    if (event === 'resync') client.resyncs.push(payload as LiveResync);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Polls until `probe` returns something other than null, or fails after `timeoutMs`. */
export async function waitUntil<T>(probe: () => T | null | Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface SseEvent {
  id: string | null;
  event: string;
  data: unknown;
}

/** A minimal SSE reader over fetch, so tests can set `Last-Event-ID` and read every field. */
export interface SseClient {
  status: number;
  events: SseEvent[];
  body: unknown;
  /** Resolves when the server ends the stream (or the client closes it). */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  let markEnded = (): void => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const client: SseClient = {
    status: response.status,
    events: [],
    body: null,
    ended,
    close: () => controller.abort(),
  };
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    client.body = await response.json();
    markEnded();
    return client;
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          if (fields.has('data')) {
            client.events.push({
              id: fields.get('id') ?? null,
              event: fields.get('event') ?? 'message',
              data: JSON.parse(fields.get('data')!) as unknown,
            });
          }
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      markEnded();
    }
  })();
  return client;
}
