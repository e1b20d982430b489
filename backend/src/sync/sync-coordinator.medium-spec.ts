import type { Page, SyncRun } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { selectRows, startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { Clock } from '../common';
import { SyncCoordinator } from './sync-coordinator.service';

/** Both replicas read the same controllable time. */
class SteppedClock extends Clock {
  private ms = Date.parse('2026-11-26T09:00:00Z');
  now(): Date {
    return new Date(this.ms);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

const SOURCES = ['hris-1', 'hris-2', 'hris-3', 'hris-4', 'hris-5', 'hris-6'];
const ROUNDS = 8;

describe('refresh coordinator with two replicas on one database', () => {
  const clock = new SteppedClock();
  let bed: SyncTestbed;
  let replicaB: TestApp;

  beforeAll(async () => {
    bed = await startSyncTestbed({}, { SYNC_CONCURRENCY: '3' }, { clock });
    replicaB = await startTestApp(
      { SYNC_ENABLED: 'false', SOURCE_ALLOWED_HOSTS: '127.0.0.1', SYNC_CONCURRENCY: '3' },
      { database: bed.app.config.database, clock },
    );
    for (const id of SOURCES) {
      await bed.createSource(testSource(bed.simulator.url, { id, cadence: { type: 'interval', everySeconds: 60 } }));
    }
  });

  afterAll(async () => {
    await replicaB.close();
    await bed.close();
  });

  it('runs each due sync exactly once per due time, however the replicas race', async () => {
    const coordinators = [bed.app.app.get(SyncCoordinator), replicaB.app.get(SyncCoordinator)];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Several overlapping ticks per replica, as timers on busy replicas would produce.
      for (let burst = 0; burst < 3; burst += 1) {
        await Promise.all(coordinators.flatMap((c) => [c.tick(), c.tick()]));
        await Promise.all(coordinators.map((c) => c.drain()));
      }
      clock.advance(60);
    }
    const runs = (await bed.api<Page<SyncRun>>('/sync-runs?pageSize=200')).body.items;
    expect(runs).toHaveLength(SOURCES.length * ROUNDS);
    for (const id of SOURCES) {
      const own = runs.filter((r) => r.sourceId === id);
      expect(own).toHaveLength(ROUNDS);
      expect(own.every((r) => r.status === 'succeeded' || r.status === 'skipped_unchanged')).toBe(true);
      // One run per due time: queued times are one cadence apart.
      const starts = own.map((r) => Date.parse(r.queuedAt)).sort((a, b) => a - b);
      expect(new Set(starts).size).toBe(ROUNDS);
    }
    // Every claim was released: nothing is left leased for a dead replica to hold up.
    const leases = await selectRows<{ n: number }>(
      bed.app.app.get(DataSource),
      `SELECT count(*)::int AS n FROM source_states WHERE lease_owner IS NOT NULL`,
    );
    expect(leases[0].n).toBe(0);
  });
});

describe('refresh coordinator between its ticks', () => {
  let bed: SyncTestbed;

  beforeAll(async () => {
    // A tick far longer than the test: only the wake-up timer can start the second run.
    bed = await startSyncTestbed({}, { SYNC_ENABLED: 'true', SYNC_TICK_MS: '60000' });
  });

  afterAll(async () => {
    await bed.close();
  });

  it('starts a run when it falls due, not at the next tick', async () => {
    await bed.createSource(
      testSource(bed.simulator.url, { id: 'hris-wake', cadence: { type: 'interval', everySeconds: 5 } }),
    );
    await bed.app.app.get(SyncCoordinator).tick();
    const started = Date.now();
    const runs = async () => (await bed.api<Page<SyncRun>>('/sync-runs?sourceId=hris-wake&pageSize=10')).body.items;
    let scheduled: SyncRun[] = [];
    while (scheduled.length < 2 && Date.now() - started < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      scheduled = (await runs()).filter((r) => r.trigger === 'schedule' && r.startedAt !== null);
    }
    expect(scheduled).toHaveLength(2);
    const [first, second] = scheduled.sort((a, b) => Date.parse(a.startedAt ?? '') - Date.parse(b.startedAt ?? ''));
    const gap = Date.parse(second.startedAt ?? '') - Date.parse(first.finishedAt ?? '');
    // Due five seconds after the first run finished; started then, give or take the claim.
    expect(gap).toBeGreaterThanOrEqual(4_900);
    expect(gap).toBeLessThan(7_000);
  }, 30_000);
});
