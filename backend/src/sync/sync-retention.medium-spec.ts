import type { Page, RawSnapshotSummary, SyncRun } from '@switchyard/contracts';
import { crmTestSource, startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';
import { SyncRetention } from './sync-retention.service';

describe('retention of sync runs and raw snapshots', () => {
  let bed: SyncTestbed;

  beforeAll(async () => {
    bed = await startSyncTestbed({ evolveEveryMs: 3_600_000 }, { SNAPSHOTS_KEEP_PER_SOURCE: '2' });
  });

  afterAll(async () => {
    await bed.close();
  });

  it('keeps at most N snapshots per source, but never the ones a replay needs', async () => {
    await bed.createSource(crmTestSource(bed.simulator.url, 'crm-notes', 'notes'));
    for (let i = 0; i < 4; i += 1) {
      bed.simulator.advance('crm', 1);
      expect((await bed.sync('crm-notes', 'full')).status).toBe('succeeded');
    }
    const before = (await bed.api<Page<RawSnapshotSummary>>('/sources/crm-notes/snapshots?pageSize=200')).body;
    const lastRunPages = before.items.filter((s) => s.runId === before.items[0].runId).length;
    expect(before.total).toBeGreaterThan(lastRunPages);

    const pruned = await bed.app.app.get(SyncRetention).prune();
    expect(pruned.snapshots).toBeGreaterThan(0);
    const after = (await bed.api<Page<RawSnapshotSummary>>('/sources/crm-notes/snapshots?pageSize=200')).body;
    // The newest full fetch survives whole, however many pages it has.
    expect(after.total).toBe(lastRunPages);
    expect(new Set(after.items.map((s) => s.runId))).toEqual(new Set([before.items[0].runId]));
    const replay = await bed.api<SyncRun>('/sources/crm-notes/replay', { method: 'POST' });
    expect(replay.body.status).toBe('succeeded');
  });
});
