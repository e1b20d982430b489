import { provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { LiveUpdate, SubscribeAck } from '@switchyard/contracts';
import { AuthService } from '../core/auth/auth.service';
import type { LiveEvent } from './live-events';
import { LIVE_EVENT_SOURCE_FACTORY, LIVE_OPTIONS, LIVE_SOCKET_FACTORY } from './live-transport';
import { LiveService } from './live.service';
import { FakeEventSource, FakeSocket } from './testing/fake-socket';

function update(topic: string, seq: number, extra: Partial<LiveUpdate> = {}): LiveUpdate {
  return {
    topic,
    seq,
    type: 'records.changed',
    at: '2026-11-26T10:00:00Z',
    publishedAt: '2026-11-26T10:00:00Z',
    data: {},
    freshness: null,
    ...extra,
  };
}

describe('LiveService', () => {
  let socket: FakeSocket;
  let streams: FakeEventSource[];
  let token: ReturnType<typeof signal<string | undefined>>;
  let live: LiveService;
  let events: LiveEvent[];

  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
    streams = [];
    token = signal<string | undefined>('token-1');
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        { provide: AuthService, useValue: { accessToken: () => token(), refresh: vi.fn() } },
        { provide: LIVE_SOCKET_FACTORY, useValue: () => socket },
        {
          provide: LIVE_EVENT_SOURCE_FACTORY,
          useValue: (url: string) => {
            const stream = new FakeEventSource(url);
            streams.push(stream);
            return stream;
          },
        },
        {
          provide: LIVE_OPTIONS,
          useValue: { random: () => 1, baseDelayMs: 1000, maxDelayMs: 8000, fallbackAfterFailures: 3 },
        },
      ],
    });
    live = TestBed.inject(LiveService);
    TestBed.tick();
    events = [];
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  function watch(topic: string): void {
    live.watch(topic).subscribe((event) => events.push(event));
  }

  function grant(results: SubscribeAck['results']): void {
    const [subscribe] = socket.takeEmitted('subscribe');
    subscribe.ack?.({ results });
  }

  function connectAndGrant(topic: string, seq: number): void {
    watch(topic);
    socket.acceptConnection();
    grant([{ topic, granted: true, seq }]);
  }

  it('connects when a topic is first watched and subscribes it with an ack', () => {
    expect(socket.connectCalls).toBe(0);
    watch('domain:projects');
    expect(socket.connectCalls).toBe(1);
    expect(live.state()).toBe('reconnecting');
    socket.acceptConnection();
    expect(live.state()).toBe('live');
    const [subscribe] = socket.takeEmitted('subscribe');
    expect(subscribe.payload).toEqual({ topics: ['domain:projects'] });
  });

  it('passes updates in sequence to the page', () => {
    connectAndGrant('domain:projects', 4);
    socket.serverSends('update', update('domain:projects', 5));
    expect(events).toEqual([{ kind: 'update', topic: 'domain:projects', update: update('domain:projects', 5) }]);
  });

  it('drops repeated seqs and asks for a refetch on a gap', () => {
    connectAndGrant('domain:projects', 4);
    socket.serverSends('update', update('domain:projects', 4));
    socket.serverSends('update', update('domain:projects', 7));
    expect(events).toEqual([{ kind: 'refetch', topic: 'domain:projects', reason: 'gap' }]);
  });

  it('asks for a refetch on coalesced and truncated updates', () => {
    connectAndGrant('crm:acme-fitness', 1);
    socket.serverSends('update', update('crm:acme-fitness', 2, { coalesced: { fromSeq: 2, count: 3 } }));
    socket.serverSends('update', update('crm:acme-fitness', 3, { truncated: true, data: null }));
    expect(events.map((e) => e.kind === 'refetch' && e.reason)).toEqual(['coalesced', 'truncated']);
  });

  it('surfaces a refused topic as an error event, also to later watchers', () => {
    watch('source:secret');
    socket.acceptConnection();
    grant([{ topic: 'source:secret', granted: false, code: 'forbidden', reason: 'needs sources.read' }]);
    const late: LiveEvent[] = [];
    live.watch('source:secret').subscribe((event) => late.push(event));
    const refusal = { kind: 'refused', topic: 'source:secret', code: 'forbidden', reason: 'needs sources.read' };
    expect(events).toEqual([refusal]);
    expect(late).toEqual([refusal]);
  });

  it('on resync continues from the server seq and asks for a refetch', () => {
    connectAndGrant('domain:risks', 10);
    socket.serverSends('resync', { topic: 'domain:risks', seq: 50, reason: 'buffer_overflow' });
    socket.serverSends('update', update('domain:risks', 51));
    expect(events.map((e) => e.kind)).toEqual(['refetch', 'update']);
  });

  it('resumes each topic from its last seq after a reconnect, with backoff', () => {
    connectAndGrant('domain:projects', 4);
    socket.serverSends('update', update('domain:projects', 5));
    socket.drop();
    expect(live.state()).toBe('reconnecting');
    expect(socket.connectCalls).toBe(1);
    vi.advanceTimersByTime(2000);
    expect(socket.connectCalls).toBe(2);
    socket.acceptConnection();
    expect(socket.takeEmitted('resume').map((e) => e.payload)).toEqual([{ topic: 'domain:projects', afterSeq: 5 }]);
    expect(socket.takeEmitted('subscribe')).toEqual([]);
    expect(live.state()).toBe('live');
  });

  it('asks for a refetch when a resume cannot be served', () => {
    connectAndGrant('domain:people', 2);
    socket.drop();
    vi.advanceTimersByTime(2000);
    socket.acceptConnection();
    const [resume] = socket.takeEmitted('resume');
    resume.ack?.({ topic: 'domain:people', ok: false, code: 'resync', reason: 'gone from the buffer' });
    expect(events).toEqual([{ kind: 'refetch', topic: 'domain:people', reason: 'resync' }]);
  });

  it('resumes when a heartbeat shows the server is ahead', () => {
    connectAndGrant('domain:incidents', 3);
    socket.serverSends('heartbeat', { at: '', seqs: { 'domain:incidents': 6 }, tokenExpiresIn: 300 });
    expect(socket.takeEmitted('resume').map((e) => e.payload)).toEqual([{ topic: 'domain:incidents', afterSeq: 3 }]);
    socket.serverSends('heartbeat', { at: '', seqs: { 'domain:incidents': 3 }, tokenExpiresIn: 300 });
    expect(socket.takeEmitted('resume')).toEqual([]);
  });

  it('sends reauth with the refreshed token', () => {
    connectAndGrant('domain:events', 1);
    token.set('token-2');
    TestBed.tick();
    expect(socket.takeEmitted('reauth').map((e) => e.payload)).toEqual([{ token: 'token-2' }]);
  });

  it('unsubscribes on the server only when the last watcher leaves', () => {
    const first = live.watch('domain:summary').subscribe();
    const second = live.watch('domain:summary').subscribe();
    socket.acceptConnection();
    grant([{ topic: 'domain:summary', granted: true, seq: 1 }]);
    first.unsubscribe();
    expect(socket.takeEmitted('unsubscribe')).toEqual([]);
    second.unsubscribe();
    expect(socket.takeEmitted('unsubscribe').map((e) => e.payload)).toEqual([{ topics: ['domain:summary'] }]);
  });

  it('falls back to SSE with the token in the query after repeated socket failures', () => {
    watch('domain:projects');
    watch('crm:acme-fitness');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      socket.refuseConnection();
      vi.advanceTimersByTime(10_000);
    }
    expect(live.state()).toBe('offline');
    expect(streams).toHaveLength(1);
    const url = new URL(streams[0].url, 'http://localhost');
    expect(url.pathname).toBe('/api/v1/stream');
    expect(url.searchParams.get('topics')).toBe('domain:projects,crm:acme-fitness');
    expect(url.searchParams.get('access_token')).toBe('token-1');
    streams[0].onopen?.(new Event('open'));
    expect(live.state()).toBe('live');
    expect(live.transport()).toBe('sse');
    streams[0].serverSends('update', update('domain:projects', 1));
    expect(events.map((e) => e.kind)).toEqual(['update']);
  });

  it('stays offline while the fallback fails too, and goes back to the socket after a while', () => {
    watch('domain:projects');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      socket.refuseConnection();
      vi.advanceTimersByTime(10_000);
    }
    for (let attempt = 0; attempt < 3; attempt += 1) {
      streams[attempt].onerror?.(new Event('error'));
      expect(streams[attempt].closed).toBe(true);
      expect(live.state()).toBe('offline');
      vi.advanceTimersByTime(10_000);
    }
    expect(streams).toHaveLength(3);
    expect(socket.connectCalls).toBe(4);
    socket.acceptConnection();
    expect(live.state()).toBe('live');
    expect(live.transport()).toBe('socket');
  });

  it('holds the connection for the whole app while no page watches a topic', () => {
    const held = live.hold().subscribe();
    expect(socket.connectCalls).toBe(1);
    socket.acceptConnection();
    expect(live.state()).toBe('live');
    expect(socket.takeEmitted('subscribe')).toEqual([]);
    // A page's topic joins the open connection without a new handshake.
    watch('domain:projects');
    expect(socket.takeEmitted('subscribe').map((e) => e.payload)).toEqual([{ topics: ['domain:projects'] }]);
    expect(socket.connectCalls).toBe(1);
    held.unsubscribe();
  });

  it('reconnects a held connection without topics after it drops', () => {
    live.hold().subscribe();
    socket.acceptConnection();
    socket.drop();
    expect(live.state()).toBe('reconnecting');
    vi.advanceTimersByTime(10_000);
    expect(socket.connectCalls).toBe(2);
    socket.acceptConnection();
    expect(live.state()).toBe('live');
  });

  it('shows offline after failures pile up, and disconnects when signed out', () => {
    watch('domain:projects');
    socket.refuseConnection();
    vi.advanceTimersByTime(10_000);
    socket.refuseConnection();
    expect(live.state()).toBe('reconnecting');
    vi.advanceTimersByTime(10_000);
    socket.refuseConnection();
    expect(live.state()).toBe('offline');
    token.set(undefined);
    TestBed.tick();
    expect(live.state()).toBe('offline');
    expect(live.transport()).toBe('none');
  });
});
