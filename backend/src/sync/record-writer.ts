import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common';
import type { SourceEntity } from '../sources';
import { normalizePages } from './normalize/normalize-pages';
import { NormalizedStore } from './normalize/normalized-store';
import { NORMALIZER_REGISTRY } from './normalize/registry';

export interface WriteResult {
  upserted: string[];
  deleted: string[];
  dataAsOf: Date | null;
  cursor: string | null;
  recordCount: number;
}

export interface WriteRequest {
  source: SourceEntity;
  payloads: unknown[];
  /** Full refresh: rows of this source the payloads did not contain get a tombstone. */
  tombstones: boolean;
  /** Replay: remove every row of this source first, then rebuild. */
  clear: boolean;
  /** Runs inside the same transaction, after the rows are written (run and state updates). */
  inTransaction: (manager: EntityManager, result: WriteResult) => Promise<void>;
}

/**
 * Normalizes raw pages (pure, before any write: bad data fails the run with nothing
 * written) and writes the rows in one transaction with the run's own bookkeeping.
 */
@Injectable()
export class RecordWriter {
  constructor(
    private readonly store: NormalizedStore,
    private readonly clock: Clock,
  ) {}

  async write(request: WriteRequest): Promise<WriteResult> {
    const { source } = request;
    const normalizer = NORMALIZER_REGISTRY[source.normalizer];
    const normalized = normalizePages(
      normalizer,
      request.payloads,
      { mapping: source.mapping, tenant: source.tenant },
      source.request?.incremental?.cursorField ?? null,
    );
    return this.store.transaction(async (manager) => {
      const now = this.clock.now();
      const upserted: string[] = [];
      const deleted: string[] = [];
      for (const [table, rows] of normalized.tables) {
        if (request.clear) await this.store.deleteAllOf(manager, table, source.id);
        upserted.push(...(await this.store.upsert(manager, table, source, rows, now)));
        if (request.tombstones && !normalizer.appendOnly) {
          const seen = rows.map((r) => r.externalId);
          deleted.push(...(await this.store.tombstoneMissing(manager, table, source.id, seen, now)));
        }
      }
      const result = {
        upserted,
        deleted,
        dataAsOf: normalized.dataAsOf,
        cursor: normalized.cursor,
        recordCount: normalized.recordCount,
      };
      await request.inTransaction(manager, result);
      return result;
    });
  }
}
