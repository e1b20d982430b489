import type {
  AlertView,
  DashboardSubscribeAck,
  DataScopes,
  LiveUpdate,
  MetricsAck,
  Page,
  ProjectView,
  Role,
  SubscribeAck,
} from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { startDomainTestbed, type DomainTestbed } from '../../test/support/domain-testbed';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { AccessTokensService, clientPrincipal, userPrincipal } from '../auth';

/**
 * Seed 001's WebSocket section read as an integrator would, over real Socket.IO connections:
 * one test per documented room, client event and server event, each quoting its line.
 */
describe('blueprint 001: real-time WebSocket API', () => {
  let bed: DomainTestbed;
  const clients: LiveClient[] = [];

  const tokenOf = async (id: string, role: Role, dataScopes: DataScopes = ALL_DATA): Promise<string> => {
    const principal = userPrincipal({ id, email: `${id}@test.local`, displayName: id, roles: [role], dataScopes });
    return (await bed.app.app.get(AccessTokensService).issue(principal)).token;
  };
  const connect = async (token: string): Promise<LiveClient> => {
    const client = await connectLive(bed.app.baseUrl, token);
    clients.push(client);
    return client;
  };
  const subscribe = (client: LiveClient, topics: string[]) => client.request<SubscribeAck>('subscribe', { topics });
  const api = async (role: Role, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${bed.app.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await bed.app.tokenFor(role)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as unknown };
  };
  const named = (client: LiveClient, event: string) => client.events.filter((e) => e.event === event);

  // Every demo source syncs once first: on a loaded machine that takes longer than one test.
  beforeAll(async () => {
    bed = await startDomainTestbed();
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  }, 180_000);

  afterAll(async () => {
    await bed.close();
  });

  it('"socket.join(`user:${socket.userId}`)": your own user room only', async () => {
    const me = randomUUID();
    const client = await connect(await tokenOf(me, 'executive'));
    const ack = await subscribe(client, [`user:${me}`, `user:${randomUUID()}`]);
    expect(ack.results).toEqual([
      { topic: `user:${me}`, granted: true, seq: expect.any(Number) as unknown },
      expect.objectContaining({ granted: false, code: 'forbidden' }),
    ]);
    const service = clientPrincipal({ id: 'svc-1', name: 'svc', scopes: ['read:dashboard'], dataScopes: ALL_DATA });
    const serviceClient = await connect((await bed.app.app.get(AccessTokensService).issue(service)).token);
    expect((await subscribe(serviceClient, ['user:svc-1'])).results[0]).toMatchObject({ granted: false });
  });

  it('"this.io.to(`user:${target}`).emit(\'alert:new\', data)": a firing alert reaches the user room as alert:new', async () => {
    const me = randomUUID();
    const admin = await connect(await tokenOf(me, 'master_admin'));
    expect((await subscribe(admin, [`user:${me}`])).results[0].granted).toBe(true);
    const rule = {
      id: 'seed001_cpu',
      name: 'seed 001 cpu',
      metric: 'seed001_cpu',
      warning: 70,
      critical: 85,
      direction: 'above',
      holdSeconds: 0,
      noDataAfterSeconds: 600,
    };
    expect((await api('master_admin', 'POST', '/ops/alert-rules', rule)).status).toBe(201);
    const points = { points: [{ source: 'seed001', category: 'system_health', metric: 'seed001_cpu', value: 97 }] };
    expect((await api('technical_admin', 'POST', '/ops/data-points', points)).status).toBe(202);
    const [event] = await waitUntil(() => {
      const found = named(admin, 'alert:new');
      return found.length > 0 ? found : null;
    });
    expect(event.payload).toMatchObject({ ruleId: 'seed001_cpu', state: 'firing', module: 'system' });
    // Beside the blueprint's name, the product's own `update` on the same topic.
    const update = admin.updates.find((u) => u.topic === `user:${me}`);
    expect((update?.data as { alert: AlertView }).alert.id).toBe((event.payload as AlertView).id);
  });

  it('"socket.join(`portfolio:${portfolio}`)" and "emit(\'portfolio:update\', data)": within your data scope', async () => {
    const scoped = await connect(
      await tokenOf(randomUUID(), 'executive', { ...ALL_DATA, portfolios: ['Technology', 'Operations'] }),
    );
    const ack = await subscribe(scoped, ['portfolio:Technology', 'portfolio:Operations', 'portfolio:Business']);
    expect(ack.results.map((r) => [r.topic, r.granted])).toEqual([
      ['portfolio:Technology', true],
      ['portfolio:Operations', true],
      ['portfolio:Business', false],
    ]);
    expect((await subscribe(scoped, ['portfolio:Nowhere'])).results[0]).toMatchObject({ code: 'not_found' });
    const all = await connect(await tokenOf(randomUUID(), 'executive'));
    await subscribe(all, ['portfolio:Technology', 'portfolio:Operations', 'portfolio:Business']);
    bed.simulator.advance('jira', 60);
    expect((await bed.sync('jira-projects')).recordsUpserted).toBeGreaterThan(0);
    const [event] = await waitUntil(() => {
      const found = named(all, 'portfolio:update');
      return found.length > 0 ? found : null;
    });
    const update = event.payload as LiveUpdate;
    expect(update.topic).toMatch(/^portfolio:(Technology|Operations|Business)$/);
    expect(update).toMatchObject({ type: 'records.changed', data: { domain: 'projects' } });
  });

  it('"this.io.to(`project:${target}`).emit(\'project:update\', data)": project:PRJ-… is a topic', async () => {
    const projects = (await bed.getAs<Page<ProjectView>>('executive', '/projects?limit=1000')).body.items;
    const executive = await tokenOf(randomUUID(), 'executive');
    const watchers: LiveClient[] = [];
    for (let i = 0; i < projects.length; i += 90) {
      const client = await connect(executive);
      const ack = await subscribe(
        client,
        projects.slice(i, i + 90).map((p) => `project:${p.id}`),
      );
      expect(ack.results.every((r) => r.granted)).toBe(true);
      watchers.push(client);
    }
    const unknown = await subscribe(watchers[0], ['project:PRJ-NOPE-1', 'project:a b']);
    expect(unknown.results.map((r) => (r.granted ? 'granted' : r.code))).toEqual(['not_found', 'invalid_topic']);
    const outside = await connect(await tokenOf(randomUUID(), 'read_only_viewer'));
    expect((await subscribe(outside, [`project:${projects[0].id}`])).results[0]).toMatchObject({ code: 'forbidden' });

    bed.simulator.advance('jira', 60);
    const run = await bed.sync('jira-projects');
    expect(run.recordsUpserted).toBeGreaterThan(0);
    const event = await waitUntil(() => watchers.flatMap((w) => named(w, 'project:update'))[0] ?? null);
    const update = event.payload as LiveUpdate<{ projectId: string }>;
    expect(update.topic).toBe(`project:${update.data?.projectId}`);
    expect(projects.map((p) => p.id)).toContain(update.data?.projectId);
  });

  it('"this.io.emit(\'system:update\', data)": the operations snapshot, to those following ops', async () => {
    const client = await connect(await tokenOf(randomUUID(), 'technical_admin'));
    expect((await subscribe(client, ['ops'])).results[0].granted).toBe(true);
    expect((await api('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
    const [event] = await waitUntil(() => {
      const found = named(client, 'system:update');
      return found.length > 0 ? found : null;
    });
    expect(event.payload).toMatchObject({ topic: 'ops', type: 'ops.snapshot' });
  });

  it('"socket.on(\'subscribe:dashboard\', …) … socket.emit(\'dashboard:data\', dashboardData)" with "Math.max(refreshInterval, 10000)"', async () => {
    const client = await connect(await tokenOf(randomUUID(), 'executive'));
    const ack = await client.request<DashboardSubscribeAck>('subscribe:dashboard', {
      portfolio: 'Technology',
      refreshInterval: 1000,
    });
    expect(ack).toMatchObject({ ok: true, topic: 'dashboard:Technology', refreshInterval: 10_000 });
    const data = await waitUntil(() => named(client, 'dashboard:data')[0]?.payload ?? null);
    expect(data).toMatchObject({ portfolio: 'Technology', kpis: expect.any(Object) as unknown });
  });

  it("\"socket.emit('error', { message: 'Access denied to portfolio' })\": the acknowledgement says forbidden", async () => {
    const client = await connect(await tokenOf(randomUUID(), 'executive', { ...ALL_DATA, portfolios: ['Technology'] }));
    const ack = await client.request<DashboardSubscribeAck>('subscribe:dashboard', { portfolio: 'Business' });
    expect(ack).toMatchObject({ ok: false, code: 'forbidden' });
    expect(named(client, 'dashboard:data')).toEqual([]);
  });

  it("\"socket.on('request:metrics', …) … socket.emit('metrics:data', metricsData)\"", async () => {
    const client = await connect(await tokenOf(randomUUID(), 'executive'));
    const ack = await client.request<MetricsAck>('request:metrics', {
      portfolio: 'All',
      metrics: ['riskExposureScore', 'resourceUtilizationRate'],
    });
    expect(ack).toMatchObject({ ok: true, portfolio: 'All' });
    if (!ack.ok) throw new Error(ack.reason);
    expect(Object.keys(ack.metrics)).toEqual(['riskExposureScore', 'resourceUtilizationRate']);
    const emitted = await waitUntil(() => named(client, 'metrics:data')[0]?.payload ?? null);
    expect(emitted).toEqual(ack);
  });
});
