import type {
  CrmLeadPage,
  CrmLeadStats,
  CrmSyncStatus,
  Freshness,
  LiveUpdate,
  SourceFreshness,
  SubscribeAck,
  UpstreamHealth,
} from '@switchyard/contracts';
import { connectLive, type LiveClient } from '../../test/support/live-client';
import { SteppedClock } from '../../test/support/stepped-clock';
import { crmTestSource, startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';
import { GENERIC_SYNC_ERROR } from '../crm/crm-error-detail';

const TENANT = 'acme-fitness';
const SOURCE = `crm-${TENANT}-leads`;
const TOPIC = `crm:${TENANT}`;

/**
 * Time stands still unless the test moves it, so the coordinator's periodic freshness check
 * never runs again: whatever the live topic says after a run, the run's end announced.
 */
describe('a failed sync is told at once, everywhere the data shows', () => {
  const clock = new SteppedClock(Date.now());
  let bed: SyncTestbed;
  let live: LiveClient;
  /** A master admin (sync.raw_read) on the same topic. */
  let rawLive: LiveClient;
  let lastSuccessAt: string | null;

  const getAs = async <T>(role: 'executive' | 'technical_admin' | 'master_admin', path: string): Promise<T> => {
    const token = await bed.app.tokenFor(role);
    const response = await fetch(`${bed.app.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const leadsOf = (freshness: Freshness): SourceFreshness => {
    const found = freshness.sources.find((s) => s.id === SOURCE);
    if (!found) throw new Error(`${SOURCE} is not behind this answer`);
    return found;
  };
  const liveFreshness = async (seen: number, servingCached: boolean, client = live): Promise<Freshness> => {
    const found = await waitForUpdate(client, seen, (u) => u.freshness?.servingCached === servingCached);
    return found.freshness as Freshness;
  };

  beforeAll(async () => {
    bed = await startSyncTestbed({ crmBrands: [TENANT] }, {}, { clock });
    await bed.createSource({
      ...crmTestSource(bed.simulator.url, SOURCE, 'leads'),
      breaker: { failureThreshold: 100, halfOpenAfterMs: 60_000 },
    });
    expect((await bed.sync(SOURCE, 'full')).status).toBe('succeeded');
    lastSuccessAt = (await bed.source(SOURCE)).status.lastSuccessAt;
    live = await connectLive(bed.app.baseUrl, await bed.app.tokenFor('executive'));
    const ack = await live.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    expect(ack.results).toMatchObject([{ topic: TOPIC, granted: true }]);
    rawLive = await connectLive(bed.app.baseUrl, await bed.app.tokenFor('master_admin'));
    const rawAck = await rawLive.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    expect(rawAck.results).toMatchObject([{ topic: TOPIC, granted: true }]);
  });

  afterAll(async () => {
    live.close();
    rawLive.close();
    await bed.close();
  });

  it('shows the failed attempt, the data age and the next try in REST, live and health', async () => {
    bed.simulator.addFault('crm', { type: 'server_error', status: 503, brand: TENANT });
    clock.advance(30);
    const seen = live.updates.length;
    const rawSeen = rawLive.updates.length;
    const run = await bed.sync(SOURCE);
    expect(run.status).toBe('failed');
    const attemptAt = clock.now().toISOString();
    const expected = {
      lastSuccessAt,
      lastAttemptAt: attemptAt,
      lastAttemptStatus: 'failed',
      servingCached: true,
      state: 'fresh',
      ageSeconds: expect.any(Number) as unknown,
      lastError: { code: 'UPSTREAM_SERVER_ERROR', message: `${SOURCE} failed with HTTP 503`, detail: null },
    };

    const leads = await getAs<CrmLeadPage>('executive', `/crm/leads?tenant=${TENANT}`);
    const stats = await getAs<CrmLeadStats>('executive', `/crm/leads/stats?tenant=${TENANT}`);
    const status = await getAs<CrmSyncStatus>('executive', `/crm/sync-status?tenant=${TENANT}`);
    const health = await getAs<UpstreamHealth>('executive', '/health');
    const pushed = await liveFreshness(seen, true);
    const rawPushed = await liveFreshness(rawSeen, true, rawLive);
    // Health gives the plain cause; CRM answers, REST and live, keep even that from CRM readers
    // (seed 004: no user-facing error details) — the attempt, its time and code stay. Roles
    // allowed raw data see the cause on the live topic too.
    const crmReader = {
      ...expected,
      lastError: { ...expected.lastError, message: GENERIC_SYNC_ERROR },
    };
    for (const freshness of [leads.freshness, stats.freshness, pushed]) expect(freshness.servingCached).toBe(true);
    const crmAnswers = [
      leadsOf(leads.freshness),
      leadsOf(stats.freshness),
      status.tenants[0].sources[0],
      leadsOf(pushed),
    ];
    for (const answer of crmAnswers) expect(answer).toMatchObject(crmReader);
    for (const answer of [health.sources?.[0], leadsOf(rawPushed)]) expect(answer).toMatchObject(expected);
    const answers = [leadsOf(leads.freshness), status.tenants[0].sources[0], health.sources?.[0], leadsOf(pushed)];
    expect(leadsOf(leads.freshness).reason).toBe('last sync failed; serving cached data');
    expect(leadsOf(pushed).reason).toBe('last sync failed; serving cached data');
    expect(leadsOf(rawPushed).reason).toBe(`last sync failed: ${SOURCE} failed with HTTP 503; serving cached data`);

    // The retry comes within the first backoff step (one minute), not a cadence (an hour) later.
    const next = Date.parse(leadsOf(leads.freshness).nextAttemptAt ?? '');
    expect(next).toBeGreaterThan(Date.parse(attemptAt));
    expect(next).toBeLessThanOrEqual(Date.parse(attemptAt) + 60_000);
    expect(answers.every((a) => a?.nextAttemptAt === leadsOf(leads.freshness).nextAttemptAt)).toBe(true);
  });

  it('gives what the vendor said only to roles that may read raw errors', async () => {
    const health = await getAs<UpstreamHealth>('technical_admin', '/health');
    expect(health.sources?.[0].lastError?.detail).toContain('The upstream service is unavailable.');
    const status = await getAs<CrmSyncStatus>('master_admin', `/crm/sync-status?tenant=${TENANT}`);
    expect(status.tenants[0].sources[0].lastError?.detail).toContain('503 Service Unavailable');
    const executive = await getAs<UpstreamHealth>('executive', '/health');
    expect(executive.sources?.[0].lastError?.detail).toBeNull();
    const leads = await getAs<CrmLeadPage>('master_admin', `/crm/leads?tenant=${TENANT}`);
    expect(leads.freshness.sources[0].lastError?.detail).toBeNull(); // data answers never carry it
  });

  it('clears the failure live once a sync succeeds, and returns the source to its cadence', async () => {
    bed.simulator.clearFaults('crm');
    clock.advance(60);
    const seen = live.updates.length;
    const run = await bed.sync(SOURCE);
    expect(['succeeded', 'skipped_unchanged']).toContain(run.status);
    const pushed = leadsOf(await liveFreshness(seen, false));
    expect(pushed).toMatchObject({ servingCached: false, lastError: null, state: 'fresh', reason: null });
    const source = await bed.source(SOURCE);
    expect(source.status.freshness).toMatchObject({ servingCached: false, lastError: null });
    expect(Date.parse(source.status.nextRunAt ?? '')).toBe(clock.now().getTime() + 3600_000);
  });
});

/** The first update on the topic after the `seen` first ones that matches (polled, for ten seconds at most). */
async function waitForUpdate(live: LiveClient, seen: number, match: (u: LiveUpdate) => boolean): Promise<LiveUpdate> {
  for (let i = 0; i < 400; i += 1) {
    const found = live.updates.slice(seen).find((u) => u.topic === TOPIC && match(u));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no live update on ${TOPIC} matched`);
}
