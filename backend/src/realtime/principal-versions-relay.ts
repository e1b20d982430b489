import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { PrincipalVersionsService, type VersionChange } from '../auth';
import { RedisConnections } from './redis-connections';

/**
 * Carries revocations between replicas through Redis pub/sub, so a token revoked on one
 * replica is refused by the others within milliseconds. Lives here because this module
 * owns the Redis connections; the versions themselves are the auth module's. A message
 * lost while Redis is away is made up by the auth module's database poll.
 */
@Injectable()
export class PrincipalVersionsRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrincipalVersionsRelay.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly redis: RedisConnections,
    private readonly versions: PrincipalVersionsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) return;
    const channel = this.redis.key('auth', 'principal-versions');
    const publisher = this.redis.open('auth-versions-pub');
    const subscriber = this.redis.open('auth-versions-sub');
    subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    await subscriber.subscribe(channel);
    this.subscription = this.versions.changes$.subscribe((change) => {
      if (!change.local) return;
      const message = JSON.stringify({ principalKey: change.principalKey, version: change.version });
      publisher.publish(channel, message).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not relay a revocation; other replicas learn it by polling');
      });
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private receive(message: string): void {
    try {
      const change = JSON.parse(message) as Partial<VersionChange>;
      if (typeof change.principalKey !== 'string' || typeof change.version !== 'number') return;
      this.versions.applyRemote({ principalKey: change.principalKey, version: change.version });
    } catch (error) {
      this.logger.warn({ err: error }, 'unreadable revocation message on the Redis channel');
    }
  }
}
