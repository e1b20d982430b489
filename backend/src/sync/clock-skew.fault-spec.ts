import type { UpstreamHealth } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { expectReconciled } from '../../test/faults/reconcile';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { AccessTokensService, userPrincipal } from '../auth';
import { Clock } from '../common';

/** The app's clock, set ahead of or behind the wall clock by a test. */
class SkewedClock extends Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The injected clock runs ahead or behind (an NTP step, a VM resumed from pause):
// freshness must turn stale when time jumps past the SLO and never show a negative
// age when it jumps back; access tokens are checked against wall time, so a skewed
// app clock neither rescues an expired token nor refuses a valid one.
describe('fault: clock skew', () => {
  const clock = new SkewedClock();
  let bed: SyncTestbed;

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 9 }, {}, { clock });
    await bed.createSource(
      testSource(bed.simulator.url, { id: 'skew-hris', freshness: { warnAfterSeconds: 600, staleAfterSeconds: 1800 } }),
    );
  });

  afterAll(async () => {
    await bed.close();
  });

  const health = async () => (await bed.api<UpstreamHealth>('/health')).body.sources?.find((s) => s.id === 'skew-hris');

  it('keeps freshness honest with the clock ahead and behind, and runs syncs on either side', async () => {
    let acknowledged = 0;
    const runs: string[] = [];
    const offsets = [0, 40 * MINUTE, -40 * MINUTE];
    const states: string[] = [];
    for (const offset of offsets) {
      clock.offsetMs = 0;
      const run = await bed.sync('skew-hris');
      acknowledged += 1;
      runs.push(run.status);
      clock.offsetMs = offset;
      const entry = await health();
      states.push(entry?.state ?? 'missing');
      expect(entry?.ageSeconds ?? -1).toBeGreaterThanOrEqual(0);
    }
    // On time; 40 minutes ahead is past the 30-minute stale-after; behind is never negative.
    expect(states).toEqual(['fresh', 'stale', 'fresh']);
    clock.offsetMs = 0;
    expect(runs.every((s) => ['succeeded', 'skipped_unchanged'].includes(s))).toBe(true);
    const history = await bed.api<{ total: number }>('/sync-runs?sourceId=skew-hris');
    expectReconciled('clock-skew-syncs', {
      sent: offsets.length,
      acknowledged,
      stored: history.body.total,
      delivered: runs.length,
      failed: offsets.length - acknowledged,
    });
  });

  it('checks tokens against wall time whatever the app clock says', async () => {
    const tokens = bed.app.app.get(AccessTokensService);
    const principal = userPrincipal({
      id: randomUUID(),
      email: 'skew@test.local',
      displayName: 'Skew',
      roles: ['master_admin'],
      dataScopes: ALL_DATA,
    });
    const valid = (await tokens.issue(principal)).token;
    const short = (await tokens.issue(principal, 1)).token;
    const call = async (token: string) =>
      (await fetch(`${bed.app.baseUrl}/api/v1/sources`, { headers: { authorization: `Bearer ${token}` } })).status;
    clock.offsetMs = 2 * 3600_000; // ahead by two hours: past the valid token's 15-minute life
    expect(await call(valid)).toBe(200);
    await sleep(2100);
    clock.offsetMs = -2 * 3600_000; // behind: the expired token must not come back to life
    expect(await call(short)).toBe(401);
    expect(await call(valid)).toBe(200);
    clock.offsetMs = 0;
  });
});
