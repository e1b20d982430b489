import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config';
import type { RedisConnections } from './redis-connections';

/**
 * Socket.IO on the API's own port. Frames larger than the live message limit are refused.
 * With Redis, the Socket.IO Redis adapter shares rooms across replicas, so cluster-wide
 * operations (disconnecting a principal everywhere, counting sockets) reach every instance;
 * topic updates themselves travel through the numbered update log.
 */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      maxHttpBufferSize: this.config.live.maxMessageBytes,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      cors:
        this.config.http.corsOrigins.length > 0
          ? { origin: this.config.http.corsOrigins, credentials: true }
          : undefined,
    } as ServerOptions);
    if (this.redis.enabled) {
      server.adapter(
        createAdapter(this.redis.open('socket.io-pub'), this.redis.open('socket.io-sub'), {
          key: this.redis.key('socket.io'),
        }),
      );
    }
    return server;
  }
}
