import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config';

/**
 * Every Redis connection the process opens, named, logged and closed at shutdown.
 * Commands wait (queued) while Redis is away instead of failing, so an update raised
 * during a Redis restart is numbered and delivered once Redis is back.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly clients: Redis[] = [];

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.live.redisUrl !== null;
  }

  /** A key or channel name under the configured prefix. */
  key(...parts: string[]): string {
    return [this.config.live.redisKeyPrefix, ...parts].join(':');
  }

  open(name: string): Redis {
    const url = this.config.live.redisUrl;
    if (!url) throw new Error('REDIS_URL is not set');
    const client = new Redis(url, {
      connectionName: `switchyard-${name}`,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    let down = false;
    client.on('error', (error: Error) => {
      if (down) return;
      down = true;
      this.logger.warn({ connection: name, err: error.message }, 'Redis connection lost; retrying');
    });
    client.on('ready', () => {
      if (down) this.logger.log({ connection: name }, 'Redis connection back');
      down = false;
    });
    this.clients.push(client);
    return client;
  }

  /** Answers within `timeoutMs` whether Redis responds (readiness). */
  async ping(timeoutMs: number): Promise<boolean> {
    const client = this.clients[0];
    if (!client) return false;
    if (client.status !== 'ready') return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([client.ping().then((r) => r === 'PONG'), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.clients.map((client) =>
        client.quit().catch(() => {
          client.disconnect();
        }),
      ),
    );
  }
}
