import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common';
import { ConnectorsService, RECORD_SCHEMAS_APPEND_ONLY, SelectorError, StreamMapper } from '../connectors';
import type { ResolvedStream } from '../connectors';
import type { SourceEntity } from '../sources';
import { describeFieldErrors, normalizePages } from './normalize/normalize-pages';
import { NormalizedStore } from './normalize/normalized-store';
import { SyncMetrics } from './sync-metrics';
import { UpstreamError } from './upstream/upstream-error';

export interface WriteResult {
  upserted: string[];
  deleted: string[];
  /** Rows skipped because the stored row is newer (a late retry, an out-of-order event). */
  skippedOlder: number;
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
 * Maps raw pages through the source's connector stream (pure, before any write: bad data
 * fails the run with nothing written) and writes the rows in one transaction with the
 * run's own bookkeeping.
 */
@Injectable()
export class RecordWriter {
  private readonly mappers = new Map<string, StreamMapper>();

  constructor(
    private readonly store: NormalizedStore,
    private readonly connectors: ConnectorsService,
    private readonly clock: Clock,
    private readonly metrics: SyncMetrics,
  ) {}

  /** The source's connector stream, or a configuration failure that names what is missing. */
  async streamOf(source: SourceEntity): Promise<ResolvedStream> {
    try {
      return await this.connectors.resolve(source.connector.id, source.connector.stream);
    } catch {
      throw UpstreamError.configuration(
        `source ${source.id} names connector ${source.connector.id} stream ${source.connector.stream}, which does not exist`,
        'UPSTREAM_CLIENT_ERROR',
      );
    }
  }

  mapperFor({ connector, stream }: ResolvedStream): StreamMapper {
    const key = `${connector.id}@${connector.version}/${stream.name}`;
    let mapper = this.mappers.get(key);
    if (!mapper) {
      mapper = new StreamMapper(stream);
      this.mappers.set(key, mapper);
    }
    return mapper;
  }

  async write(request: WriteRequest): Promise<WriteResult> {
    const { source } = request;
    const resolved = await this.streamOf(source);
    const incremental = resolved.stream.incremental;
    const cursorField = incremental?.type === 'cursor' ? (incremental.cursorField ?? null) : null;
    let normalized: ReturnType<typeof normalizePages>;
    try {
      normalized = normalizePages(this.mapperFor(resolved), request.payloads, source.connector.config, cursorField);
    } catch (error) {
      if (error instanceof SelectorError) throw UpstreamError.schemaMismatch(source.name, error.message);
      throw error;
    }
    if (normalized.errors.length > 0) {
      throw UpstreamError.schemaMismatch(source.name, describeFieldErrors(normalized.errors));
    }
    const appendOnly = resolved.stream.records.every((r) => RECORD_SCHEMAS_APPEND_ONLY.has(r.target));
    const written = await this.store.transaction(async (manager) => {
      const now = this.clock.now();
      const upserted: string[] = [];
      const deleted: string[] = [];
      let skippedOlder = 0;
      for (const [table, rows] of normalized.tables) {
        if (request.clear) await this.store.deleteAllOf(manager, table, source.id);
        const written = await this.store.upsert(manager, table, source, rows, now);
        upserted.push(...written.changed);
        skippedOlder += written.skippedOlder;
        if (request.tombstones && !appendOnly) {
          const seen = rows.map((r) => r.externalId);
          deleted.push(...(await this.store.tombstoneMissing(manager, table, source.id, seen, now)));
        }
      }
      const result = {
        upserted,
        deleted,
        skippedOlder,
        dataAsOf: normalized.dataAsOf,
        cursor: normalized.cursor,
        recordCount: normalized.recordCount,
      };
      await request.inTransaction(manager, result);
      return result;
    });
    if (written.skippedOlder > 0) this.metrics.skippedOlder.inc({ source: source.id }, written.skippedOlder);
    return written;
  }
}
