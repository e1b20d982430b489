import type { ResumeAck, SubscribeAck } from '@switchyard/contracts';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { startPrivatePostgres, type PrivatePostgres } from '../../test/faults/private-services';
import { expectReconciled } from '../../test/faults/reconcile';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';

const TOPIC = 'source:db-hris';
const SECRET = `whsec_${Buffer.alloc(24, 5).toString('base64')}`;

/** The API error format, and nothing of the database's own words in it. */
function expectApiError(status: number, text: string): void {
  expect(status).toBe(503);
  const body = JSON.parse(text) as { error?: { code?: string; message?: string; traceId?: string } };
  expect(body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  expect(typeof body.error?.message).toBe('string');
  expect(typeof body.error?.traceId).toBe('string');
  expect(text).not.toMatch(/ECONNREFUSED|terminating connection|QueryFailedError|SELECT|INSERT|UPDATE |\bat \S+ \(/);
}

// The database is stopped (immediate shutdown, like a crash) while API writes, live
// updates and webhooks keep coming, then started again. While it is down the API says
// 503 in its error format; nothing it acknowledged is lost.
describe('fault: database stopped and restarted', () => {
  let cluster: PrivatePostgres;
  let bed: SyncTestbed;
  let live: LiveClient;
  let admin: Record<string, string>;

  beforeAll(async () => {
    cluster = await startPrivatePostgres();
    bed = await startSyncTestbed(
      { seed: 3 },
      {},
      {
        database: { kind: 'postgres', url: cluster.url, poolSize: 5, healthTimeoutMs: 1000 },
      },
    );
    await bed.api('/credentials', {
      method: 'POST',
      body: { id: 'db-hooks', name: 'hooks', kind: 'webhook-secret', secret: SECRET },
    });
    await bed.createSource(testSource(bed.simulator.url, { id: 'db-hris' }));
    await bed.createSource({
      id: 'db-calendar',
      name: 'Calendar push',
      kind: 'webhook',
      connector: { id: 'simulator-calendar', stream: 'events' },
      cadence: { type: 'interval', everySeconds: 600 },
      freshness: { warnAfterSeconds: 3600, staleAfterSeconds: 7200 },
      webhookSecretCredentialId: 'db-hooks',
    });
    admin = await bed.app.adminHeaders();
    live = await connectLive(bed.app.baseUrl, await bed.app.tokenFor('master_admin'));
  });

  afterAll(async () => {
    live.close();
    await bed.close().catch(() => undefined);
    await cluster.destroy();
  });

  const rename = (name: string) =>
    fetch(`${bed.app.baseUrl}/api/v1/sources/db-hris`, {
      method: 'PATCH',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });

  it('answers 503 while down, loses nothing it acknowledged, and numbers updates on after', async () => {
    const ack = await live.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    const start = ack.results[0].granted ? ack.results[0].seq : -1;
    let sent = 0;
    let acknowledged = 0;
    let failed = 0;
    let lastAcknowledged = '';
    const write = async (name: string) => {
      sent += 1;
      const response = await rename(name);
      const text = await response.text();
      if (response.status === 200) {
        acknowledged += 1;
        lastAcknowledged = name;
      } else {
        failed += 1;
        expectApiError(response.status, text);
      }
      return response.status;
    };
    for (let i = 0; i < 3; i += 1) expect(await write(`before ${i}`)).toBe(200);

    await cluster.stop();
    for (let i = 0; i < 3; i += 1) expect(await write(`during ${i}`)).toBe(503);
    const read = await fetch(`${bed.app.baseUrl}/api/v1/sources`, { headers: admin });
    expectApiError(read.status, await read.text());
    expect((await fetch(`${bed.app.baseUrl}/health/ready`)).status).toBe(503);
    expect((await fetch(`${bed.app.baseUrl}/health/live`)).status).toBe(200);

    await cluster.start();
    await waitUntil(
      async () => ((await fetch(`${bed.app.baseUrl}/health/ready`)).status === 200 ? true : null),
      30_000,
    );
    for (let i = 0; i < 3; i += 1) expect(await write(`after ${i}`)).toBe(200);

    const received = () => [...new Set(live.updates.filter((u) => u.topic === TOPIC).map((u) => u.seq))];
    await waitUntil(async () => {
      if (received().length >= acknowledged) return true;
      let contiguous = start;
      while (received().includes(contiguous + 1)) contiguous += 1;
      await live.request<ResumeAck>('resume', { topic: TOPIC, afterSeq: contiguous });
      return null;
    });
    // Every acknowledged write is one update, numbered without a gap; an update the client
    // only got by resuming (the loop above) arrives after the ones that overtook it.
    const seqs = received().sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: acknowledged }, (_, i) => start + 1 + i));
    expect((await bed.source('db-hris')).name).toBe(lastAcknowledged);
    const now = await live.request<SubscribeAck>('subscribe', { topics: [TOPIC] });
    expectReconciled('database-restart-api-writes', {
      sent,
      acknowledged,
      stored: now.results[0].granted ? now.results[0].seq - start : -1,
      delivered: seqs.length,
      failed,
    });
  });

  it('refuses webhooks while down (no 2xx, so the sender retries) and stores the retry once back', async () => {
    const deliver = async (id: string, eventId: string) => {
      const body = JSON.stringify({
        items: [
          {
            id: eventId,
            title: 'Vendor sync',
            location: 'HQ',
            timeZone: 'UTC',
            start: '2026-03-09T09:00:00',
            end: '2026-03-09T10:00:00',
            organizer: 'ops@example.com',
            cancelled: false,
            updated: new Date().toISOString(),
          },
        ],
      });
      const now = new Date();
      const response = await fetch(`${bed.app.baseUrl}/api/v1/sources/db-calendar/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Webhook(SECRET).sign(id, now, body),
        },
        body,
      });
      return { status: response.status, text: await response.text() };
    };
    const calendarTopic = 'source:db-calendar';
    expect((await live.request<SubscribeAck>('subscribe', { topics: [calendarTopic] })).results[0].granted).toBe(true);
    const outcomes: number[] = [];
    outcomes.push((await deliver('msg_db_1', 'evt-db-1')).status);
    await cluster.stop();
    const refused = await deliver('msg_db_2', 'evt-db-2');
    expectApiError(refused.status, refused.text);
    outcomes.push(refused.status);
    await cluster.start();
    await waitUntil(
      async () => ((await fetch(`${bed.app.baseUrl}/health/ready`)).status === 200 ? true : null),
      30_000,
    );
    outcomes.push((await deliver('msg_db_2', 'evt-db-2')).status); // the sender's retry
    const acknowledged = outcomes.filter((s) => s === 200).length;
    const stored: Array<{ count: string }> = await bed.app.app
      .get(DataSource)
      .query(`SELECT count(*) FROM calendar_events WHERE source_id = 'db-calendar'`);
    // Each stored event is announced twice on its source topic: records changed, run finished.
    const announced = (type: string) => live.updates.filter((u) => u.topic === calendarTopic && u.type === type).length;
    const delivered = await waitUntil(() => {
      const both = Math.min(announced('records.changed'), announced('sync.finished'));
      return both >= acknowledged ? both : null;
    });
    expectReconciled('database-restart-webhook-intake', {
      sent: outcomes.length,
      acknowledged,
      stored: Number(stored[0].count),
      delivered,
      failed: outcomes.filter((s) => s !== 200).length,
    });
  });
});
