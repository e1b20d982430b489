import type { RunHistoryList } from '@switchyard/contracts';
import { SteppedClock } from '../../test/support/stepped-clock';
import { crmTestSource, startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';

const TENANT = 'acme-fitness';
const SOURCE = `crm-${TENANT}-leads`;

describe('run history: the Sources page heartbeat strip and success shares', () => {
  const clock = new SteppedClock(Date.now());
  let bed: SyncTestbed;

  const get = async (role: 'technical_admin' | 'executive', query: string) => {
    const token = await bed.app.tokenFor(role);
    const response = await fetch(`${bed.app.baseUrl}/api/v1/sync-runs/history${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as RunHistoryList & { message?: string } };
  };

  beforeAll(async () => {
    bed = await startSyncTestbed({ crmBrands: [TENANT] }, {}, { clock });
    await bed.createSource({
      ...crmTestSource(bed.simulator.url, SOURCE, 'leads'),
      retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
      breaker: { failureThreshold: 100, halfOpenAfterMs: 60_000 },
    });
    expect((await bed.sync(SOURCE, 'full')).status).toBe('succeeded');
    bed.simulator.addFault('crm', { type: 'server_error', status: 503, brand: TENANT });
    clock.advance(30);
    expect((await bed.sync(SOURCE)).status).toBe('failed');
    bed.simulator.clearFaults('crm');
    clock.advance(30);
    expect(['succeeded', 'skipped_unchanged']).toContain((await bed.sync(SOURCE)).status);
  });

  afterAll(async () => {
    await bed.close();
  });

  it("gives each source's last runs oldest first, with the failure's error and the shares", async () => {
    const { status, body } = await get('technical_admin', '');
    expect(status).toBe(200);
    const history = body.items.find((h) => h.sourceId === SOURCE);
    expect(history?.recent.map((r) => r.status)).toEqual([
      'succeeded',
      'failed',
      expect.stringMatching(/^(succeeded|skipped_unchanged)$/),
    ]);
    const failed = history?.recent[1];
    expect(failed?.errorCode).toBe('UPSTREAM_SERVER_ERROR');
    expect(failed?.durationMs).toEqual(expect.any(Number));
    expect(history?.last24h).toEqual({ succeeded: 2, total: 3 });
    expect(history?.last30d).toEqual({ succeeded: 2, total: 3 });
    expect(body.generatedAt).toEqual(expect.any(String));
  });

  it('keeps the last N runs and filters by source', async () => {
    const { body } = await get('technical_admin', `?limit=2&sourceId=${SOURCE}`);
    expect(body.items.map((h) => h.sourceId)).toEqual([SOURCE]);
    expect(body.items[0].recent.map((r) => r.status)[0]).toBe('failed');
    expect(body.items[0].recent).toHaveLength(2);
    expect(body.items[0].last24h.total).toBe(3);
  });

  it('refuses a bad limit in the API error format, and readers without sync.read', async () => {
    const bad = await get('technical_admin', '?limit=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit must be between 1 and 50');
    expect((await get('executive', '')).status).toBe(403);
  });
});
