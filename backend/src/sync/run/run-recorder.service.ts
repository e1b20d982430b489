import { Injectable, Logger } from '@nestjs/common';
import type { BreakerState, SyncRunStatus } from '@switchyard/contracts';
import type { EntityManager } from 'typeorm';
import { Clock, InstanceIdentity } from '../../common';
import { DomainEventBus } from '../../events';
import { FreshnessService, SourceStateMetrics, type SourceEntity } from '../../sources';
import type { SyncRunEntity } from '../entities/sync-run.entity';
import { publishRunFinished } from '../run-events';
import { SyncMetrics } from '../sync-metrics';
import { SyncRunsRepository } from '../sync-runs.repository';
import { UpstreamError } from '../upstream/upstream-error';
import { emptyRun, runColumns } from './run-record';

export interface Announcement {
  /** Breaker moves seen during a pulled run. */
  transitions?: Array<[BreakerState, BreakerState]>;
  /** Pulled runs are counted, timed and logged; webhook and replay runs are too frequent or too local for that. */
  pulled?: boolean;
}

/**
 * The one lifecycle of a sync run, whatever started it (a schedule, refresh now, a replay
 * or a webhook): open the run row, end it with its outcome, save it, then announce it and
 * re-judge the source's freshness at once, so a webhook or replay run is seen as soon as a
 * pulled one.
 */
@Injectable()
export class RunRecorder {
  private readonly logger = new Logger('SyncRunner');

  constructor(
    private readonly runs: SyncRunsRepository,
    private readonly freshness: FreshnessService,
    private readonly bus: DomainEventBus,
    private readonly metrics: SyncMetrics,
    private readonly stateMetrics: SourceStateMetrics,
    private readonly clock: Clock,
    private readonly identity: InstanceIdentity,
  ) {}

  /** A run starting now on this instance: a queued one taken over, or a new row. */
  async open(
    sourceId: string,
    trigger: SyncRunEntity['trigger'],
    fields: Partial<SyncRunEntity> = {},
    queued: SyncRunEntity | null = null,
  ): Promise<SyncRunEntity> {
    const now = this.clock.now();
    const started = { ...fields, status: 'running' as const, startedAt: now, instanceId: this.identity.id };
    if (queued) {
      await this.runs.update(queued.id, started);
      return { ...queued, ...started };
    }
    const run = { ...emptyRun(sourceId, trigger, now), ...started };
    await this.runs.insert(run);
    return run;
  }

  /** Announces that a pulled run began (webhook and replay runs start and end in one call). */
  started(run: SyncRunEntity): void {
    this.bus.publish({
      type: 'sync.started',
      at: this.clock.now().toISOString(),
      sourceId: run.sourceId,
      runId: run.id,
    });
  }

  /** Ends the run in memory with its outcome; `save` stores it. */
  end(run: SyncRunEntity, status: SyncRunStatus, fields: Partial<SyncRunEntity> = {}): SyncRunEntity {
    const now = this.clock.now();
    return Object.assign(run, {
      status,
      finishedAt: now,
      durationMs: now.getTime() - (run.startedAt ?? now).getTime(),
      ...fields,
    });
  }

  /** Ends and stores (in the write's transaction) a webhook or replay run whose rows were written. */
  succeeded(
    run: SyncRunEntity,
    written: { upserted: string[]; skippedOlder: number },
    manager: EntityManager,
  ): Promise<void> {
    this.end(run, 'succeeded', {
      recordsUpserted: written.upserted.length,
      recordsDeleted: 0,
      recordsSkippedOlder: written.skippedOlder,
      upsertedIds: written.upserted,
      deletedIds: [],
    });
    return this.save(run, manager);
  }

  save(run: SyncRunEntity, manager?: EntityManager): Promise<void> {
    return this.runs.update(run.id, runColumns(run), manager);
  }

  /** Ends and stores a webhook or replay run that could not be applied. */
  async failed(run: SyncRunEntity, error: unknown): Promise<void> {
    const upstream = error instanceof UpstreamError ? error : null;
    this.end(run, 'failed', {
      recordsUpserted: 0,
      recordsDeleted: 0,
      recordsSkippedOlder: 0,
      upsertedIds: [],
      deletedIds: [],
      errorCode: upstream?.code ?? 'INTERNAL_ERROR',
      errorMessage: upstream?.message ?? (error instanceof Error ? error.message : String(error)),
      errorCategory: upstream?.category ?? 'internal',
      retryable: false,
    });
    await this.save(run);
  }

  /** Tells everyone the run ended (records changed, run finished, breaker moves) and re-judges freshness. */
  async announce(source: SourceEntity, run: SyncRunEntity, { transitions = [], pulled = false }: Announcement = {}) {
    const at = this.clock.now().toISOString();
    for (const [previous, state] of transitions) {
      this.stateMetrics.recordBreaker(source.id, state);
      this.bus.publish({ type: 'breaker.changed', at, sourceId: source.id, previous, state });
    }
    if (pulled) this.measure(source, run);
    publishRunFinished(this.bus, source, run, at);
    await this.freshness.afterRun(source.id);
  }

  private measure(source: SourceEntity, run: SyncRunEntity): void {
    this.metrics.runs.inc({ source: source.id, status: run.status });
    if (run.durationMs !== null) this.metrics.duration.observe({ source: source.id }, run.durationMs / 1000);
    const level = run.status === 'failed' ? 'warn' : 'log';
    this.logger[level](
      {
        sourceId: source.id,
        runId: run.id,
        status: run.status,
        attempts: run.attempts,
        upserted: run.recordsUpserted,
        errorCode: run.errorCode,
      },
      `sync ${source.id}: ${run.status}${run.errorMessage ? ` — ${run.errorMessage}` : ''}`,
    );
  }
}
