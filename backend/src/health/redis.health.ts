import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { AppConfig } from '../config';
import { RedisConnections } from '../realtime';

/** Readiness of Redis, when replicas share live updates through it (REDIS_URL set). */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.redis.enabled;
  }

  async check(key: string): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    const started = Date.now();
    const reachable = await this.redis.ping(this.config.database.healthTimeoutMs);
    return reachable
      ? session.up({ latencyMs: Date.now() - started })
      : session.down({ message: 'Redis did not answer; live updates between replicas are held back' });
  }
}
