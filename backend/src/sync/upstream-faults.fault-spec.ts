import type { LiveUpdate, SubscribeAck, SyncRun, UpstreamHealth } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { expectReconciled } from '../../test/faults/reconcile';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { selectRows, startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { SyncCoordinator } from './sync-coordinator.service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Upstream trouble, end to end: refreshes asked through the API, runs recorded in the
// database, each finished run pushed live, and the public health page telling the truth.
describe('fault: upstream timeout, 429 and 5xx burst', () => {
  let bed: SyncTestbed;
  let live: LiveClient;

  beforeAll(async () => {
    bed = await startSyncTestbed({ evolveEveryMs: 100 });
    live = await connectLive(bed.app.baseUrl, await bed.app.tokenFor('master_admin'));
  });

  afterEach(() => bed.simulator.clearFaults());

  afterAll(async () => {
    live.close();
    await bed.close();
  });

  const finishedUpdates = (sourceId: string): LiveUpdate[] =>
    live.updates.filter((u) => u.topic === `source:${sourceId}` && u.type === 'sync.finished');
  const storedRuns = async (sourceId: string) =>
    selectRows<{ status: string }>(bed.app.app.get(DataSource), 'SELECT status FROM sync_runs WHERE source_id = $1', [
      sourceId,
    ]);
  const healthOf = async (sourceId: string) => {
    const health = await bed.api<UpstreamHealth>('/health');
    return health.body.sources?.find((s) => s.id === sourceId);
  };

  /** `count` refreshes, one after another; each answer and each finished run recorded. */
  async function refreshes(sourceId: string, count: number) {
    let acknowledged = 0;
    let failed = 0;
    const runs: SyncRun[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await bed.api<{ runId: string }>(`/sources/${sourceId}/refresh`, { method: 'POST' });
      if (response.status !== 202) {
        failed += 1;
        continue;
      }
      acknowledged += 1;
      runs.push(await bed.waitForRun(response.body.runId));
    }
    return { acknowledged, failed, runs };
  }

  async function reconcileRuns(
    scenario: string,
    sourceId: string,
    sent: number,
    outcome: { acknowledged: number; failed: number },
  ) {
    const stored = (await storedRuns(sourceId)).length;
    const delivered = (
      await waitUntil(() => (finishedUpdates(sourceId).length >= stored ? finishedUpdates(sourceId) : null))
    ).length;
    expectReconciled(scenario, { sent, acknowledged: outcome.acknowledged, stored, delivered, failed: outcome.failed });
  }

  async function subscribe(sourceId: string) {
    const ack = await live.request<SubscribeAck>('subscribe', { topics: [`source:${sourceId}`] });
    expect(ack.results[0]).toMatchObject({ granted: true });
  }

  it('upstream timeout: every attempt aborted and recorded, never loaded shows unavailable, then fresh', async () => {
    await bed.createSource(testSource(bed.simulator.url, { id: 'fault-timeout', timeoutMs: 300 }));
    await subscribe('fault-timeout');
    bed.simulator.addFault('hris', { type: 'timeout', count: 3 });
    const outcome = await refreshes('fault-timeout', 3);
    expect(outcome.runs.map((r) => [r.status, r.errorCode])).toEqual(Array(3).fill(['failed', 'UPSTREAM_TIMEOUT']));
    expect(await healthOf('fault-timeout')).toMatchObject({
      state: 'unavailable',
      lastError: { code: 'UPSTREAM_TIMEOUT' },
    });
    const recovered = await refreshes('fault-timeout', 1);
    expect(recovered.runs[0].status).toBe('succeeded');
    expect(await healthOf('fault-timeout')).toMatchObject({ state: 'fresh' });
    await reconcileRuns('upstream-timeout', 'fault-timeout', 4, {
      acknowledged: outcome.acknowledged + recovered.acknowledged,
      failed: outcome.failed + recovered.failed,
    });
  });

  it('429 with Retry-After: rate_limited (a state, not a failure), next run waits, then fresh', async () => {
    await bed.createSource(testSource(bed.simulator.url, { id: 'fault-429' }));
    await subscribe('fault-429');
    expect((await bed.sync('fault-429')).status).toBe('succeeded');
    bed.simulator.addFault('hris', { type: 'rate_limit', retryAfterSeconds: 1, count: 1 });
    const limited = await refreshes('fault-429', 1);
    expect(limited.runs[0]).toMatchObject({
      status: 'failed',
      errorCode: 'UPSTREAM_RATE_LIMITED',
      retryAfterSeconds: 1,
    });
    expect(await healthOf('fault-429')).toMatchObject({ state: 'rate_limited' });

    const accepted = await bed.api<{ runId: string; notBefore: string }>('/sources/fault-429/refresh', {
      method: 'POST',
    });
    expect(accepted.status).toBe(202);
    const coordinator = bed.app.app.get(SyncCoordinator);
    while (Date.now() < Date.parse(accepted.body.notBefore) + 200) {
      await coordinator.tick();
      await sleep(100);
    }
    await coordinator.drain();
    expect((await bed.waitForRun(accepted.body.runId)).status).toBe('succeeded');
    expect(await healthOf('fault-429')).toMatchObject({ state: 'fresh' });
    await reconcileRuns('upstream-429', 'fault-429', 3, { acknowledged: 3, failed: limited.failed });
  });

  it('5xx burst: each failure recorded and classified, last good data kept, fresh again after', async () => {
    await bed.createSource(testSource(bed.simulator.url, { id: 'fault-5xx' }));
    await subscribe('fault-5xx');
    expect((await bed.sync('fault-5xx')).status).toBe('succeeded');
    const lastGood = (await healthOf('fault-5xx'))?.lastSuccessAt;
    bed.simulator.addFault('hris', { type: 'server_error', status: 503, count: 4 });
    const burst = await refreshes('fault-5xx', 4);
    expect(burst.runs.map((r) => r.errorCode)).toEqual(Array(4).fill('UPSTREAM_SERVER_ERROR'));
    const during = await healthOf('fault-5xx');
    expect(during).toMatchObject({ lastSuccessAt: lastGood, lastError: { code: 'UPSTREAM_SERVER_ERROR' } });
    expect(during?.state).not.toBe('unavailable');
    const after = await refreshes('fault-5xx', 1);
    expect(after.runs[0].status).toBe('succeeded');
    expect(await healthOf('fault-5xx')).toMatchObject({ state: 'fresh', lastError: null });
    await reconcileRuns('upstream-5xx-burst', 'fault-5xx', 6, { acknowledged: 6, failed: burst.failed + after.failed });
  });
});
