import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { selectRows, startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';
import { SyncRetention } from './sync-retention.service';

const SECRET = `whsec_${Buffer.alloc(24, 9).toString('base64')}`;
const SOURCE = 'leads-push';
const KEEP = 200;

const leadEvent = (leadId: string, status: string, updatedAt: string) =>
  JSON.stringify({
    data: [
      {
        lead_id: leadId,
        first_name: 'Lee',
        last_name: 'Ad',
        email: `${leadId}@example.com`,
        phone: null,
        lead_source: 'web',
        lead_status: status,
        owner: null,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: updatedAt,
      },
    ],
  });

/** The attack from the security issue: a sender's late retry must not roll a record back. */
describe('webhook retries never roll data back', () => {
  let bed: SyncTestbed;
  let db: DataSource;

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 4 }, { SNAPSHOTS_KEEP_PER_SOURCE: String(KEEP) });
    db = bed.app.app.get(DataSource);
    await bed.api('/credentials', {
      method: 'POST',
      body: { id: 'leads-hooks', name: 'hooks', kind: 'webhook-secret', secret: SECRET },
    });
    await bed.createSource({
      id: SOURCE,
      name: 'Leads push',
      kind: 'webhook',
      connector: { id: 'simulator-crm', stream: 'leads' },
      tenant: 'acme-fitness',
      cadence: { type: 'interval', everySeconds: 600 },
      freshness: { warnAfterSeconds: 3600, staleAfterSeconds: 7200 },
      webhookSecretCredentialId: 'leads-hooks',
    });
  });

  afterAll(async () => {
    await bed.close();
  });

  /** A delivery signed now: a retry is the same id and body with a fresh signature. */
  const deliver = async (id: string, body: string, secret = SECRET) => {
    const at = new Date();
    const response = await fetch(`${bed.app.baseUrl}/api/v1/sources/${SOURCE}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(id, at, body),
      },
      body,
    });
    return {
      status: response.status,
      body: (await response.json()) as { id: string; recordsUpserted: number; recordsSkippedOlder: number },
    };
  };
  const statusOf = async (leadId: string) =>
    (
      await selectRows<{ status: string }>(
        db,
        'SELECT status FROM crm_leads WHERE source_id = $1 AND external_id = $2',
        [SOURCE, leadId],
      )
    )[0]?.status;

  it('a retry of an event whose snapshot was pruned is answered, not applied again: the lead stays converted', async () => {
    const a = await deliver('msg_a', leadEvent('lead-x', 'new', '2026-03-01T10:00:00Z'));
    expect(a.status).toBe(200);
    expect((await deliver('msg_b', leadEvent('lead-x', 'converted', '2026-03-01T11:00:00Z'))).status).toBe(200);
    expect(await statusOf('lead-x')).toBe('converted');
    for (let i = 0; i < KEEP + 10; i += 1) {
      const other = await deliver(`msg_other_${i}`, leadEvent(`lead-${i}`, 'new', '2026-03-01T12:00:00Z'));
      expect(other.status).toBe(200);
    }
    await bed.app.app.get(SyncRetention).prune();
    const snapshotsOfA = await selectRows(
      db,
      `SELECT 1 FROM raw_snapshots WHERE source_id = $1 AND webhook_id = 'msg_a'`,
      [SOURCE],
    );
    expect(snapshotsOfA).toHaveLength(0); // the attack's premise: A's snapshot is gone

    const retry = await deliver('msg_a', leadEvent('lead-x', 'new', '2026-03-01T10:00:00Z'));
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(a.body.id); // answered with the run that applied it
    expect(await statusOf('lead-x')).toBe('converted');
  });

  it('an older version of a record arriving under a new id is skipped: records never move backwards', async () => {
    await deliver('msg_y_new', leadEvent('lead-y', 'converted', '2026-03-02T11:00:00Z'));
    const late = await deliver('msg_y_old', leadEvent('lead-y', 'new', '2026-03-02T10:00:00Z'));
    expect(late.status).toBe(200);
    expect(late.body.recordsUpserted).toBe(0);
    // ...and counted, on the run and in the metrics, so a sender replaying old events shows.
    expect(late.body.recordsSkippedOlder).toBe(1);
    const metrics = await (await fetch(`${bed.app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^switchyard_records_skipped_older_total\\{source="${SOURCE}"\\} 1$`, 'm'));
    expect(await statusOf('lead-y')).toBe('converted');
    // The same instant is not older: a correction with an equal updated_at still applies.
    const same = await deliver('msg_y_same', leadEvent('lead-y', 'lost', '2026-03-02T11:00:00Z'));
    expect(same.body.recordsUpserted).toBe(1);
    expect(same.body.recordsSkippedOlder).toBe(0);
    expect(await statusOf('lead-y')).toBe('lost');
    // The source's data_as_of is the newest record time seen: the late event did not move it back.
    const [state] = await selectRows<{ data_as_of: Date }>(
      db,
      'SELECT data_as_of FROM source_states WHERE source_id = $1',
      [SOURCE],
    );
    expect(state?.data_as_of.toISOString()).toBe('2026-03-02T11:00:00.000Z');
  });

  it('a rotated signing secret applies to the very next delivery, and the old one is refused', async () => {
    const rotated = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    const body = leadEvent('lead-z', 'new', '2026-03-03T10:00:00Z');
    expect((await deliver('msg_z_before', body)).status).toBe(200); // the old secret, opened and remembered
    await bed.api('/credentials/leads-hooks', {
      method: 'PUT',
      body: { id: 'leads-hooks', name: 'hooks', kind: 'webhook-secret', secret: rotated },
    });
    expect((await deliver('msg_z_old', body)).status).toBe(401);
    expect((await deliver('msg_z_new', body, rotated)).status).toBe(200);
  });
});
