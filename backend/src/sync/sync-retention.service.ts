import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common';
import { AppConfig } from '../config';
import { RawSnapshotsRepository } from './raw-snapshots.repository';
import { SyncRunsRepository } from './sync-runs.repository';
import { WebhookReceiptsRepository } from './webhook-receipts.repository';

/** Bounds the growing tables: old runs go, raw snapshots a replay no longer needs, and expired webhook receipts. */
@Injectable()
export class SyncRetention {
  private readonly logger = new Logger(SyncRetention.name);

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly runs: SyncRunsRepository,
    private readonly snapshots: RawSnapshotsRepository,
    private readonly receipts: WebhookReceiptsRepository,
  ) {}

  async prune(): Promise<{ runs: number; snapshots: number; receipts: number }> {
    const now = this.clock.now().getTime();
    const cutoff = new Date(now - this.config.sync.retentionDays * 86_400_000);
    const snapshots = await this.snapshots.prune(cutoff, this.config.sync.snapshotsKeepPerSource);
    const runs = await this.runs.deleteFinishedBefore(cutoff);
    // On their own window: a receipt must outlive the sender's retries whatever snapshots are kept.
    const receiptCutoff = new Date(now - this.config.sync.webhookIdempotencyDays * 86_400_000);
    const receipts = await this.receipts.deleteReceivedBefore(receiptCutoff);
    if (runs + snapshots + receipts > 0) {
      this.logger.log(
        { runs, snapshots, receipts, cutoff },
        'pruned old sync runs, raw snapshots and webhook receipts',
      );
    }
    return { runs, snapshots, receipts };
  }
}
