import { Injectable } from '@nestjs/common';
import type { Page, Principal, RawSnapshot, RawSnapshotSummary, SyncRun } from '@switchyard/contracts';
import { ResourceNotFoundException, toPage, type PageWindow } from '../common';
import { DataScopeService } from '../auth';
import { SourcesService } from '../sources';
import { RawSnapshotsRepository } from './raw-snapshots.repository';
import { toSnapshotSummary, toSyncRun } from './sync-rows';
import { SyncRunsRepository, type SyncRunFilters } from './sync-runs.repository';

/** What operators read of the sync engine: runs and raw snapshots, within their data scope. */
@Injectable()
export class SyncQueries {
  constructor(
    private readonly sources: SourcesService,
    private readonly runs: SyncRunsRepository,
    private readonly snapshots: RawSnapshotsRepository,
    private readonly scopes: DataScopeService,
  ) {}

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
}
