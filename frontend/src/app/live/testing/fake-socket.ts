import type { LiveEventSource, LiveSocket } from '../live-transport';

type Listener = (...args: never[]) => void;

export interface Emitted {
  event: string;
  payload: unknown;
  ack?: (answer: unknown) => void;
}

/** Stands in for a socket.io-client Socket: records what the client emits, lets the test play the server. */
export class FakeSocket implements LiveSocket {
  connected = false;
  connectCalls = 0;
  readonly emitted: Emitted[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, payload?: unknown, ack?: (answer: unknown) => void): this {
    this.emitted.push({ event, payload, ack });
    return this;
  }

  connect(): this {
    this.connectCalls += 1;
    return this;
  }

  disconnect(): this {
    if (this.connected) {
      this.connected = false;
      this.serverSends('disconnect', 'io client disconnect');
    }
    return this;
  }

  /** The server side: fire an event at the client. */
  serverSends(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  acceptConnection(): void {
    this.connected = true;
    this.serverSends('connect');
  }

  drop(reason = 'transport close'): void {
    this.connected = false;
    this.serverSends('disconnect', reason);
  }

  refuseConnection(): void {
    this.serverSends('connect_error', new Error('xhr poll error'));
  }

  takeEmitted(event: string): Emitted[] {
    const found = this.emitted.filter((e) => e.event === event);
    this.emitted.splice(0, this.emitted.length, ...this.emitted.filter((e) => e.event !== event));
    return found;
  }
}

export class FakeEventSource implements LiveEventSource {
  readyState = 0;
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  serverSends(type: string, data: unknown): void {
    const event = { data: JSON.stringify(data) } as MessageEvent<string>;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
