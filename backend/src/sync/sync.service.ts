import { Injectable, Logger } from '@nestjs/common';
import type {
  Page,
  Principal,
  RawSnapshot,
  RawSnapshotSummary,
  RefreshAccepted,
  SyncMode,
  SyncRun,
  SyncTrigger,
} from '@switchyard/contracts';
import {
  Clock,
  DomainException,
  InstanceIdentity,
  KeyedSerialQueue,
  ResourceNotFoundException,
  toPage,
  type PageWindow,
} from '../common';
import { AuditService, DataScopeService } from '../auth';
import { DomainEventBus } from '../events';
import { SourcesService, type SourceEntity } from '../sources';
import type { SyncRunEntity } from './entities/sync-run.entity';
import { RawSnapshotsRepository } from './raw-snapshots.repository';
import { RecordWriter } from './record-writer';
import { publishRunFinished } from './run-events';
import { SourceStateRepository } from './source-state.repository';
import { FreshnessService } from './freshness.service';
import { SyncCoordinator } from './sync-coordinator.service';
import { emptyRun, LEASE_MS, runColumns } from './sync-runner.service';
import { SyncRunsRepository, type SyncRunFilters } from './sync-runs.repository';
import { UpstreamError } from './upstream/upstream-error';
import { WebhookReceiptsRepository } from './webhook-receipts.repository';
import { snapshotOf, toSnapshotSummary, toSyncRun } from './sync-rows';

/** What a sender is asked to wait before delivering a webhook again that could not be applied. */
const WEBHOOK_RETRY_AFTER_SECONDS = 5;

/** What operators and webhooks ask of the sync engine: refresh now, replay, and the records of both. */
@Injectable()
export class SyncService {
  private readonly logger = new Logger(SyncService.name);
  private readonly webhookIntake = new KeyedSerialQueue();

  constructor(
    private readonly sources: SourcesService,
    private readonly states: SourceStateRepository,
    private readonly runs: SyncRunsRepository,
    private readonly snapshots: RawSnapshotsRepository,
    private readonly writer: RecordWriter,
    private readonly coordinator: SyncCoordinator,
    private readonly freshness: FreshnessService,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    private readonly identity: InstanceIdentity,
    private readonly scopes: DataScopeService,
    private readonly audit: AuditService,
    private readonly receipts: WebhookReceiptsRepository,
  ) {}

  /** Queues a run (or joins the one already queued) and makes the source due now. */
  async refresh(
    sourceId: string,
    trigger: SyncTrigger,
    mode: SyncMode = 'incremental',
    principal?: Principal,
  ): Promise<RefreshAccepted> {
    const source = await this.sources.requireVisible(sourceId, principal);
    if (source.kind !== 'http-pull') {
      throw new DomainException('CONFLICT', 409, `source ${sourceId} is fed by its webhook and cannot be pulled`);
    }
    if (!source.enabled) throw new DomainException('CONFLICT', 409, `source ${sourceId} is disabled; enable it first`);
    const now = this.clock.now();
    await this.states.ensureStates(now);
    let run = await this.runs.oldestQueued(sourceId);
    if (!run) {
      run = { ...emptyRun(sourceId, trigger, now), mode };
      await this.runs.insert(run);
    } else if (mode === 'full' && run.mode !== 'full') {
      await this.runs.update(run.id, { mode: 'full' });
    }
    const notBefore = await this.states.makeDue(sourceId, now);
    if (principal) {
      await this.audit.record({
        action: 'source.refresh',
        actor: principal,
        outcome: 'success',
        resourceType: 'source',
        resourceId: sourceId,
        details: { mode },
      });
    }
    if (notBefore <= now) void this.coordinator.tick();
    return { runId: run.id, sourceId, status: run.status, notBefore: notBefore.toISOString() };
  }

  /** Rebuilds the source's normalized rows from its stored raw snapshots (after a mapping change, say). */
  async replay(sourceId: string, principal?: Principal): Promise<SyncRun> {
    const source = await this.sources.requireVisible(sourceId, principal);
    const now = this.clock.now();
    await this.states.ensureStates(now);
    if (!(await this.states.claimOne(sourceId, this.identity.id, now, new Date(now.getTime() + LEASE_MS)))) {
      throw new DomainException(
        'CONFLICT',
        409,
        `a sync of ${sourceId} is running; replay it when the run has finished`,
      );
    }
    if (principal) {
      await this.audit.record({
        action: 'source.replay',
        actor: principal,
        outcome: 'success',
        resourceType: 'source',
        resourceId: sourceId,
      });
    }
    const run: SyncRunEntity = {
      ...emptyRun(sourceId, 'replay', now),
      status: 'running',
      startedAt: now,
      instanceId: this.identity.id,
    };
    await this.runs.insert(run);
    try {
      const snapshots = await this.snapshots.forReplay(sourceId);
      if (snapshots.length === 0) {
        throw UpstreamError.configuration(
          `source ${sourceId} has no raw snapshots to replay yet`,
          'UPSTREAM_CLIENT_ERROR',
        );
      }
      run.pages = snapshots.length;
      await this.writer.write({
        source,
        payloads: snapshots.map((s) => s.payload),
        tombstones: false,
        clear: true,
        inTransaction: async (manager, result) => {
          this.finish(run, 'succeeded', result.upserted, [], result.skippedOlder);
          await this.runs.update(run.id, runColumns(run), manager);
          await this.states.releaseLease(sourceId, this.identity.id, { dataAsOf: result.dataAsOf }, manager);
        },
      });
    } catch (error) {
      await this.recordReplayFailure(run, error);
    }
    await this.announce(source, run);
    return toSyncRun(run);
  }

  /**
   * A webhook-fed source's event, already verified: stored raw, then normalized like a page,
   * once per `webhook-id`. A sender retries until it sees a 2xx: an
   * event stored before is answered with its run, and copies arriving together on this
   * instance wait for the first one's answer instead of racing it.
   */
  ingestWebhook(source: SourceEntity, payload: object, webhookId: string): Promise<SyncRun> {
    return this.webhookIntake.run(`${source.id}\n${webhookId}`, async () => {
      const earlier = await this.storedWebhookRun(source.id, webhookId);
      return earlier ?? this.storeWebhook(source, payload, webhookId);
    });
  }

  private async storeWebhook(source: SourceEntity, payload: object, webhookId: string): Promise<SyncRun> {
    const now = this.clock.now();
    // Read before the transaction: on the embedded database the transaction holds the only session.
    let state = await this.states.find(source.id);
    if (!state) {
      await this.states.ensureStates(now);
      state = await this.states.find(source.id);
    }
    const run: SyncRunEntity = {
      ...emptyRun(source.id, 'webhook', now),
      mode: 'incremental',
      status: 'running',
      startedAt: now,
      instanceId: this.identity.id,
      pages: 1,
    };
    await this.runs.insert(run);
    await this.snapshots.insert([snapshotOf(source, run, payload, webhookId, now)]);
    let notApplied: unknown = null;
    try {
      await this.writer.write({
        source,
        payloads: [payload],
        tombstones: false,
        clear: false,
        inTransaction: async (manager, result) => {
          this.finish(run, 'succeeded', result.upserted, [], result.skippedOlder);
          await this.runs.update(run.id, runColumns(run), manager);
          await this.receipts.record(manager, {
            origin: webhookOrigin(source.id),
            webhookId,
            runId: run.id,
            receivedAt: now,
          });
          const dataAsOf =
            state?.dataAsOf && result.dataAsOf && state.dataAsOf > result.dataAsOf
              ? state.dataAsOf
              : (result.dataAsOf ?? state?.dataAsOf ?? null);
          await this.states.update(
            source.id,
            {
              lastSuccessAt: now,
              lastAttemptAt: now,
              dataAsOf,
              lastRunId: run.id,
              lastRunStatus: 'succeeded',
              lastErrorCode: null,
              lastErrorMessage: null,
              lastErrorDetail: null,
              lastErrorCategory: null,
              lastErrorAt: null,
            },
            manager,
          );
        },
      });
    } catch (error) {
      await this.recordReplayFailure(run, error);
      // Not the event's fault (the database, say): no 2xx, so the sender delivers it again;
      // the retry is processed anew because this run did not succeed.
      if (!(error instanceof UpstreamError)) notApplied = error;
    }
    await this.announce(source, run);
    if (notApplied !== null) {
      this.logger.error(
        { sourceId: source.id, webhookId, runId: run.id, err: notApplied },
        'could not apply a webhook',
      );
      throw new DomainException('SERVICE_UNAVAILABLE', 503, 'the event could not be applied; retry later', {
        retryAfter: WEBHOOK_RETRY_AFTER_SECONDS,
      });
    }
    return toSyncRun(run);
  }

  /**
   * The run that applied this `webhook-id`, from its receipt (kept for the idempotency
   * window whatever snapshots were pruned). When the run itself was pruned already, the
   * answer is rebuilt from the receipt: the event must not be applied a second time.
   */
  private async storedWebhookRun(sourceId: string, webhookId: string): Promise<SyncRun | null> {
    const receipt = await this.receipts.find(webhookOrigin(sourceId), webhookId);
    if (!receipt) return null;
    const runId = receipt.runId;
    this.logger.log({ sourceId, webhookId, runId }, 'a retried webhook was answered with the run that stored it');
    const run = await this.runs.findById(runId);
    if (run) return toSyncRun(run);
    const at = receipt.receivedAt;
    return toSyncRun({
      ...emptyRun(sourceId, 'webhook', at),
      id: runId,
      mode: 'incremental',
      status: 'succeeded',
      startedAt: at,
      finishedAt: at,
    });
  }

  async getRun(id: string, principal?: Principal): Promise<SyncRun> {
    const run = await this.runs.findById(id);
    const visible =
      run !== null &&
      (await this.sources.requireVisible(run.sourceId, principal).then(
        () => true,
        () => false,
      ));
    if (!run || !visible) throw new ResourceNotFoundException('sync run', id);
    return toSyncRun(run);
  }

  async listRuns(
    filters: SyncRunFilters,
    window: PageWindow,
    principal?: Principal,
  ): Promise<Omit<Page<SyncRun>, 'generatedAt'>> {
    const [rows, total] = await this.runs.list({ ...filters, tenants: this.scopes.tenants(principal) }, window);
    return toPage(window, rows.map(toSyncRun), total);
  }

  async listSnapshots(
    sourceId: string,
    window: PageWindow,
    principal?: Principal,
  ): Promise<Omit<Page<RawSnapshotSummary>, 'generatedAt'>> {
    await this.sources.requireVisible(sourceId, principal);
    const [rows, total] = await this.snapshots.list(sourceId, window);
    return toPage(window, rows.map(toSnapshotSummary), total);
  }

  async getSnapshot(sourceId: string, id: string, principal?: Principal): Promise<RawSnapshot> {
    await this.sources.requireVisible(sourceId, principal);
    const row = await this.snapshots.findOne(sourceId, id);
    if (!row) throw new ResourceNotFoundException('raw snapshot', id);
    return { ...toSnapshotSummary(row), payload: row.payload };
  }

  private finish(
    run: SyncRunEntity,
    status: SyncRunEntity['status'],
    upserted: string[],
    deleted: string[],
    skippedOlder = 0,
  ): void {
    const now = this.clock.now();
    Object.assign(run, {
      status,
      finishedAt: now,
      durationMs: now.getTime() - (run.startedAt ?? now).getTime(),
      recordsUpserted: upserted.length,
      recordsDeleted: deleted.length,
      recordsSkippedOlder: skippedOlder,
      upsertedIds: upserted,
      deletedIds: deleted,
    });
  }

  private async recordReplayFailure(run: SyncRunEntity, error: unknown): Promise<void> {
    const upstream = error instanceof UpstreamError ? error : null;
    this.finish(run, 'failed', [], []);
    Object.assign(run, {
      errorCode: upstream?.code ?? 'INTERNAL_ERROR',
      errorMessage: upstream?.message ?? (error instanceof Error ? error.message : String(error)),
      errorCategory: upstream?.category ?? 'internal',
      retryable: false,
    });
    await this.runs.update(run.id, runColumns(run));
    if (run.trigger === 'replay') await this.states.releaseLease(run.sourceId, this.identity.id, {});
  }

  /** Webhook and replay runs end here: announce them and re-judge freshness at once, as the coordinator does. */
  private async announce(source: SourceEntity, run: SyncRunEntity): Promise<void> {
    publishRunFinished(this.bus, source, run, this.clock.now().toISOString());
    await this.freshness.afterRun(source.id);
  }
}

function webhookOrigin(sourceId: string): string {
  return `source:${sourceId}`;
}
