import type {
  DashboardSubscribeAck,
  LiveHeartbeat,
  LiveUpdate,
  MetricsAck,
  ResumeAck,
  SubscribeAck,
  TopicGrant,
} from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { seedCrmTenants, startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { AccessTokensService, userPrincipal } from '../auth';

const SOURCE = 'live-hris';
const isFreshNow = (u: LiveUpdate): boolean =>
  u.type === 'freshness.changed' && (u.data as { state?: string } | null)?.state === 'fresh';
const TOPIC = `source:${SOURCE}`;

describe('live stream over Socket.IO /live (one instance, sequence numbers in the database)', () => {
  let bed: SyncTestbed;
  let adminToken: string;
  const clients: LiveClient[] = [];

  const connect = async (token: string | null): Promise<LiveClient> => {
    const client = await connectLive(bed.app.baseUrl, token);
    clients.push(client);
    return client;
  };
  const rename = async (name: string): Promise<void> => {
    const { status } = await bed.api(`/sources/${SOURCE}`, { method: 'PATCH', body: { name } });
    expect(status).toBe(200);
  };
  const seqOf = (ack: SubscribeAck, topic: string): number => {
    const grant = grantOf(ack, topic);
    if (!grant.granted) throw new Error(`${topic} refused: ${grant.reason}`);
    return grant.seq;
  };
  const grantOf = (ack: SubscribeAck, topic: string): TopicGrant => {
    const grant = ack.results.find((r) => r.topic === topic);
    if (!grant) throw new Error(`no answer for ${topic}`);
    return grant;
  };

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 7 }, { LIVE_BUFFER_SIZE: '10', LIVE_HEARTBEAT_SECONDS: '1' });
    await bed.createSource(testSource(bed.simulator.url, { id: SOURCE }));
    await seedCrmTenants(bed.app, ['acme-fitness']);
    adminToken = await bed.app.tokenFor('master_admin');
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    await bed.close();
  });

  it('refuses a handshake without a token or with a forged one', async () => {
    await expect(connect(null)).rejects.toMatchObject({ message: 'unauthenticated' });
    const forged = `${adminToken.slice(0, -4)}AAAA`;
    await expect(connect(forged)).rejects.toMatchObject({
      message: 'unauthenticated',
      data: { code: 'UNAUTHENTICATED' },
    });
  });

  it('grants allowed topics with their seq and refuses the rest with a reason', async () => {
    const viewer = await connect(await bed.app.tokenFor('read_only_viewer'));
    const ack = await viewer.request<SubscribeAck>('subscribe', {
      topics: ['domain:summary', 'crm:acme-fitness', TOPIC, 'alerts', 'nonsense', 'domain:payroll'],
    });
    expect(grantOf(ack, 'domain:summary')).toEqual({ topic: 'domain:summary', granted: true, seq: 0 });
    expect(grantOf(ack, 'crm:acme-fitness')).toMatchObject({
      granted: false,
      code: 'forbidden',
      reason: expect.stringContaining('crm.read') as unknown,
    });
    expect(grantOf(ack, TOPIC)).toMatchObject({ granted: false, code: 'forbidden' });
    expect(grantOf(ack, 'alerts')).toMatchObject({ granted: false, code: 'forbidden' });
    expect(grantOf(ack, 'nonsense')).toMatchObject({ granted: false, code: 'invalid_topic' });
    expect(grantOf(ack, 'domain:payroll')).toMatchObject({ granted: false, code: 'invalid_topic' });

    // Another tenant's CRM topic is refused like another tenant's REST data.
    const scoped = await connect(
      await bed.app.tokenFor('executive', { ...ALL_DATA, tenants: ['acme-fitness'], portfolios: ['Technology'] }),
    );
    const scopedAck = await scoped.request<SubscribeAck>('subscribe', {
      topics: ['crm:acme-fitness', 'crm:zen-yoga', 'dashboard:Technology', 'dashboard:Business', 'dashboard:Nowhere'],
    });
    expect(grantOf(scopedAck, 'crm:acme-fitness').granted).toBe(true);
    expect(grantOf(scopedAck, 'crm:zen-yoga')).toMatchObject({
      granted: false,
      code: 'forbidden',
      reason: expect.stringContaining('zen-yoga') as unknown,
    });
    expect(grantOf(scopedAck, 'dashboard:Technology').granted).toBe(true);
    expect(grantOf(scopedAck, 'dashboard:Business')).toMatchObject({ granted: false, code: 'forbidden' });
    expect(grantOf(scopedAck, 'dashboard:Nowhere')).toMatchObject({ granted: false, code: 'not_found' });

    const admin = await connect(adminToken);
    const missing = await admin.request<SubscribeAck>('subscribe', { topics: ['source:no-such-source'] });
    expect(missing.results[0]).toMatchObject({ granted: false, code: 'not_found' });
  });

  it('pushes a refresh through the API as consecutive updates, the first one higher than the granted seq', async () => {
    const admin = await connect(adminToken);
    const ack = await admin.request<SubscribeAck>('subscribe', { topics: [TOPIC, 'domain:people', 'domain:summary'] });
    const start = seqOf(ack, TOPIC);
    const run = await bed.sync(SOURCE, 'full');
    expect(run.status).toBe('succeeded');

    const updates = await waitUntil(() => {
      const found = admin.updates.filter((u) => u.topic === TOPIC);
      // The first success also turns the new source's freshness to fresh: wait for that too,
      // so nothing from this run is still on its way when the next test counts updates.
      const settled = found.some((u) => u.type === 'sync.finished') && found.some(isFreshNow);
      return settled ? found : null;
    });
    expect(updates.map((u) => u.seq)).toEqual(updates.map((_, i) => start + 1 + i));
    // Freshness changes of the source may come in between; the run's own updates are in order.
    const runTypes = updates.map((u) => u.type).filter((t) => t !== 'freshness.changed');
    expect(runTypes).toEqual(['sync.started', 'records.changed', 'sync.finished']);
    const changed = updates.find((u) => u.type === 'records.changed') as LiveUpdate<{ upserted: number }>;
    expect(changed.data?.upserted).toBe(run.recordsUpserted);
    expect(changed.freshness).toMatchObject({ state: 'fresh', sources: [expect.objectContaining({ id: SOURCE })] });
    expect(Date.parse(changed.publishedAt)).not.toBeNaN();

    const people = await waitUntil(() => {
      const found = admin.updates.filter((u) => u.topic === 'domain:people');
      return found.some((u) => u.type === 'records.changed') ? found : null;
    });
    const peopleStart = seqOf(ack, 'domain:people');
    expect(people.map((u) => u.seq)).toEqual(people.map((_, i) => peopleStart + 1 + i));
    const peopleChange = people.find((u) => u.type === 'records.changed');
    expect(peopleChange?.freshness?.sources.map((s) => s.id)).toEqual([SOURCE]);
    await admin.updatesOf('domain:summary', 1);

    // An API write is an event too, numbered after everything before it. A freshness change
    // judged after the run may still be on its way, so the check is: no gap in the topic's
    // numbering, and the rename numbered above everything seen before it was made.
    const last = admin.updates.filter((u) => u.topic === TOPIC).at(-1)!.seq;
    await rename('Live HRIS (renamed)');
    const renamed = await waitUntil(() => admin.updates.find((u) => u.type === 'source.changed') ?? null);
    expect(renamed).toMatchObject({ topic: TOPIC, data: { sourceId: SOURCE, action: 'updated' } });
    expect(renamed.seq).toBeGreaterThan(last);
    const topicSeqs = admin.updates.filter((u) => u.topic === TOPIC).map((u) => u.seq);
    expect(topicSeqs).toEqual(topicSeqs.map((_, i) => start + 1 + i));
  });

  it('replays every missed update in order after a reconnect, and answers resync once the buffer has moved on', async () => {
    const first = await connect(adminToken);
    const ack = await first.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    const seen = seqOf(ack, TOPIC);
    first.close();

    for (let i = 0; i < 4; i += 1) await rename(`missed ${i}`);
    const second = await connect(adminToken);
    const resumed = await second.request<ResumeAck>('resume', { topic: TOPIC, afterSeq: seen });
    expect(resumed).toEqual({ topic: TOPIC, ok: true, replayed: 4 });
    expect(second.updates.map((u) => u.seq)).toEqual([seen + 1, seen + 2, seen + 3, seen + 4]);
    expect(second.updates.map((u) => (u.data as { action: string }).action)).toEqual([
      'updated',
      'updated',
      'updated',
      'updated',
    ]);

    // Live updates continue after the replay without a gap or a duplicate.
    await rename('after resume');
    await second.updatesOf(TOPIC, 5);
    expect(second.updates.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5].map((n) => seen + n));

    // Nothing missed: nothing replayed.
    const current = seen + 5;
    const third = await connect(adminToken);
    expect(await third.request<ResumeAck>('resume', { topic: TOPIC, afterSeq: current })).toEqual({
      topic: TOPIC,
      ok: true,
      replayed: 0,
    });
    third.close();

    // The buffer keeps 10 updates per topic: 12 later, resuming from `current` is impossible.
    for (let i = 0; i < 12; i += 1) await rename(`overflow ${i}`);
    const fourth = await connect(adminToken);
    const overflowed = await fourth.request<ResumeAck>('resume', { topic: TOPIC, afterSeq: current });
    expect(overflowed).toMatchObject({ topic: TOPIC, ok: false, code: 'resync' });
    expect(fourth.resyncs).toEqual([{ topic: TOPIC, seq: current + 12, reason: 'buffer_overflow' }]);
    expect(fourth.updates).toEqual([]);
    // After the resync the client is at the current seq and receives what comes next.
    await rename('after resync');
    expect((await fourth.updatesOf(TOPIC, 1))[0].seq).toBe(current + 13);

    // A position from the future is answered with a resync too.
    const fifth = await connect(adminToken);
    expect(await fifth.request<ResumeAck>('resume', { topic: TOPIC, afterSeq: current + 1000 })).toMatchObject({
      ok: false,
      code: 'resync',
    });
    expect(fifth.resyncs[0]).toMatchObject({ reason: 'unknown_position', seq: current + 13 });
  });

  it('exports connection, subscription, message and latency metrics', async () => {
    const admin = await connect(adminToken);
    await admin.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    await rename('metrics');
    await admin.updatesOf(TOPIC, 1);
    const text = await (await fetch(`${bed.app.baseUrl}/metrics`)).text();
    expect(text).toMatch(/^switchyard_live_connections\{transport="socket"\} [1-9]/m);
    expect(text).toContain(`switchyard_live_subscriptions{topic="${TOPIC}"} 1`);
    expect(text).toMatch(/^switchyard_live_messages_sent_total\{transport="socket",event="update"\} [1-9]/m);
    expect(text).toMatch(/^switchyard_live_event_to_emit_seconds_count [1-9]/m);
    expect(text).toContain('switchyard_live_resyncs_total{reason="buffer_overflow"} 1');
  });

  it('sends heartbeats with each topic seq and the token lifetime', async () => {
    const admin = await connect(adminToken);
    const ack = await admin.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    const beat = await waitUntil(
      () => (admin.events.find((e) => e.event === 'heartbeat')?.payload as LiveHeartbeat | undefined) ?? null,
      5000,
    );
    expect(beat.seqs).toEqual({ [TOPIC]: seqOf(ack, TOPIC) });
    expect(beat.tokenExpiresIn).toBeGreaterThan(800);
  });

  it('disconnects a client whose token expires, unless reauth renewed it', async () => {
    const tokens = bed.app.app.get(AccessTokensService);
    const principal = userPrincipal({
      id: randomUUID(),
      email: 'short@test.local',
      displayName: 'Short',
      roles: ['master_admin'],
      dataScopes: ALL_DATA,
    });
    const expiring = await connect((await tokens.issue(principal, 2)).token);
    const renewed = await connect((await tokens.issue(principal, 2)).token);
    const longToken = (await tokens.issue(principal)).token;
    expect(await renewed.request('reauth', { token: longToken })).toMatchObject({
      ok: true,
      expiresIn: expect.any(Number) as unknown,
    });
    const someoneElse = await bed.app.tokenFor('master_admin');
    expect(await renewed.request('reauth', { token: someoneElse })).toEqual({
      ok: false,
      reason: 'the token belongs to someone else',
    });

    expect(await expiring.disconnected()).toBe('io server disconnect');
    expect(expiring.events.map((e) => e.event)).toContain('auth_expired');
    expect(renewed.socket.connected).toBe(true);
  });

  it('serves the executive dashboard subscription with a refresh interval of at least 10 s, and metrics on request', async () => {
    const exec = await connect(await bed.app.tokenFor('executive'));
    const ack = await exec.request<DashboardSubscribeAck>('subscribe:dashboard', {
      portfolio: 'Technology',
      refreshInterval: 1000,
    });
    expect(ack).toEqual({
      ok: true,
      topic: 'dashboard:Technology',
      seq: expect.any(Number) as unknown,
      refreshInterval: 10_000,
    });
    const data = await waitUntil(() => exec.events.find((e) => e.event === 'dashboard:data')?.payload ?? null);
    expect(data).toMatchObject({
      portfolio: 'Technology',
      kpis: expect.any(Object) as unknown,
      freshness: expect.any(Object) as unknown,
    });

    const metrics = await exec.request<MetricsAck>('request:metrics', {
      portfolio: 'Technology',
      metrics: ['portfolioHealthScore'],
    });
    const rest = await bed.api<{ kpis: Record<string, unknown> }>('/dashboard-data?portfolio=Technology');
    expect(metrics).toMatchObject({
      ok: true,
      portfolio: 'Technology',
      metrics: { portfolioHealthScore: rest.body.kpis.portfolioHealthScore },
    });
    expect(Object.keys(metrics.ok ? metrics.metrics : {})).toEqual(['portfolioHealthScore']);
    expect(await exec.request<MetricsAck>('request:metrics', { metrics: ['bogus'] })).toMatchObject({
      ok: false,
      code: 'invalid_request',
    });

    const viewer = await connect(await bed.app.tokenFor('team_manager', { ...ALL_DATA, portfolios: ['Business'] }));
    expect(await viewer.request('subscribe:dashboard', { portfolio: 'Technology' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await viewer.request('subscribe:dashboard', {})).toMatchObject({ ok: false, code: 'invalid_request' });
  });

  it('closes a connection that sends a frame over the message size limit', async () => {
    const admin = await connect(adminToken);
    admin.socket.emit('subscribe', { topics: ['x'.repeat(70_000)] });
    expect(await admin.disconnected()).toBe('transport close');
  });
});
