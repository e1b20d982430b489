import type { DashboardData, Freshness, Page, ProjectView, SubscribeAck } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { testRedisUrl } from '../../test/support/test-redis';
import { AccessTokensService, userPrincipal } from '../auth';
import * as simulatorSecrets from '@switchyard/simulator';
import { demoCredentials, demoSources, jiraProjectKeys } from '../demo';

const SOURCE = 'replica-hris';
const TOPIC = `source:${SOURCE}`;

describe('two instances sharing Postgres and Redis', () => {
  let a: SyncTestbed;
  let b: TestApp;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    // A prefix of its own, so parallel runs on one Redis never see each other.
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: `test-${randomUUID()}` };
    a = await startSyncTestbed({ seed: 5 }, env);
    // B keeps its in-memory source state for a minute: only A's message can refresh it sooner.
    b = await startTestApp(
      { SYNC_ENABLED: 'false', SOURCE_ALLOWED_HOSTS: '127.0.0.1', SOURCE_STATE_MAX_AGE_MS: '60000', ...env },
      { database: a.app.config.database },
    );
    await a.createSource(testSource(a.simulator.url, { id: SOURCE }));
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await b.close();
    await a.close();
  });

  const connect = async (app: TestApp): Promise<LiveClient> => {
    const client = await connectLive(app.baseUrl, await app.tokenFor('master_admin'));
    clients.push(client);
    return client;
  };

  it('delivers an event raised on one instance to clients of both, numbered once and in order', async () => {
    const onA = await connect(a.app);
    const onB = await connect(b);
    const ackA = await onA.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    const ackB = await onB.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    // Creating the source was its first update.
    expect(ackA.results[0]).toMatchObject({ granted: true, seq: 1 });
    expect(ackB.results[0]).toMatchObject({ granted: true, seq: 1 });

    // Writes through both instances, some at the same moment: one sequence per topic.
    const headersB = await b.adminHeaders();
    const renameOn = (baseUrl: string, headers: Record<string, string>, name: string) =>
      fetch(`${baseUrl}/api/v1/sources/${SOURCE}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      }).then((r) => expect(r.status).toBe(200));
    const headersA = await a.app.adminHeaders();
    await renameOn(a.app.baseUrl, headersA, 'from A');
    await renameOn(b.baseUrl, headersB, 'from B');
    await Promise.all([
      renameOn(a.app.baseUrl, headersA, 'together A1'),
      renameOn(b.baseUrl, headersB, 'together B1'),
      renameOn(a.app.baseUrl, headersA, 'together A2'),
      renameOn(b.baseUrl, headersB, 'together B2'),
    ]);

    const seqs = [2, 3, 4, 5, 6, 7];
    expect((await onB.updatesOf(TOPIC, 6)).map((u) => u.seq)).toEqual(seqs);
    expect((await onA.updatesOf(TOPIC, 6)).map((u) => u.seq)).toEqual(seqs);
    expect(onA.updates).toEqual(onB.updates);
  });

  it('closes a disabled user’s sockets on every instance', async () => {
    const created = await a.api<{ id: string }>('/users', {
      method: 'POST',
      body: {
        email: 'leaver@test.local',
        displayName: 'Leaver',
        password: 'a-long-enough-password',
        roles: ['executive'],
        dataScopes: { tenants: '*', departments: '*', teams: '*', portfolios: '*' },
      },
    });
    expect(created.status).toBe(201);
    const principal = userPrincipal({
      id: created.body.id,
      email: 'leaver@test.local',
      displayName: 'Leaver',
      roles: ['executive'],
      dataScopes: ALL_DATA,
    });
    const token = (await b.app.get(AccessTokensService).issue(principal)).token;
    const leaver = await connectLive(b.baseUrl, token);
    clients.push(leaver);
    const bystander = await connect(b);
    expect((await a.api(`/users/${created.body.id}`, { method: 'PATCH', body: { disabled: true } })).status).toBe(200);
    expect(await leaver.disconnected()).toBe('io server disconnect');
    expect(leaver.events.map((e) => e.event)).toContain('auth_expired');
    expect(bystander.socket.connected).toBe(true);
  });

  it('reports Redis in readiness', async () => {
    const response = await fetch(`${b.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('"redis"');
  });

  it('resumes on one instance what was raised on the other', async () => {
    const first = await connect(b);
    const ack = await first.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    const seen = ack.results[0].granted ? ack.results[0].seq : -1;
    first.close();
    await a.api(`/sources/${SOURCE}`, { method: 'PATCH', body: { name: 'while away' } });
    const second = await connect(a.app);
    await waitUntil(async () => {
      const ackResume = await second.request<{ ok: boolean; replayed?: number }>('resume', {
        topic: TOPIC,
        afterSeq: seen,
      });
      return ackResume.ok && ackResume.replayed === 1 ? true : null;
    });
    expect(second.updates.map((u) => u.seq)).toEqual([seen + 1]);
  });

  it('recomputes the other instance’s cached dashboard when one instance syncs projects', async () => {
    for (const credential of demoCredentials(simulatorSecrets, [], `whsec_${Buffer.alloc(24, 7).toString('base64')}`)) {
      if (credential.id === 'jira') await a.api('/credentials', { method: 'POST', body: credential });
    }
    const keys = await jiraProjectKeys(a.simulator.url, simulatorSecrets);
    const jira = demoSources(a.simulator.url, [], simulatorSecrets, keys).find((s) => s.id === 'jira-projects');
    await a.createSource(jira!);
    await a.sync('jira-projects');
    const token = await b.tokenFor('executive');
    const get = async <T>(app: TestApp, path: string) =>
      (await (
        await fetch(`${app.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as T;
    const scores = (items: ProjectView[]) => Object.fromEntries(items.map((p) => [p.id, p.healthScore]));
    const shownOnB = async () => {
      const dashboard = await get<DashboardData>(b, '/dashboard-data');
      return scores([...dashboard.topProjects.atRisk, ...dashboard.topProjects.highPerforming]);
    };
    const cachedOnB = await shownOnB();
    expect(Object.keys(cachedOnB).length).toBeGreaterThan(0);
    const listOnB = async () => (await get<Page<ProjectView>>(b, '/projects?pageSize=200')).items;
    const lastSuccessOnB = async () =>
      (await get<Page<ProjectView> & { freshness: Freshness }>(b, '/projects?pageSize=1')).freshness.sources.find(
        (s) => s.id === 'jira-projects',
      )?.lastSuccessAt;
    const listBefore = scores(await listOnB());
    const successBefore = await lastSuccessOnB();
    const etagOf = async (app: TestApp) =>
      (
        await fetch(`${app.baseUrl}/api/v1/dashboard-data`, { headers: { authorization: `Bearer ${token}` } })
      ).headers.get('etag');
    const etagBefore = await etagOf(b);

    a.simulator.advance('jira', 60);
    await a.sync('jira-projects');
    const now = scores((await get<Page<ProjectView>>(a.app, '/projects?pageSize=200')).items);
    const expected = Object.fromEntries(Object.keys(cachedOnB).map((id) => [id, now[id]]));
    expect(expected).not.toEqual(cachedOnB); // the precondition: the shown projects' scores moved
    // B hears of the change through Redis only; its next answer is computed afresh.
    const seen = await waitUntil(async () => {
      const shown = await shownOnB();
      return Object.entries(shown).every(([id, score]) => now[id] === score) ? shown : null;
    }, 10_000);
    expect(seen).not.toEqual(cachedOnB);
    // B's cached project list, its ETag and its in-memory source state follow A's sync too.
    const listAfter = await waitUntil(async () => {
      const shown = scores(await listOnB());
      return Object.entries(now).every(([id, score]) => shown[id] === score) ? shown : null;
    }, 10_000);
    expect(listAfter).not.toEqual(listBefore);
    expect(await etagOf(b)).not.toBe(etagBefore);
    const successOnA = (
      await get<Page<ProjectView> & { freshness: Freshness }>(a.app, '/projects?pageSize=1')
    ).freshness.sources.find((s) => s.id === 'jira-projects')?.lastSuccessAt;
    expect(successOnA).not.toBe(successBefore);
    expect(await waitUntil(async () => ((await lastSuccessOnB()) === successOnA ? true : null), 3_000)).toBe(true);
  });
});
