import { Injectable, Logger } from '@nestjs/common';
import type { BreakerState, SyncMode, SyncRunStatus } from '@switchyard/contracts';
import { isBrokenCircuitError } from 'cockatiel';
import { randomUUID } from 'node:crypto';
import { Clock, InstanceIdentity } from '../common';
import {
  nextFullSyncAt,
  nextRunAt,
  SourceStateRepository,
  SourcesService,
  type SourceEntity,
  type SourceStateEntity,
} from '../sources';
import type { SyncRunEntity } from './entities/sync-run.entity';
import { RawSnapshotsRepository } from './raw-snapshots.repository';
import { nextRetryAt } from './schedule/retry-schedule';
import { SyncMetrics } from './sync-metrics';
import { LEASE_MS, laterOf, successState } from './run/run-record';
import { RunRecorder } from './run/run-recorder.service';
import { SyncRunsRepository } from './sync-runs.repository';
import { RecordWriter, type WriteResult } from './record-writer';
import type { ResolvedStream } from '../connectors';
import { SyncTokenExpiredError, type FetchResult } from './upstream/page-fetcher';
import { RequestPolicy } from './upstream/request-policy';
import { StreamFetcher } from './upstream/stream-fetcher';
import { UpstreamError } from './upstream/upstream-error';

export { LEASE_MS } from './run/run-record';

interface RunContext {
  source: SourceEntity;
  /** The connector stream, or null when the source's connector no longer resolves. */
  resolved: ResolvedStream | null;
  state: SourceStateEntity;
  run: SyncRunEntity;
  policy: RequestPolicy;
  transitions: Array<[BreakerState, BreakerState]>;
  /** A sync-token stream's token for the next run. */
  nextSyncToken?: string | null;
}

/**
 * Runs one claimed source: fetch every page through the resilience policies, keep the
 * raw pages, skip normalization when nothing changed, otherwise normalize and write in
 * one transaction; then record the run, move the source's clocks and announce it all.
 */
@Injectable()
export class SyncRunner {
  private readonly logger = new Logger(SyncRunner.name);

  constructor(
    private readonly sources: SourcesService,
    private readonly states: SourceStateRepository,
    private readonly runs: SyncRunsRepository,
    private readonly snapshots: RawSnapshotsRepository,
    private readonly writer: RecordWriter,
    private readonly fetcher: StreamFetcher,
    private readonly recorder: RunRecorder,
    private readonly metrics: SyncMetrics,
    private readonly clock: Clock,
    private readonly identity: InstanceIdentity,
  ) {}

  async runClaimed(sourceId: string): Promise<SyncRunEntity | null> {
    const source = await this.sources.require(sourceId).catch(() => null);
    const state = await this.states.find(sourceId);
    if (!source || !state) return null;
    const resolved = await this.writer.streamOf(source).catch(() => null);
    const run = await this.startRun(source, state, resolved);
    const transitions: RunContext['transitions'] = [];
    const policy = new RequestPolicy({
      vendor: source.name,
      timeoutMs: source.timeoutMs,
      retry: source.retry,
      breaker: source.breaker,
      breakerSnapshot: state.breakerSnapshot,
      onBreakerChange: (previous, next) => transitions.push([previous, next]),
      onAttempt: (outcome) => this.metrics.upstreamRequests.inc({ source: source.id, outcome }),
    });
    const context: RunContext = { source, resolved, state, run, policy, transitions };
    try {
      await this.execute(context);
    } catch (error) {
      await this.fail(context, error);
    }
    await this.recorder.announce(source, run, { transitions, pulled: true });
    return run;
  }

  private async startRun(
    source: SourceEntity,
    state: SourceStateEntity,
    resolved: ResolvedStream | null,
  ): Promise<SyncRunEntity> {
    const now = this.clock.now();
    const queued = await this.runs.oldestQueued(source.id);
    const fullDue =
      !state.cursor || !resolved?.stream.incremental || (state.nextFullAt !== null && state.nextFullAt <= now);
    const mode: SyncMode = fullDue || queued?.mode === 'full' ? 'full' : 'incremental';
    const run = await this.recorder.open(source.id, 'schedule', { mode }, queued);
    this.recorder.started(run);
    return run;
  }

  private async execute(context: RunContext): Promise<void> {
    const { source, state, run } = context;
    const resolved = context.resolved ?? (await this.writer.streamOf(source));
    let fetched: FetchResult;
    try {
      fetched = await this.fetch(context, resolved, run.mode === 'incremental' ? state.cursor : null);
    } catch (error) {
      if (!(error instanceof SyncTokenExpiredError)) throw error;
      // The vendor forgot our sync token: start over with a full sync, which also tombstones.
      this.logger.log({ sourceId: source.id }, `${error.message}; running a full sync`);
      run.mode = 'full';
      fetched = await this.fetch(context, resolved, null);
    }
    context.nextSyncToken = fetched.nextSyncToken;
    const hashes = fetched.pages.map((p) => p.contentHash);
    const previous = state.lastPageHashes?.[run.mode] ?? null;
    const unchanged = !fetched.truncated && previous !== null && sameList(previous, hashes);
    run.pages = fetched.pages.length;
    run.recordsFetched = fetched.pages.reduce((sum, p) => sum + p.itemCount, 0);
    if (unchanged) {
      await this.snapshots.markSeen(source.id, hashes, this.clock.now());
      await this.succeed(
        context,
        'skipped_unchanged',
        { upserted: [], deleted: [], skippedOlder: 0, dataAsOf: null, cursor: null, recordCount: 0 },
        hashes,
      );
      return;
    }
    await this.snapshots.insert(
      fetched.pages.map((p) => ({
        id: randomUUID(),
        sourceId: source.id,
        runId: run.id,
        tenant: source.tenant,
        page: p.page,
        full: run.mode === 'full',
        fetchedAt: this.clock.now(),
        lastSeenAt: this.clock.now(),
        contentHash: p.contentHash,
        bytes: p.bytes,
        requestUrl: p.requestUrl,
        webhookId: null,
        payload: p.payload,
      })),
    );
    const status: SyncRunStatus = fetched.truncated ? 'partial' : 'succeeded';
    if (fetched.truncated) {
      run.errorMessage = `stopped after ${fetched.pages.length} pages (maxPages); the rest was not fetched and nothing was tombstoned`;
    }
    await this.writer.write({
      source,
      payloads: fetched.pages.map((p) => p.payload),
      tombstones: run.mode === 'full' && !fetched.truncated,
      clear: false,
      inTransaction: (manager, result) => this.succeed(context, status, result, hashes, manager),
    });
  }

  private fetch(context: RunContext, { connector, stream }: ResolvedStream, cursor: string | null) {
    const { source, policy } = context;
    return this.fetcher.fetch({
      vendor: source.name,
      connector,
      stream,
      source,
      cursor,
      policy,
      onPage: () =>
        this.states.extendLease(source.id, this.identity.id, new Date(this.clock.now().getTime() + LEASE_MS)),
    });
  }

  private async succeed(
    context: RunContext,
    status: SyncRunStatus,
    result: WriteResult,
    hashes: string[],
    manager?: Parameters<SourceStateRepository['update']>[2],
  ): Promise<void> {
    const { source, state, run, policy } = context;
    const now = this.clock.now();
    this.recorder.end(run, status, {
      attempts: policy.attempts,
      recordsUpserted: result.upserted.length,
      recordsDeleted: result.deleted.length,
      recordsSkippedOlder: result.skippedOlder,
      recordsFetched: Math.max(run.recordsFetched, result.recordCount),
      upsertedIds: result.upserted,
      deletedIds: result.deleted,
    });
    const changes: Partial<SourceStateEntity> = {
      ...successState(run, now, laterOf(state.dataAsOf, result.dataAsOf)),
      cursor: nextCursor(context, state, result),
      lastPageHashes: { ...(state.lastPageHashes ?? {}), [run.mode]: hashes },
      breakerSnapshot: policy.breakerSnapshot(),
      breakerState: policy.breaker,
      breakerOpenedAt: policy.breaker === 'closed' ? null : state.breakerOpenedAt,
      ...(run.mode === 'full' ? { lastFullSyncAt: now, nextFullAt: nextFullSyncAt(source.fullSync, now) } : {}),
    };
    await this.recorder.save(run, manager);
    await this.states.release(
      manager ?? null,
      source.id,
      this.identity.id,
      changes,
      nextRunAt(source.cadence, now),
      now,
    );
    Object.assign(state, changes);
  }

  private async fail(context: RunContext, error: unknown): Promise<void> {
    const { source, state, run, policy } = context;
    const now = this.clock.now();
    const breakerOpen = isBrokenCircuitError(error);
    const upstream =
      error instanceof UpstreamError
        ? error
        : breakerOpen
          ? new UpstreamError(
              `circuit breaker is open after repeated failures; next probe after ${source.breaker.halfOpenAfterMs / 1000} s`,
              {
                code: 'BREAKER_OPEN',
                category: 'upstream_error',
                retryable: true,
                countsForBreaker: false,
              },
            )
          : null;
    if (!upstream)
      this.logger.error({ err: error, sourceId: source.id, runId: run.id }, 'sync run failed unexpectedly');
    const code = upstream?.code ?? 'INTERNAL_ERROR';
    const message = upstream?.message ?? 'unexpected failure inside Switchyard; see the server log for this run id';
    const category = upstream?.category ?? 'internal';
    const status: SyncRunStatus = breakerOpen && policy.attempts === 0 ? 'skipped_breaker_open' : 'failed';
    const attemptsNote = policy.attempts > 1 ? ` (${policy.attempts} attempts)` : '';
    const rateLimitedUntil =
      upstream?.retryAfterSeconds !== undefined ? new Date(now.getTime() + upstream.retryAfterSeconds * 1000) : null;
    this.recorder.end(run, status, {
      attempts: policy.attempts,
      errorCode: code,
      errorMessage: `${message}${attemptsNote}`,
      errorCategory: category,
      retryable: upstream?.retryable ?? false,
      retryAfterSeconds: upstream?.retryAfterSeconds ?? null,
    });
    const breakerOpenedAt = policy.breaker === 'open' && state.breakerState !== 'open' ? now : state.breakerOpenedAt;
    const changes: Partial<SourceStateEntity> = {
      lastRunId: run.id,
      lastRunStatus: status,
      lastAttemptAt: now,
      rateLimitedUntil,
      consecutiveFailures: status === 'failed' ? state.consecutiveFailures + 1 : state.consecutiveFailures,
      lastErrorCode: code,
      lastErrorMessage: `${upstream?.plainCause ?? message}${attemptsNote}`,
      lastErrorDetail: upstream?.said ?? null,
      lastErrorCategory: category,
      lastErrorAt: now,
      breakerSnapshot: policy.breakerSnapshot(),
      breakerState: policy.breaker,
      breakerOpenedAt,
    };
    const next = nextRetryAt({
      cadence: source.cadence,
      schedule: source.retrySchedule,
      failures: changes.consecutiveFailures ?? 1,
      now,
      notBefore: rateLimitedUntil,
      breakerHalfOpenAt:
        policy.breaker === 'open' && breakerOpenedAt
          ? new Date(breakerOpenedAt.getTime() + source.breaker.halfOpenAfterMs)
          : null,
      random: Math.random,
    });
    try {
      await this.recorder.save(run);
      await this.states.release(null, source.id, this.identity.id, changes, next, now);
      Object.assign(state, changes);
    } catch (writeError) {
      // The lease lapses on its own; the next claim retries the source.
      this.logger.error({ err: writeError, sourceId: source.id }, 'could not record a failed sync run');
    }
  }
}

/** A cursor only moves forward; a sync token is replaced by the one the vendor just gave. */
function nextCursor(context: RunContext, state: SourceStateEntity, result: WriteResult): string | null {
  const incremental = context.resolved?.stream.incremental;
  if (!incremental) return null;
  if (incremental.type === 'sync-token') return context.nextSyncToken ?? state.cursor;
  return maxString(state.cursor, result.cursor) ?? state.cursor;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function maxString(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
