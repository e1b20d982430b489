import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { returnedRows } from '../../database/query-result';
import { PrincipalVersionEntity } from '../entities/principal-version.entity';

export interface PrincipalVersionRow {
  principalKey: string;
  version: number;
  changedAt: Date;
}

@Injectable()
export class PrincipalVersionsRepository {
  constructor(@InjectRepository(PrincipalVersionEntity) private readonly rows: Repository<PrincipalVersionEntity>) {}

  all(): Promise<PrincipalVersionRow[]> {
    return this.rows.find();
  }

  /** Rows changed at or after `since` (database time), for replicas without Redis. */
  changedSince(since: Date): Promise<PrincipalVersionRow[]> {
    return this.rows.query(
      `SELECT principal_key AS "principalKey", version, changed_at AS "changedAt"
       FROM principal_versions WHERE changed_at >= $1`,
      [since],
    );
  }

  /** The current versions of these keys (absent keys are version 0). */
  async versionsOf(keys: string[]): Promise<Map<string, number>> {
    const rows = await this.rows.query<Array<{ principal_key: string; version: number }>>(
      `SELECT principal_key, version FROM principal_versions WHERE principal_key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((r) => [r.principal_key, Number(r.version)]));
  }

  /** Increments the key's version (creating it at 1) and returns the new row. */
  async bump(manager: EntityManager, principalKey: string): Promise<PrincipalVersionRow> {
    const result: unknown = await manager.query(
      `INSERT INTO principal_versions (principal_key, version, changed_at) VALUES ($1, 1, clock_timestamp())
       ON CONFLICT (principal_key) DO UPDATE
         SET version = principal_versions.version + 1, changed_at = clock_timestamp()
       RETURNING version, changed_at`,
      [principalKey],
    );
    const rows = returnedRows<{ version: number; changed_at: Date }>(result);
    return { principalKey, version: Number(rows[0].version), changedAt: new Date(rows[0].changed_at) };
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.rows.manager.transaction(work);
  }
}
