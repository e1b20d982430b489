import type { Source } from '@switchyard/contracts';
import { SteppedClock } from '../../test/support/stepped-clock';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { SyncCoordinator } from './sync-coordinator.service';

const CADENCE_SECONDS = 600;

/** The coordinator on a clock that moves only when the test says: each retry is run when it falls due. */
describe('retrying a failed source', () => {
  const clock = new SteppedClock();
  let bed: SyncTestbed;
  let coordinator: SyncCoordinator;
  let id = 0;

  beforeAll(async () => {
    bed = await startSyncTestbed({}, {}, { clock });
    coordinator = bed.app.app.get(SyncCoordinator);
  });

  afterAll(async () => {
    await bed.close();
  });

  afterEach(() => {
    bed.simulator.clearFaults('hris');
  });

  /** A fresh source per test, synced once successfully. */
  async function loadedSource(): Promise<string> {
    id += 1;
    const sourceId = `hris-retry-${id}`;
    await bed.createSource(
      testSource(bed.simulator.url, {
        id: sourceId,
        cadence: { type: 'interval', everySeconds: CADENCE_SECONDS },
        breaker: { failureThreshold: 100, halfOpenAfterMs: 60_000 },
      }),
    );
    expect((await bed.sync(sourceId, 'full')).status).toBe('succeeded');
    return sourceId;
  }

  /** Moves the clock to the source's next attempt and lets the coordinator run what is due. */
  async function runNextAttempt(sourceId: string): Promise<Source> {
    const next = (await bed.source(sourceId)).status.freshness.nextAttemptAt;
    if (!next) throw new Error(`${sourceId} has no next attempt`);
    clock.advance((Date.parse(next) - clock.now().getTime()) / 1000);
    await coordinator.tick();
    await coordinator.drain();
    return bed.source(sourceId);
  }

  const waitSeconds = (source: Source) =>
    (Date.parse(source.status.freshness.nextAttemptAt ?? '') - Date.parse(source.status.lastAttemptAt ?? '')) / 1000;

  it('retries on a doubling schedule capped at the cadence, then returns to the cadence on success', async () => {
    const sourceId = await loadedSource();
    bed.simulator.addFault('hris', { type: 'server_error', status: 503 });
    clock.advance(CADENCE_SECONDS);
    await coordinator.tick();
    await coordinator.drain();
    let source = await bed.source(sourceId);
    const waits: number[] = [];
    const attempts: string[] = [];
    for (let failure = 1; failure <= 6; failure += 1) {
      expect(source.status).toMatchObject({ lastRunStatus: 'failed', breaker: { consecutiveFailures: failure } });
      expect(source.status.freshness.servingCached).toBe(true);
      attempts.push(source.status.lastAttemptAt ?? '');
      waits.push(waitSeconds(source));
      if (failure < 6) source = await runNextAttempt(sourceId);
    }
    // Full jitter draws each wait in (0, step]; steps are 1, 2, 4, 8 min, then the 10 min cadence.
    const steps = [60, 120, 240, 480, 600, 600];
    waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(steps[i]);
    });
    expect(new Set(attempts).size).toBe(6); // each retry was its own run, at its own time

    bed.simulator.clearFaults('hris');
    source = await runNextAttempt(sourceId);
    expect(['succeeded', 'skipped_unchanged']).toContain(source.status.lastRunStatus);
    expect(source.status.breaker.consecutiveFailures).toBe(0);
    expect(source.status.freshness).toMatchObject({ servingCached: false, lastError: null });
    expect(waitSeconds(source)).toBe(CADENCE_SECONDS);
  });

  it('waits out a Retry-After longer than the cadence before trying again', async () => {
    const sourceId = await loadedSource();
    bed.simulator.addFault('hris', { type: 'rate_limit', retryAfterSeconds: 900 });
    clock.advance(CADENCE_SECONDS);
    await coordinator.tick();
    await coordinator.drain();
    const source = await bed.source(sourceId);
    expect(source.status.lastRunStatus).toBe('failed');
    expect(source.status.freshness).toMatchObject({ state: 'rate_limited', servingCached: true });
    expect(waitSeconds(source)).toBe(900);
  });
});
