import { DataSource } from 'typeorm';
import { startSyncTestbed, testSource, type SyncTestbed } from '../../../test/support/sync-testbed';
import { SourceStateRepository } from './source-state.repository';
import { SourceStateView } from './source-state-view';

describe('the in-memory source state view', () => {
  let bed: SyncTestbed;
  let view: SourceStateView;
  let states: SourceStateRepository;
  const ID = 'view-hris';

  beforeAll(async () => {
    // A long maximum age: only the invalidations under test can make the view read again.
    bed = await startSyncTestbed({ seed: 3 }, { SYNC_ENABLED: 'false', SOURCE_STATE_MAX_AGE_MS: '600000' });
    await bed.createSource(testSource(bed.simulator.url, { id: ID }));
    view = bed.app.app.get(SourceStateView);
    states = bed.app.app.get(SourceStateRepository);
    await states.ensureStates(new Date());
  });

  afterAll(async () => {
    await bed.close();
  });

  const cursorSeen = async () => (await view.states([ID])).get(ID)?.cursor ?? null;

  it('answers repeated reads from memory', async () => {
    await view.states([ID]);
    const before = view.databaseReads;
    for (let i = 0; i < 5; i += 1) await view.states([ID]);
    expect(view.databaseReads).toBe(before);
  });

  it('reads a row again after a write through the repository (one query)', async () => {
    await states.update(ID, { cursor: 'after-plain-write' });
    const before = view.databaseReads;
    expect(await cursorSeen()).toBe('after-plain-write');
    expect(view.databaseReads).toBe(before + 1);
  });

  it('reads a row again when the transaction that wrote it commits, not before', async () => {
    const dataSource = bed.app.app.get(DataSource);
    // The embedded database has one session, which the open transaction holds (a read from
    // outside would wait for the commit); on a Postgres server (CI) another session can look.
    const otherSessions = bed.app.config.database.kind === 'postgres';
    await dataSource.transaction(async (manager) => {
      await states.update(ID, { cursor: 'inside-transaction' }, manager);
      // A read meanwhile sees the committed row, and must not keep it past the commit.
      if (otherSessions) expect(await cursorSeen()).not.toBe('inside-transaction');
    });
    expect(await cursorSeen()).toBe('inside-transaction');
  });

  it('takes a change announced by another replica', async () => {
    // Written behind the repository's back (as another replica would), then announced.
    await bed.app.app.get(DataSource).query(`UPDATE source_states SET cursor = 'remote' WHERE source_id = $1`, [ID]);
    expect(await cursorSeen()).not.toBe('remote');
    view.applyRemote({ kind: 'states', ids: [ID] });
    expect(await cursorSeen()).toBe('remote');
  });
});
