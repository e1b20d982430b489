import { DataSource } from 'typeorm';
import { selectRows, startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';
import { SourcesService } from '../sources';
import { RecordWriter } from './record-writer';

const note = (id: number, body: string) => ({
  note_id: id,
  lead_id: 1,
  author: 'Dana',
  body,
  created_at: '2026-11-20 10:00:00',
  updated_at: '2026-11-21 10:00:00',
});
const page = (...notes: Array<ReturnType<typeof note>>) => ({ status: 'success', data: notes });

describe('record writer: upserts, tombstones and all-or-nothing', () => {
  let bed: SyncTestbed;
  let writer: RecordWriter;
  let db: DataSource;

  beforeAll(async () => {
    bed = await startSyncTestbed();
    writer = bed.app.app.get(RecordWriter);
    db = bed.app.app.get(DataSource);
    await bed.api('/credentials', {
      method: 'POST',
      body: {
        id: 'push-secret',
        name: 'Push',
        kind: 'webhook-secret',
        secret: `whsec_${Buffer.alloc(24, 1).toString('base64')}`,
      },
    });
    await bed.createSource({
      id: 'notes-push',
      name: 'Notes',
      kind: 'webhook',
      connector: { id: 'simulator-crm', stream: 'notes' },
      tenant: 'acme-fitness',
      cadence: { type: 'interval', everySeconds: 60 },
      freshness: { warnAfterSeconds: 60, staleAfterSeconds: 120 },
      webhookSecretCredentialId: 'push-secret',
    });
  });

  afterAll(async () => {
    await bed.close();
  });

  const write = async (payloads: unknown[], tombstones: boolean) =>
    writer.write({
      source: await bed.app.app.get(SourcesService).require('notes-push'),
      payloads,
      tombstones,
      clear: false,
      inTransaction: () => Promise.resolve(),
    });
  const live = async () =>
    (
      await selectRows<{ external_id: string; body: string }>(
        db,
        `SELECT external_id, body FROM crm_notes WHERE source_id = 'notes-push' AND deleted_at IS NULL ORDER BY external_id`,
      )
    ).map((r) => `${r.external_id}:${r.body}`);

  it('inserts, then reports only rows whose content changed', async () => {
    expect((await write([page(note(1, 'a'), note(2, 'b'), note(3, 'c'))], true)).upserted.sort()).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect((await write([page(note(1, 'a'), note(2, 'b2'), note(3, 'c'))], true)).upserted).toEqual(['2']);
  });

  it('tombstones what a full refresh no longer contains, and revives it when it returns', async () => {
    const gone = await write([page(note(1, 'a'), note(2, 'b2'))], true);
    expect(gone.deleted).toEqual(['3']);
    expect(await live()).toEqual(['1:a', '2:b2']);
    const back = await write([page(note(1, 'a'), note(2, 'b2'), note(3, 'c'))], true);
    expect(back.upserted).toEqual(['3']);
    expect(await live()).toEqual(['1:a', '2:b2', '3:c']);
  });

  it('never tombstones on an incremental write', async () => {
    expect((await write([page(note(4, 'd'))], false)).deleted).toEqual([]);
    expect(await live()).toEqual(['1:a', '2:b2', '3:c', '4:d']);
  });

  it('keeps a record once when two pages carry it (the upstream shifted while paging)', async () => {
    const result = await write([page(note(5, 'old')), page(note(5, 'new'))], false);
    expect(result.upserted).toEqual(['5']);
    expect(await live()).toContain('5:new');
  });

  it('reports every change and every older row across statements when a write spans several batches', async () => {
    const many = (count: number, body: (id: number) => string, updatedAt = '2026-11-21 10:00:00') =>
      page(...Array.from({ length: count }, (_, i) => ({ ...note(1000 + i, body(1000 + i)), updated_at: updatedAt })));
    const first = await write([many(4500, (id) => `v1-${id}`)], false);
    expect(first.upserted).toHaveLength(4500);
    expect(first.skippedOlder).toBe(0);
    expect((await write([many(4500, (id) => `v1-${id}`)], false)).upserted).toEqual([]);
    // One change in each 2,000-row statement, and the whole set once more but older: counted, not applied.
    const changed = await write([many(4500, (id) => (id % 2000 === 7 ? `v2-${id}` : `v1-${id}`))], false);
    expect(changed.upserted.sort()).toEqual(['2007', '4007']);
    const older = await write([many(4500, (id) => `v0-${id}`, '2026-11-20 10:00:00')], false);
    expect(older.upserted).toEqual([]);
    expect(older.skippedOlder).toBe(4500);
    const [{ count }] = await selectRows<{ count: string }>(
      db,
      `SELECT count(*) FROM crm_notes WHERE source_id = 'notes-push' AND body LIKE 'v0-%'`,
    );
    expect(Number(count)).toBe(0);
  });

  it('writes nothing when any record is invalid', async () => {
    const before = await live();
    await expect(write([page(note(6, 'fine'), { ...note(7, 'x'), created_at: 'yesterday' })], true)).rejects.toThrow(
      /record 1 \(7\) crm-notes\.notedAt: "yesterday" is not a date-time \(read from "created_at"\)/,
    );
    expect(await live()).toEqual(before);
  });
});
