import { Injectable, Logger } from '@nestjs/common';
import type { SyncRun } from '@switchyard/contracts';
import { Clock, DomainException, KeyedSerialQueue } from '../../common';
import { SourceStateRepository, type SourceEntity } from '../../sources';
import { RawSnapshotsRepository } from '../raw-snapshots.repository';
import { RecordWriter } from '../record-writer';
import { snapshotOf, toSyncRun } from '../sync-rows';
import { SyncRunsRepository } from '../sync-runs.repository';
import { UpstreamError } from '../upstream/upstream-error';
import { WebhookReceiptsRepository } from '../webhook-receipts.repository';
import { emptyRun, successState } from './run-record';
import { RunRecorder } from './run-recorder.service';

/** What a sender is asked to wait before delivering a webhook again that could not be applied. */
const WEBHOOK_RETRY_AFTER_SECONDS = 5;

/**
 * Runs of webhook-fed sources: each verified event is stored raw, then normalized like a
 * page, once per `webhook-id`. A sender retries until it sees a 2xx: an event stored
 * before is answered with its run, and copies arriving together on this instance wait for
 * the first one's answer instead of racing it.
 */
@Injectable()
export class WebhookRuns {
  private readonly logger = new Logger(WebhookRuns.name);
  private readonly intake = new KeyedSerialQueue();

  constructor(
    private readonly recorder: RunRecorder,
    private readonly states: SourceStateRepository,
    private readonly runs: SyncRunsRepository,
    private readonly snapshots: RawSnapshotsRepository,
    private readonly writer: RecordWriter,
    private readonly receipts: WebhookReceiptsRepository,
    private readonly clock: Clock,
  ) {}

  ingest(source: SourceEntity, payload: object, webhookId: string): Promise<SyncRun> {
    return this.intake.run(`${source.id}\n${webhookId}`, async () => {
      const earlier = await this.storedRun(source.id, webhookId);
      return earlier ?? this.store(source, payload, webhookId);
    });
  }

  private async store(source: SourceEntity, payload: object, webhookId: string): Promise<SyncRun> {
    const now = this.clock.now();
    const run = await this.recorder.open(source.id, 'webhook', { mode: 'incremental', pages: 1 });
    await this.snapshots.insert([snapshotOf(source, run, payload, webhookId, now)]);
    let notApplied: unknown = null;
    try {
      await this.writer.write({
        source,
        payloads: [payload],
        tombstones: false,
        clear: false,
        inTransaction: async (manager, result) => {
          await this.recorder.succeeded(run, result, manager);
          await this.receipts.record(manager, { origin: origin(source.id), webhookId, runId: run.id, receivedAt: now });
          await this.states.upsertOutcome(manager, source.id, successState(run, now, result.dataAsOf), now);
        },
      });
    } catch (error) {
      await this.recorder.failed(run, error);
      // Not the event's fault (the database, say): no 2xx, so the sender delivers it again;
      // the retry is processed anew because this run did not succeed.
      if (!(error instanceof UpstreamError)) notApplied = error;
    }
    await this.recorder.announce(source, run);
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
  private async storedRun(sourceId: string, webhookId: string): Promise<SyncRun | null> {
    const receipt = await this.receipts.find(origin(sourceId), webhookId);
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
}

function origin(sourceId: string): string {
  return `source:${sourceId}`;
}
