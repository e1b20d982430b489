import { Injectable } from '@nestjs/common';
import type { Principal, RefreshAccepted, SyncMode, SyncRun, SyncTrigger } from '@switchyard/contracts';
import { Clock, DomainException, InstanceIdentity } from '../common';
import { AuditService } from '../auth';
import { SourceStateRepository, SourcesService } from '../sources';
import { RawSnapshotsRepository } from './raw-snapshots.repository';
import { RecordWriter } from './record-writer';
import { emptyRun, LEASE_MS } from './run/run-record';
import { RunRecorder } from './run/run-recorder.service';
import { SyncCoordinator } from './sync-coordinator.service';
import { toSyncRun } from './sync-rows';
import { SyncRunsRepository } from './sync-runs.repository';
import { UpstreamError } from './upstream/upstream-error';

/** What operators ask of the sync engine: refresh a source now, or rebuild it from its raw snapshots. */
@Injectable()
export class SyncService {
  constructor(
    private readonly sources: SourcesService,
    private readonly states: SourceStateRepository,
    private readonly runs: SyncRunsRepository,
    private readonly snapshots: RawSnapshotsRepository,
    private readonly writer: RecordWriter,
    private readonly recorder: RunRecorder,
    private readonly coordinator: SyncCoordinator,
    private readonly clock: Clock,
    private readonly identity: InstanceIdentity,
    private readonly audit: AuditService,
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
    const run = await this.recorder.open(sourceId, 'replay');
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
          await this.recorder.succeeded(run, result, manager);
          await this.states.releaseLease(sourceId, this.identity.id, { dataAsOf: result.dataAsOf }, manager);
        },
      });
    } catch (error) {
      await this.recorder.failed(run, error);
      await this.states.releaseLease(sourceId, this.identity.id, {});
    }
    await this.recorder.announce(source, run);
    return toSyncRun(run);
  }
}
