import type { SubscribeAck } from '@switchyard/contracts';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { expectReconciled } from '../../test/faults/reconcile';
import { connectLive, waitUntil, type LiveClient } from '../../test/support/live-client';
import { selectRows, startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';

const SECRET = `whsec_${Buffer.alloc(24, 8).toString('base64')}`;
const SOURCE = 'replay-calendar';

const eventBody = (eventId: string, title: string) =>
  JSON.stringify({
    items: [
      {
        id: eventId,
        title,
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

// Duplicated and replayed Standard Webhooks deliveries on POST /sources/:id/webhook.
// Senders retry (same id, new attempt) and attackers replay (old timestamp) or tamper:
// retries may be stored again but never duplicate a record; replays and tampering are
// refused with 401 and store nothing.
describe('fault: duplicated and replayed signed webhooks', () => {
  let bed: SyncTestbed;
  let live: LiveClient;

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 4 });
    await bed.api('/credentials', {
      method: 'POST',
      body: { id: 'replay-hooks', name: 'hooks', kind: 'webhook-secret', secret: SECRET },
    });
    await bed.createSource({
      id: SOURCE,
      name: 'Calendar push',
      kind: 'webhook',
      normalizer: 'calendar.events.v1',
      cadence: { type: 'interval', everySeconds: 600 },
      freshness: { warnAfterSeconds: 3600, staleAfterSeconds: 7200 },
      webhookSecretCredentialId: 'replay-hooks',
    });
    live = await connectLive(bed.app.baseUrl, await bed.app.tokenFor('master_admin'));
  });

  afterAll(async () => {
    live.close();
    await bed.close();
  });

  const post = async (headers: Record<string, string>, body: string) => {
    const response = await fetch(`${bed.app.baseUrl}/api/v1/sources/${SOURCE}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
  };
  const signed = (id: string, at: Date, body: string) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(SECRET).sign(id, at, body),
  });

  it('stores retries without duplicate records and refuses replays and tampering', async () => {
    const topic = `source:${SOURCE}`;
    expect((await live.request<SubscribeAck>('subscribe', { topics: [topic] })).results[0].granted).toBe(true);
    const body = eventBody('evt-replay-1', 'Vendor sync');
    const original = signed('msg_replay_1', new Date(), body);
    const outcomes = [
      await post(original, body), // delivered
      await post(original, body), // the very same delivery again (a duplicate)
      await post(signed('msg_replay_1', new Date(Date.now() + 1000), body), body), // the sender's retry
      await post(signed('msg_replay_1', new Date(Date.now() - 6 * 60_000), body), body), // replay, 6 min old
      await post(original, eventBody('evt-replay-1', 'Tampered title')), // tampered body, old signature
    ];
    expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200, 401, 401]);
    for (const refused of outcomes.slice(3)) expect(refused.body.error?.code).toBe('UNAUTHENTICATED');

    const db = bed.app.app.get(DataSource);
    const events = await selectRows<{ title: string }>(db, 'SELECT title FROM calendar_events WHERE source_id = $1', [
      SOURCE,
    ]);
    expect(events).toEqual([{ title: 'Vendor sync' }]); // one record, never the tampered title
    const snapshots = await selectRows<{ n: string }>(
      db,
      `SELECT count(*) AS n FROM raw_snapshots WHERE source_id = $1 AND request_url = 'webhook:msg_replay_1'`,
      [SOURCE],
    );
    const acknowledged = outcomes.filter((o) => o.status === 200).length;
    const delivered = await waitUntil(() => {
      const finished = live.updates.filter((u) => u.topic === topic && u.type === 'sync.finished').length;
      return finished >= acknowledged ? finished : null;
    });
    expectReconciled('webhook-duplicates-and-replays', {
      sent: outcomes.length,
      acknowledged,
      stored: Number(snapshots[0].n),
      delivered,
      failed: outcomes.length - acknowledged,
    });
  });
});
