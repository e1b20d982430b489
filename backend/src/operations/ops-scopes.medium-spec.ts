import type { AlertView, LiveHeartbeat, Silence, SubscribeAck, UpstreamHealth } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { seedCrmTenants } from '../../test/support/sync-testbed';
import { startTestApp, type TestApp } from '../../test/support/test-app';

const ACME_ONLY = { ...ALL_DATA, tenants: ['acme-fitness'] };
const ACME = 'acme-fitness-leads';
const ZEN = 'zen-yoga-leads';

// Security issue 19, items 3 and 4, as the attacks: a tenant-scoped user reading the other
// brand's sources and alerts (REST, the `alerts` topic, silences), and roles reading
// operations modules the admin blueprint does not give them.
describe('tenant and module scopes on health and the operations center', () => {
  let app: TestApp;
  const sockets: LiveClient[] = [];
  const tokens = new Map<string, string>();

  const as = async (who: string, role: Parameters<TestApp['tokenFor']>[0], scopes = ALL_DATA) => {
    if (!tokens.has(who)) tokens.set(who, await app.tokenFor(role, scopes));
    return tokens.get(who) as string;
  };
  const call = async <T>(token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const master = () => as('master', 'master_admin');
  const techAcme = () => as('tech-acme', 'technical_admin', ACME_ONLY);
  const businessAcme = () => as('business-acme', 'business_admin', ACME_ONLY);
  const alertsOf = async (token: string) =>
    (await call<{ items: AlertView[] }>(token, 'GET', '/ops/alerts?limit=500')).body.items;

  let masterSocket: LiveClient;
  let acmeSocket: LiveClient;

  beforeAll(async () => {
    app = await startTestApp({
      SYNC_ENABLED: 'false',
      OPS_AGGREGATOR_ENABLED: 'false',
      SOURCE_ALLOWED_HOSTS: '127.0.0.1',
      LIVE_HEARTBEAT_SECONDS: '1',
    });
    // Two brands' CRM feeds pointing at a closed port: each sync fails with an error.
    await seedCrmTenants(app, ['acme-fitness', 'zen-yoga']);
    masterSocket = await connectLive(app.baseUrl, await master());
    acmeSocket = await connectLive(app.baseUrl, await techAcme());
    sockets.push(masterSocket, acmeSocket);
    for (const socket of sockets) {
      const ack = await socket.request<SubscribeAck>('subscribe', { topics: ['alerts'] });
      expect(ack.results[0]).toMatchObject({ granted: true });
    }
    for (const id of [ACME, ZEN]) {
      const refresh = await call<{ runId: string }>(await master(), 'POST', `/sources/${id}/refresh`);
      expect(refresh.status).toBe(202);
      await waitUntil(async () => {
        const run = await call<{ status: string }>(await master(), 'GET', `/sync-runs/${refresh.body.runId}`);
        return run.body.status === 'failed' ? true : null;
      });
    }
    expect((await call(await master(), 'POST', '/ops/aggregate')).status).toBe(200);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app.close();
  });

  it('lists and counts only the caller’s tenants in /health', async () => {
    const all = (await call<UpstreamHealth>(await master(), 'GET', '/health')).body;
    expect(all.sources?.map((s) => s.id).sort()).toEqual([ACME, ZEN]);
    expect(all.sources?.find((s) => s.id === ZEN)?.lastError).not.toBeNull();
    const scoped = (await call<UpstreamHealth>(await businessAcme(), 'GET', '/health')).body;
    expect(scoped.sources?.map((s) => s.id)).toEqual([ACME]);
    expect(Object.values(scoped.counts).reduce((a, b) => a + b, 0)).toBe(1);
    expect(JSON.stringify(scoped)).not.toContain('zen-yoga');
  });

  it('shows a tenant-scoped admin only its own brand’s source alerts, and 404 for the other’s', async () => {
    const everyone = await alertsOf(await master());
    const zenAlert = everyone.find((a) => a.sourceId === ZEN);
    const acmeAlert = everyone.find((a) => a.sourceId === ACME);
    expect(zenAlert).toMatchObject({ kind: 'freshness', tenant: 'zen-yoga' });
    expect(acmeAlert).toMatchObject({ kind: 'freshness', tenant: 'acme-fitness' });
    const scoped = await alertsOf(await techAcme());
    expect(scoped.map((a) => a.sourceId)).toContain(ACME);
    expect(scoped.map((a) => a.sourceId)).not.toContain(ZEN);
    const snapshot = await call<{ alerts: AlertView[] }>(await techAcme(), 'GET', '/ops/snapshot');
    expect(snapshot.body.alerts.map((a) => a.sourceId)).toContain(ACME);
    expect(snapshot.body.alerts.map((a) => a.sourceId)).not.toContain(ZEN);
    const id = (zenAlert as AlertView).id;
    expect((await call(await techAcme(), 'GET', `/ops/alerts/${id}`)).status).toBe(404);
    const ack = await call(await techAcme(), 'POST', `/ops/alerts/${id}/acknowledge`, { comment: 'mine now' });
    expect(ack.status).toBe(404);
    expect(ack.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await call<AlertView>(await master(), 'GET', `/ops/alerts/${id}`)).body.acknowledgement).toBeNull();
  });

  it('pushes the other brand’s alerts to nobody outside it on the alerts topic', async () => {
    const sources = (client: LiveClient) =>
      client.updates.filter((u) => u.topic === 'alerts').map((u) => (u.data as { alert: AlertView }).alert.sourceId);
    const everything = await waitUntil(() => {
      const seen = sources(masterSocket);
      return seen.includes(ZEN) && seen.includes(ACME) ? masterSocket.updates : null;
    });
    const last = Math.max(...everything.filter((u) => u.topic === 'alerts').map((u) => u.seq));
    // The scoped socket's heartbeat says it stands past every one of those updates...
    await waitUntil(() =>
      acmeSocket.events.some((e) => e.event === 'heartbeat' && ((e.payload as LiveHeartbeat).seqs.alerts ?? 0) >= last)
        ? true
        : null,
    );
    // ...and it was sent only its own brand's.
    expect(sources(acmeSocket)).toContain(ACME);
    expect(sources(acmeSocket)).not.toContain(ZEN);
  });

  it('gives each brand’s series its own alert instance with that brand’s tenant, seen only within it', async () => {
    const push = await call(await master(), 'POST', '/ops/data-points', {
      points: [
        { source: ACME, category: 'system_health', metric: 'memory_usage', value: 99 },
        { source: ZEN, category: 'system_health', metric: 'memory_usage', value: 98 },
      ],
    });
    expect(push.status).toBe(202);
    expect((await call(await master(), 'POST', '/ops/aggregate')).status).toBe(200);
    const memory = (await alertsOf(await master())).filter((a) => a.ruleId === 'memory_usage');
    expect(memory.map((a) => [a.series?.source, a.tenant]).sort()).toEqual([
      [ACME, 'acme-fitness'],
      [ZEN, 'zen-yoga'],
    ]);
    const scoped = (await alertsOf(await techAcme())).filter((a) => a.ruleId === 'memory_usage');
    expect(scoped.map((a) => a.series?.source)).toEqual([ACME]);
    const zen = memory.find((a) => a.tenant === 'zen-yoga') as AlertView;
    expect((await call(await techAcme(), 'GET', `/ops/alerts/${zen.id}`)).status).toBe(404);
  });

  it('keeps silences of the other brand, and global ones, away from a tenant-scoped admin', async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const zenSilence = await call<Silence>(await master(), 'POST', '/ops/silences', {
      matchers: { labels: { source: ZEN } },
      endsAt: until,
      comment: 'zen maintenance',
    });
    expect(zenSilence.status).toBe(201);
    const listed = (await call<{ items: Silence[] }>(await techAcme(), 'GET', '/ops/silences')).body.items;
    expect(listed).toEqual([]);
    expect((await call(await techAcme(), 'DELETE', `/ops/silences/${zenSilence.body.id}`)).status).toBe(404);
    const smuggled = await call(await techAcme(), 'POST', '/ops/silences', {
      matchers: { labels: { source: ZEN } },
      endsAt: until,
      comment: 'silence the other brand',
    });
    expect(smuggled.status).toBe(404);
    const everything = await call(await techAcme(), 'POST', '/ops/silences', {
      matchers: { labels: { team: 'platform' } },
      endsAt: until,
      comment: 'every metric of every brand',
    });
    expect(everything.status).toBe(404);
    expect((await call<{ items: Silence[] }>(await master(), 'GET', '/ops/silences')).body.items).toHaveLength(1);
  });

  it('gives each role only its modules: series, forecasts and alerts of the security module', async () => {
    const push = await call(await master(), 'POST', '/ops/data-points', {
      points: [
        { source: 'auth-feed', category: 'security', metric: 'failed_auth_attempts', value: 40 },
        { source: 'billing-feed', category: 'business', metric: 'revenue_today', value: 1200 },
      ],
    });
    expect(push.status).toBe(202);
    expect((await call(await master(), 'POST', '/ops/aggregate')).status).toBe(200);
    const range = `from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}&step=60`;
    const viewer = await as('viewer', 'read_only_viewer');
    const business = await as('business', 'business_admin');
    const compliance = await as('compliance', 'compliance_admin');
    expect((await call(viewer, 'GET', '/ops/metrics/failed_auth_attempts/forecast')).status).toBe(404);
    expect((await call(viewer, 'GET', `/ops/metrics/failed_auth_attempts/series?${range}`)).status).toBe(404);
    expect((await call(business, 'GET', `/ops/metrics/failed_auth_attempts/series?${range}`)).status).toBe(404);
    expect((await call(business, 'GET', `/ops/metrics/revenue_today/series?${range}`)).status).toBe(200);
    expect((await call(compliance, 'GET', `/ops/metrics/failed_auth_attempts/series?${range}`)).status).toBe(200);
    expect([200, 409]).toContain((await call(compliance, 'GET', '/ops/metrics/failed_auth_attempts/forecast')).status);

    const listed = async (token: string) =>
      (await call<{ items: Array<{ metric: string }> }>(token, 'GET', '/ops/metrics')).body.items.map((i) => i.metric);
    expect(await listed(business)).toContain('revenue_today');
    expect(await listed(business)).not.toContain('failed_auth_attempts');
    expect(await listed(viewer)).not.toContain('failed_auth_attempts');
    expect(await listed(compliance)).toContain('failed_auth_attempts');
    expect(await listed(await master())).toEqual(expect.arrayContaining(['failed_auth_attempts', 'revenue_today']));

    const security = (await alertsOf(await master())).filter((a) => a.module === 'security');
    expect(security.length).toBeGreaterThan(0);
    expect((await alertsOf(compliance)).filter((a) => a.module === 'security')).toHaveLength(security.length);
    expect((await alertsOf(business)).filter((a) => a.module === 'security')).toEqual([]);
    expect((await call(business, 'GET', `/ops/alerts/${security[0].id}`)).status).toBe(404);
  });
});
