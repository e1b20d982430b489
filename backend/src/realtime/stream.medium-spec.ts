import type { LiveUpdate } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { openSse, waitUntil, type SseClient } from '../../test/support/live-client';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';

const SOURCE = 'sse-hris';
const TOPIC = `source:${SOURCE}`;

describe('live stream over SSE (GET /api/v1/stream)', () => {
  let bed: SyncTestbed;
  let admin: Record<string, string>;
  const streams: SseClient[] = [];

  const open = async (query: string, headers: Record<string, string> = admin): Promise<SseClient> => {
    const client = await openSse(`${bed.app.baseUrl}/api/v1/stream?${query}`, headers);
    streams.push(client);
    return client;
  };
  const updatesOf = (client: SseClient) => client.events.filter((e) => e.event === 'update');
  const rename = async (name: string): Promise<void> => {
    expect((await bed.api(`/sources/${SOURCE}`, { method: 'PATCH', body: { name } })).status).toBe(200);
  };

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 11 });
    await bed.createSource(testSource(bed.simulator.url, { id: SOURCE }));
    admin = await bed.app.adminHeaders();
  });

  afterEach(() => {
    for (const client of streams.splice(0)) client.close();
  });

  afterAll(async () => {
    await bed.close();
  });

  it('refuses a stream without a token, with a bad topic or with a topic outside the caller’s rights', async () => {
    const anonymous = await open(`topics=${TOPIC}`, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    const bad = await open('topics=domain:payroll');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await open('')).status).toBe(400);

    const viewer = { authorization: `Bearer ${await bed.app.tokenFor('read_only_viewer')}` };
    const forbidden = await open('topics=domain:summary,crm:acme-fitness', viewer);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({
      error: { code: 'FORBIDDEN', message: expect.stringContaining('crm.read') as unknown },
    });

    const otherTenant = {
      authorization: `Bearer ${await bed.app.tokenFor('executive', { ...ALL_DATA, tenants: ['acme-fitness'] })}`,
    };
    expect((await open('topics=crm:zen-yoga', otherTenant)).status).toBe(403);
    expect((await open('topics=source:nope')).status).toBe(404);
  });

  it('streams updates whose ids carry the position, and resumes from Last-Event-ID without a gap', async () => {
    const first = await open(`topics=${TOPIC},domain:people`);
    expect(first.status).toBe(200);
    await rename('sse one');
    await rename('sse two');
    const seen = await waitUntil(() => (updatesOf(first).length >= 2 ? updatesOf(first) : null));
    const lastId = seen[1].id!;
    const second = (seen[1].data as LiveUpdate).seq;
    expect(lastId).toContain(`${TOPIC}=${second}`);
    expect(lastId).toContain('domain:people=');
    first.close();

    await rename('sse missed one');
    await rename('sse missed two');
    const resumed = await open(`topics=${TOPIC},domain:people`, { ...admin, 'last-event-id': lastId });
    const replayed = await waitUntil(() => (updatesOf(resumed).length >= 2 ? updatesOf(resumed) : null));
    expect(replayed.map((e) => (e.data as LiveUpdate).seq)).toEqual([second + 1, second + 2]);
    expect(replayed.map((e) => (e.data as LiveUpdate<{ action: string }>).data?.action)).toEqual([
      'updated',
      'updated',
    ]);
    expect(resumed.events.filter((e) => e.event === 'resync')).toEqual([]);

    // A stream token may come as ?access_token= for EventSource, which cannot send headers.
    const token = admin.authorization.slice('Bearer '.length);
    const viaQuery = await open(`topics=${TOPIC}&access_token=${token}`, {});
    expect(viaQuery.status).toBe(200);
    const logged = JSON.stringify(bed.app.logs.filter((l) => typeof l.url === 'string' && l.url.includes('/stream')));
    expect(logged).not.toContain(token);
  });

  it('answers resync for a position the buffer no longer holds', async () => {
    const stale = await open(`topics=${TOPIC}`, { ...admin, 'last-event-id': `${TOPIC}=999999` });
    const resync = await waitUntil(() => stale.events.find((e) => e.event === 'resync') ?? null);
    expect(resync.data).toMatchObject({ topic: TOPIC, reason: 'unknown_position' });
  });
});
