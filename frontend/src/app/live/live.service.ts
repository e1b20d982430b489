import { DestroyRef, Injectable, effect, inject, signal } from '@angular/core';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_SERVER_EVENTS,
  STREAM_PATH,
  type LiveHeartbeat,
  type LiveResync,
  type LiveUpdate,
  type ReauthAck,
  type ResumeAck,
  type SubscribeAck,
  type TopicGrant,
} from '@switchyard/contracts';
import { Observable, Subject } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import type { LiveConnectionState, LiveEvent } from './live-events';
import {
  LIVE_EVENT_SOURCE_FACTORY,
  LIVE_OPTIONS,
  LIVE_SOCKET_FACTORY,
  type LiveEventSource,
  type LiveSocket,
} from './live-transport';
import { TopicSequencer, backoffDelay } from './topic-sequencer';

interface TopicEntry {
  events: Subject<LiveEvent>;
  watchers: number;
  refusal?: LiveEvent;
}

/**
 * The live stream (contracts `realtime.ts`): one connection to `/live` shared by every
 * page, topics subscribed while someone watches them, each update checked against the
 * topic's last seq. Missed updates are resumed after a reconnect or turned into a
 * "refetch" for the page; after repeated socket failures it falls back to SSE.
 */
@Injectable({ providedIn: 'root' })
export class LiveService {
  private readonly auth = inject(AuthService);
  private readonly createSocket = inject(LIVE_SOCKET_FACTORY);
  private readonly createEventSource = inject(LIVE_EVENT_SOURCE_FACTORY);
  private readonly options = inject(LIVE_OPTIONS);
  private readonly sequencer = new TopicSequencer();
  private readonly topics = new Map<string, TopicEntry>();
  private readonly connection = signal<LiveConnectionState>('offline');
  private readonly transportName = signal<'socket' | 'sse' | 'none'>('none');

  private socket: LiveSocket | undefined;
  private eventSource: LiveEventSource | undefined;
  private mode: 'socket' | 'sse' = 'socket';
  /** Failed attempts in a row on the current transport: decides when to switch. */
  private failures = 0;
  /** Failed attempts in a row on any transport since the stream was last live: decides "offline". */
  private outage = 0;
  private everConnected = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private sentToken: string | undefined;
  /** App-wide holders (the shell): keep the connection open even while no page watches a topic. */
  private holders = 0;

  readonly state = this.connection.asReadonly();
  readonly transport = this.transportName.asReadonly();

  constructor() {
    // Signed out: nothing may stay connected. Refreshed token: hand it to the open connection.
    effect(() => this.tokenChanged(this.auth.accessToken()));
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /** Events for `topic` while subscribed; the topic is subscribed on the server while anyone watches it. */
  watch(topic: string): Observable<LiveEvent> {
    return new Observable<LiveEvent>((subscriber) => {
      let entry = this.topics.get(topic);
      if (!entry) {
        entry = { events: new Subject<LiveEvent>(), watchers: 0 };
        this.topics.set(topic, entry);
      }
      entry.watchers += 1;
      const subscription = entry.events.subscribe(subscriber);
      if (entry.watchers === 1) this.addTopic(topic);
      else if (entry.refusal) subscriber.next(entry.refusal);
      return () => {
        subscription.unsubscribe();
        entry.watchers -= 1;
        if (entry.watchers === 0) this.removeTopic(topic);
      };
    });
  }

  /**
   * Keeps the connection open while subscribed, whether or not any page watches a topic, so
   * the live indicator, the alert bell and the critical-alert pop-up are true on every page.
   */
  hold(): Observable<never> {
    return new Observable<never>(() => {
      this.holders += 1;
      this.ensureConnected();
      // Released (signed out, shell gone): the connection stays until sign-out closes it, as after the last topic.
      return () => {
        this.holders -= 1;
      };
    });
  }

  /** Called when AuthService's token changes (an effect in production; directly in tests). */
  tokenChanged(token: string | undefined): void {
    if (token === this.sentToken) return;
    const previous = this.sentToken;
    this.sentToken = token;
    if (token === undefined) return this.close();
    if (previous === undefined) return this.ensureConnected();
    if (this.mode === 'sse' && this.eventSource) return this.openEventSource();
    if (this.socket?.connected) {
      this.socket.emit(LIVE_CLIENT_EVENTS.reauth, { token }, (ack: ReauthAck) => {
        // Refused: start over with a fresh handshake, which carries the new token.
        if (!ack.ok) this.restartSocket();
      });
    }
  }

  private addTopic(topic: string): void {
    if (this.mode === 'sse' && this.eventSource) return this.openEventSource();
    if (this.socket?.connected) return this.subscribe([topic]);
    this.ensureConnected();
  }

  private removeTopic(topic: string): void {
    this.topics.delete(topic);
    this.sequencer.forget(topic);
    if (this.socket?.connected) this.socket.emit(LIVE_CLIENT_EVENTS.unsubscribe, { topics: [topic] }, () => undefined);
    if (this.mode === 'sse' && this.eventSource) this.openEventSource();
  }

  private ensureConnected(): void {
    if (!this.wanted() || !this.auth.accessToken() || this.retryTimer !== undefined) return;
    if (this.mode === 'sse') {
      if (!this.eventSource) this.openEventSource();
      return;
    }
    if (!this.socket) this.socket = this.wireSocket(this.createSocket(() => this.auth.accessToken()));
    if (!this.socket.connected) {
      this.transportName.set('socket');
      if (this.outage < this.options.fallbackAfterFailures) this.connection.set('reconnecting');
      this.socket.connect();
    }
  }

  private wanted(): boolean {
    return this.topics.size > 0 || this.holders > 0;
  }

  private wireSocket(socket: LiveSocket): LiveSocket {
    socket.on('connect', () => this.onConnected());
    socket.on('connect_error', () => this.onConnectionLost());
    socket.on('disconnect', (reason: string) => {
      if (reason !== 'io client disconnect') this.onConnectionLost();
    });
    socket.on(LIVE_SERVER_EVENTS.update, (update: LiveUpdate) => this.onUpdate(update));
    socket.on(LIVE_SERVER_EVENTS.resync, (resync: LiveResync) => this.onResync(resync));
    socket.on(LIVE_SERVER_EVENTS.heartbeat, (heartbeat: LiveHeartbeat) => this.onHeartbeat(heartbeat));
    socket.on(LIVE_SERVER_EVENTS.authExpired, () => {
      // The server closes the connection next; the reconnect handshake reads the refreshed token.
      this.auth.refresh().subscribe({ error: () => undefined });
    });
    return socket;
  }

  private onConnected(): void {
    this.failures = 0;
    this.outage = 0;
    this.connection.set('live');
    const topics = [...this.topics.keys()];
    if (!this.everConnected) {
      this.everConnected = true;
      if (topics.length > 0) this.subscribe(topics);
      return;
    }
    const resumes = this.sequencer.resumeRequests(topics);
    resumes.forEach((request) => this.resume(request.topic, request.afterSeq));
    const unknown = topics.filter((topic) => !resumes.some((r) => r.topic === topic));
    if (unknown.length > 0) this.subscribe(unknown);
  }

  private onConnectionLost(): void {
    this.failures += 1;
    this.markOutage();
    if (this.failures >= this.options.fallbackAfterFailures) {
      this.failures = 0;
      this.mode = 'sse';
      this.socket?.disconnect();
    }
    this.scheduleRetry();
  }

  private markOutage(): void {
    this.outage += 1;
    this.connection.set(this.outage >= this.options.fallbackAfterFailures ? 'offline' : 'reconnecting');
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== undefined) return;
    const delay = backoffDelay(this.failures, this.options.random, this.options.baseDelayMs, this.options.maxDelayMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.ensureConnected();
    }, delay);
  }

  private subscribe(topics: string[]): void {
    this.socket?.emit(LIVE_CLIENT_EVENTS.subscribe, { topics }, (ack: SubscribeAck) =>
      ack.results.forEach((grant) => this.onGrant(grant)),
    );
  }

  private resume(topic: string, afterSeq: number): void {
    this.socket?.emit(LIVE_CLIENT_EVENTS.resume, { topic, afterSeq }, (ack: ResumeAck) => {
      if (ack.ok) return;
      // `resync`: a resync event follows, and refetching now loses nothing.
      if (ack.code === 'resync') this.emit(topic, { kind: 'refetch', topic, reason: 'resync' });
      else this.refuse(topic, ack.code, ack.reason);
    });
  }

  private onGrant(grant: TopicGrant): void {
    if (grant.granted) this.sequencer.granted(grant.topic, grant.seq);
    else this.refuse(grant.topic, grant.code, grant.reason);
  }

  private refuse(topic: string, code: Extract<LiveEvent, { kind: 'refused' }>['code'], reason: string): void {
    const event: LiveEvent = { kind: 'refused', topic, code, reason };
    const entry = this.topics.get(topic);
    if (entry) entry.refusal = event;
    this.emit(topic, event);
  }

  private onUpdate(update: LiveUpdate): void {
    if (!this.topics.has(update.topic)) return;
    const verdict = this.sequencer.accept(update);
    switch (verdict.action) {
      case 'apply':
        return this.emit(update.topic, { kind: 'update', topic: update.topic, update });
      case 'refetch':
        return this.emit(update.topic, { kind: 'refetch', topic: update.topic, reason: verdict.reason });
      case 'ignore':
        return;
    }
  }

  private onResync(resync: LiveResync): void {
    if (!this.topics.has(resync.topic)) return;
    this.sequencer.resynced(resync);
    this.emit(resync.topic, { kind: 'refetch', topic: resync.topic, reason: 'resync' });
  }

  private onHeartbeat(heartbeat: LiveHeartbeat): void {
    for (const request of this.sequencer.gaps(heartbeat.seqs)) {
      if (this.mode === 'socket') this.resume(request.topic, request.afterSeq);
      else this.emit(request.topic, { kind: 'refetch', topic: request.topic, reason: 'gap' });
    }
  }

  private emit(topic: string, event: LiveEvent): void {
    this.topics.get(topic)?.events.next(event);
  }

  /** SSE cannot send headers, so the token rides in the query; the topic list is the subscription. */
  private openEventSource(): void {
    this.eventSource?.close();
    this.eventSource = undefined;
    const token = this.auth.accessToken();
    if (this.topics.size === 0 || !token) return;
    const query = new URLSearchParams({ topics: [...this.topics.keys()].join(','), access_token: token });
    const source = this.createEventSource(`${STREAM_PATH}?${query.toString()}`);
    this.eventSource = source;
    this.transportName.set('sse');
    if (this.outage < this.options.fallbackAfterFailures) this.connection.set('reconnecting');
    source.onopen = () => {
      this.failures = 0;
      this.outage = 0;
      this.connection.set('live');
    };
    source.onerror = () => this.onStreamError(source);
    const parse =
      <T>(handler: (value: T) => void) =>
      (event: MessageEvent<string>) =>
        handler(JSON.parse(event.data) as T);
    source.addEventListener(
      LIVE_SERVER_EVENTS.update,
      parse((u: LiveUpdate) => this.onUpdate(u)),
    );
    source.addEventListener(
      'message',
      parse((u: LiveUpdate) => this.onUpdate(u)),
    );
    source.addEventListener(
      LIVE_SERVER_EVENTS.resync,
      parse((r: LiveResync) => this.onResync(r)),
    );
    source.addEventListener(
      LIVE_SERVER_EVENTS.heartbeat,
      parse((h: LiveHeartbeat) => this.onHeartbeat(h)),
    );
  }

  private onStreamError(source: LiveEventSource): void {
    if (source !== this.eventSource) return;
    source.close();
    this.eventSource = undefined;
    this.failures += 1;
    this.markOutage();
    // The fallback failing too: give the socket another go after a while.
    if (this.failures >= this.options.fallbackAfterFailures) {
      this.failures = 0;
      this.mode = 'socket';
    }
    this.scheduleRetry();
  }

  private restartSocket(): void {
    this.socket?.disconnect();
    this.ensureConnected();
  }

  private close(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.socket?.disconnect();
    this.eventSource?.close();
    this.eventSource = undefined;
    this.mode = 'socket';
    this.failures = 0;
    this.outage = 0;
    this.connection.set('offline');
    this.transportName.set('none');
  }
}
