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
// a retry of a stored event is answered with the run that stored it and stores nothing
// again; replays and tampering are refused with 401 and store nothing.
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
      connector: { id: 'simulator-calendar', stream: 'events' },
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
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as { id?: string; error?: { code: string } },
    };
  };
  const signed = (id: string, at: Date, body: string) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(SECRET).sign(id, at, body),
  });

  it('stores an event once whatever the retries, and refuses replays and tampering', async () => {
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
    const snapshots = await selectRows<{ run_id: string }>(
      db,
      `SELECT run_id FROM raw_snapshots WHERE source_id = $1 AND webhook_id = 'msg_replay_1'`,
      [SOURCE],
    );
    expect(snapshots).toHaveLength(1); // the retries stored nothing again
    const runIds = outcomes.filter((o) => o.status === 200).map((o) => o.body.id);
    expect(runIds).toEqual([snapshots[0].run_id, snapshots[0].run_id, snapshots[0].run_id]);

    const acknowledged = runIds.length;
    const finished = await waitUntil(() => {
      const found = live.updates.filter((u) => u.topic === topic && u.type === 'sync.finished');
      return found.length > 0 ? found : null;
    });
    // Every acknowledged delivery is accounted for by the stored run and its update.
    const finishedRuns = finished.map((u) => (u.data as { runId: string }).runId);
    expectReconciled('webhook-duplicates-and-replays', {
      sent: outcomes.length,
      acknowledged,
      stored: runIds.filter((id) => snapshots.some((row) => row.run_id === id)).length,
      delivered: runIds.filter((id) => id !== undefined && finishedRuns.includes(id)).length,
      failed: outcomes.length - acknowledged,
    });
    expect(finishedRuns).toEqual([snapshots[0].run_id]);

    // A webhook-id too long to keep is refused before anything is stored.
    const longId = `msg_${'x'.repeat(300)}`;
    const tooLong = await post(signed(longId, new Date(), body), body);
    expect(tooLong).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const [{ n }] = await selectRows<{ n: string }>(
      db,
      'SELECT count(*) AS n FROM raw_snapshots WHERE source_id = $1',
      [SOURCE],
    );
    expect(Number(n)).toBe(1);
  });

  it('stores copies of one event arriving together once, and answers each with that run', async () => {
    const body = eventBody('evt-burst-1', 'Quarterly review');
    const delivery = signed('msg_burst_1', new Date(), body);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => post(delivery, body)));
    expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const db = bed.app.app.get(DataSource);
    const snapshots = await selectRows<{ run_id: string }>(
      db,
      `SELECT run_id FROM raw_snapshots WHERE source_id = $1 AND webhook_id = 'msg_burst_1'`,
      [SOURCE],
    );
    expect(snapshots).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.body.id))).toEqual(new Set([snapshots[0].run_id]));
  });

  it('answers 503 when the database refuses the write, so the retry stores the event', async () => {
    const db = bed.app.app.get(DataSource);
    const topic = `source:${SOURCE}`;
    await db.query(`CREATE FUNCTION refuse_calendar_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'calendar_events is refusing writes'; END $$`);
    await db.query(
      'CREATE TRIGGER refuse_calendar_write BEFORE INSERT OR UPDATE ON calendar_events FOR EACH ROW EXECUTE FUNCTION refuse_calendar_write()',
    );
    const body = eventBody('evt-refused-1', 'Board meeting');
    let refused: Awaited<ReturnType<typeof post>>;
    try {
      refused = await post(signed('msg_refused_1', new Date(), body), body);
    } finally {
      await db.query('DROP TRIGGER refuse_calendar_write ON calendar_events');
      await db.query('DROP FUNCTION refuse_calendar_write()');
    }
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE' } } });
    expect(refused.retryAfter).toBe('5');
    const failedRuns = await selectRows<{ status: string }>(
      db,
      `SELECT r.status FROM sync_runs r JOIN raw_snapshots s ON s.run_id = r.id WHERE s.webhook_id = 'msg_refused_1'`,
    );
    expect(failedRuns).toEqual([{ status: 'failed' }]);

    // The sender's retry is applied in full.
    const retried = await post(signed('msg_refused_1', new Date(Date.now() + 1000), body), body);
    expect(retried.status).toBe(200);
    const stored = await selectRows<{ title: string }>(db, 'SELECT title FROM calendar_events WHERE external_id = $1', [
      'evt-refused-1',
    ]);
    const finished = await waitUntil(() => {
      const found = live.updates.filter(
        (u) =>
          u.topic === topic && u.type === 'sync.finished' && (u.data as { runId: string }).runId === retried.body.id,
      );
      return found.length > 0 ? found : null;
    });
    expectReconciled('webhook-write-refused', {
      sent: 2,
      acknowledged: [refused, retried].filter((o) => o.status === 200).length,
      stored: stored.length,
      delivered: finished.length,
      failed: [refused, retried].filter((o) => o.status !== 200).length,
    });
    expect(stored).toEqual([{ title: 'Board meeting' }]);
  });
});
