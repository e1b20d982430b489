import { Logger } from '@nestjs/common';
import {
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_NAMESPACE,
  LIVE_SERVER_EVENTS,
  type ReauthAck,
  type ResumeAck,
  type SubscribeAck,
  type UnsubscribeAck,
} from '@switchyard/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AccessTokensService, ClientAccessService, EVERY_PRINCIPAL, PrincipalVersionsService } from '../auth';
import { AppConfig } from '../config';
import { DomainEventBus } from '../events';
import { LiveHub } from './live-hub.service';
import { LiveMetrics } from './live-metrics';
import { LiveRoutes, type LiveClient } from './live-routes';
import { SocketSink } from './socket-sink';
import { TopicAccessService } from './topic-access.service';

interface SocketData {
  sink?: SocketSink;
}

/**
 * Socket.IO namespace `/live`: the JWT is checked in the handshake, every topic on
 * subscribe, and the connection is closed when the token expires unless `reauth` renews it.
 * The protocol is typed in libs/contracts (realtime.ts) and described in docs/realtime-protocol.md.
 * Besides its own events it answers those the domain modules registered (`subscribe:dashboard`…).
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    private readonly hub: LiveHub,
    private readonly tokens: AccessTokensService,
    private readonly routes: LiveRoutes,
    private readonly access: TopicAccessService,
    private readonly metrics: LiveMetrics,
    private readonly config: AppConfig,
    private readonly bus: DomainEventBus,
    private readonly versions: PrincipalVersionsService,
    private readonly clientAccess: ClientAccessService,
  ) {}

  afterInit(namespace: Namespace): void {
    // Through the Socket.IO Redis adapter this reaches the principal's sockets on every replica.
    this.bus.ofType('principal.revoked').subscribe((event) => {
      const room = principalRoom(event.principalId);
      namespace
        .to(room)
        .emit(LIVE_SERVER_EVENTS.authExpired, { reason: `access revoked (${event.reason.replace('_', ' ')})` });
      namespace.in(room).disconnectSockets(true);
    });
    // Every revocation this replica learns of (made here, relayed or polled) closes its own
    // sockets of that principal: without Redis, rooms do not reach other replicas.
    this.versions.changes$.subscribe(({ principalKey }) => {
      const local = namespace.local;
      const target = principalKey === EVERY_PRINCIPAL ? local : local.in(principalRoom(idOfKey(principalKey)));
      target.emit(LIVE_SERVER_EVENTS.authExpired, { reason: 'access revoked' });
      target.disconnectSockets(true);
    });
    namespace.use((socket, next) => {
      void this.authenticate(socket).then(
        (error) => next(error ?? undefined),
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  handleConnection(socket: Socket): void {
    const sink = (socket.data as SocketData).sink;
    if (!sink) {
      socket.disconnect(true);
      return;
    }
    this.hub.attach(sink);
    this.listen(socket, sink);
    sink.scheduleExpiry();
    void socket.join(principalRoom(sink.principal.id));
  }

  handleDisconnect(socket: Socket): void {
    const sink = (socket.data as SocketData).sink;
    if (!sink) return;
    sink.dispose();
    this.hub.detach(sink);
  }

  /**
   * The client events and their answers. Registered directly on each socket (one small
   * closure per event) rather than through per-socket RxJS pipelines: a connection is
   * then a few KiB, which matters at thousands of dashboards.
   */
  private readonly handlers: Record<string, (sink: SocketSink, body: unknown) => unknown> = {
    [LIVE_CLIENT_EVENTS.subscribe]: async (sink, body): Promise<SubscribeAck> => ({
      results: await this.hub.subscribe(sink, topicsOf(body)),
    }),
    [LIVE_CLIENT_EVENTS.unsubscribe]: (sink, body): UnsubscribeAck => ({
      topics: this.hub.unsubscribe(sink, topicsOf(body)),
    }),
    [LIVE_CLIENT_EVENTS.resume]: (sink, body): Promise<ResumeAck> => {
      const { topic, afterSeq } = (isObject(body) ? body : {}) as { topic?: unknown; afterSeq?: unknown };
      return this.hub.resume(sink, topic, afterSeq);
    },
    [LIVE_CLIENT_EVENTS.reauth]: (sink, body): Promise<ReauthAck> => this.reauth(sink, body),
  };

  private listen(socket: Socket, sink: SocketSink): void {
    const client = this.clientOf(sink);
    const registered = this.routes
      .requests()
      .map(([event, handle]): [string, (sink: SocketSink, body: unknown) => unknown] => [
        event,
        (_sink, body) => handle(client, body),
      ]);
    for (const [event, handle] of [...Object.entries(this.handlers), ...registered]) {
      socket.on(event, (body: unknown, ack?: unknown) => {
        // A client event without an acknowledgement callback gets no answer.
        const reply = typeof ack === 'function' ? (ack as (answer: unknown) => void) : () => undefined;
        Promise.resolve()
          .then(() => handle(sink, typeof body === 'function' ? undefined : body))
          .then(reply, (error: unknown) => {
            this.logger.error({ err: error, event, socket: socket.id }, 'live client event failed');
            reply({ ok: false, code: 'internal', reason: 'the server could not handle this request' });
          });
      });
    }
  }

  /** The connection as a domain module's request handler sees it. */
  private clientOf(sink: SocketSink): LiveClient {
    return {
      get principal() {
        return sink.principal;
      },
      emit: (event, payload) => sink.emit(event, payload),
      follow: async (topic) => (await this.hub.subscribe(sink, [topic]))[0],
      mayFollow: (topic) => this.access.decide(sink.principal, topic),
      repeat: (intervalMs, push) => sink.repeat(intervalMs, push),
    };
  }

  private async reauth(sink: SocketSink, body: unknown): Promise<ReauthAck> {
    const token = isObject(body) ? (body as { token?: unknown }).token : undefined;
    const verified = typeof token === 'string' ? await this.tokens.verify(token) : null;
    if (!verified) return { ok: false, reason: 'the token is not valid' };
    if (verified.principal.id !== sink.principal.id) return { ok: false, reason: 'the token belongs to someone else' };
    sink.principal = verified.principal;
    sink.tokenExpiresAt = verified.expiresAt;
    sink.scheduleExpiry();
    await this.hub.reauthorize(sink);
    return { ok: true, expiresIn: Math.floor((verified.expiresAt.getTime() - Date.now()) / 1000) };
  }

  /** Null when the handshake may proceed; an error (sent to the client as `connect_error`) otherwise. */
  private async authenticate(socket: Socket): Promise<Error | null> {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const header = socket.handshake.headers.authorization;
    const token =
      typeof auth?.token === 'string'
        ? auth.token
        : typeof header === 'string' && header.startsWith('Bearer ')
          ? header.slice(7)
          : null;
    const verified = token ? await this.tokens.verify(token) : null;
    if (!verified) {
      this.metrics.refusals.inc({ code: 'unauthenticated' });
      return Object.assign(new Error('unauthenticated'), {
        data: { code: 'UNAUTHENTICATED', message: 'connect with a valid access token in auth.token' },
      });
    }
    // A service client's allowlist holds for its live connections too (audited, and watched for anomalies).
    if (verified.principal.kind === 'client') {
      const address = handshakeAddress(socket, this.config.auth.trustProxy);
      if (!(await this.clientAccess.admit(verified.principal.id, address, 'live connection'))) {
        this.metrics.refusals.inc({ code: 'forbidden' });
        return Object.assign(new Error('forbidden'), {
          data: { code: 'FORBIDDEN', message: 'this client may not connect from this address' },
        });
      }
    }
    (socket.data as SocketData).sink = new SocketSink(
      socket,
      verified.principal,
      verified.expiresAt,
      this.config.live.slowClientQueue,
      this.metrics,
      (principal, update) => this.routes.view(principal, update),
    );
    this.logger.debug({ principal: verified.principal.id, socket: socket.id }, 'live connection');
    return null;
  }
}

/** The caller's address: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy (as for REST). */
function handshakeAddress(socket: Socket, trustProxy: boolean): string | null {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (trustProxy && first) || socket.handshake.address || null;
}

function principalRoom(principalId: string): string {
  return `principal:${principalId}`;
}

/** `user:<id>` or `client:<id>` → the id. */
function idOfKey(principalKey: string): string {
  return principalKey.slice(principalKey.indexOf(':') + 1);
}

function topicsOf(body: unknown): unknown {
  return isObject(body) ? (body as { topics?: unknown }).topics : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
