import { Injectable } from '@nestjs/common';
import type { DatabaseStatus } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { MIGRATIONS_TABLE } from './data-source-options';

export interface PingResult {
  reachable: boolean;
  latencyMs: number | null;
  reason?: string;
}

/** Answers "is the database there, and what is it?" for health checks and the System page. */
@Injectable()
export class DatabaseProbe {
  private serverVersion: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async ping(): Promise<PingResult> {
    const timeoutMs = this.config.database.healthTimeoutMs;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { reachable: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      return { reachable: false, latencyMs: null, reason: describeFailure(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  async status(): Promise<DatabaseStatus> {
    const ping = await this.ping();
    const base = { kind: this.config.database.kind, ...ping };
    if (!ping.reachable) return { ...base, serverVersion: this.serverVersion, migrationsApplied: 0 };
    this.serverVersion ??= await this.scalar<string>('SELECT version() AS value');
    const applied = await this.scalar<string>(`SELECT count(*)::text AS value FROM "${MIGRATIONS_TABLE}"`);
    return { ...base, serverVersion: this.serverVersion, migrationsApplied: Number(applied) };
  }

  private async scalar<T>(sql: string): Promise<T> {
    const rows: Array<{ value: T }> = await this.dataSource.query(sql);
    return rows[0].value;
  }
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Driver messages can include host names; keep them to the first line, without credentials.
  return `database did not answer: ${message.split('\n')[0].replace(/\/\/[^@\s]*@/g, '//')}`;
}
