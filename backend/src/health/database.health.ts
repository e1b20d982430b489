import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { AppConfig } from '../config';
import { DatabaseProbe } from '../database';

@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly probe: DatabaseProbe,
    private readonly config: AppConfig,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    const ping = await this.probe.ping();
    const kind = this.config.database.kind;
    return ping.reachable
      ? session.up({ kind, latencyMs: ping.latencyMs })
      : session.down({ kind, message: ping.reason ?? 'database did not answer' });
  }
}
