import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common';
import { AppConfig } from '../config';
import { RawSnapshotsRepository } from './raw-snapshots.repository';
import { SyncRunsRepository } from './sync-runs.repository';

/** Bounds the growing tables: old runs go, and raw snapshots a replay no longer needs. */
@Injectable()
export class SyncRetention {
  private readonly logger = new Logger(SyncRetention.name);

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly runs: SyncRunsRepository,
    private readonly snapshots: RawSnapshotsRepository,
  ) {}

  async prune(): Promise<{ runs: number; snapshots: number }> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.sync.retentionDays * 86_400_000);
    const snapshots = await this.snapshots.prune(cutoff, this.config.sync.snapshotsKeepPerSource);
    const runs = await this.runs.deleteFinishedBefore(cutoff);
    if (runs + snapshots > 0) this.logger.log({ runs, snapshots, cutoff }, 'pruned old sync runs and raw snapshots');
    return { runs, snapshots };
  }
}
