import { Column, DataSource, Entity, PrimaryColumn, type DataSourceOptions } from 'typeorm';
import { startTestApp } from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { MIGRATIONS } from './migrations';

/** SQL TypeORM would run to make the database match the entities; empty means no drift. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}

type EntityItem = Extract<NonNullable<DataSourceOptions['entities']>, unknown[]>[number];

@Entity({ name: 'not_in_any_migration' })
class EntityWithoutMigration {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') label!: string;
}

describe('schema and migrations', () => {
  let testDb: TestDatabase;
  let dataSource: DataSource;
  /** Every entity the modules register (each module lists its own; there is no central list). */
  let entities: EntityItem[];

  beforeAll(async () => {
    const app = await startTestApp({ SYNC_ENABLED: 'false' });
    try {
      const registered = app.app.get(DataSource).options.entities ?? [];
      entities = Array.isArray(registered) ? registered : Object.values(registered);
    } finally {
      await app.close();
    }
    testDb = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(testDb.database, entities)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await testDb.drop();
  });

  it('applies every migration to an empty database, then finds nothing left to do', async () => {
    expect(await runMigrations(dataSource)).toBe(MIGRATIONS.length);
    expect(await runMigrations(dataSource)).toBe(0);
  });

  it('has entities and migrations in step (no drift)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('notices drift: an entity without a migration shows up as pending SQL', async () => {
    const drifted = await new DataSource({
      ...buildDataSourceOptions(testDb.database),
      entities: [...entities, EntityWithoutMigration],
    }).initialize();
    try {
      await runMigrations(drifted);
      const pending = await pendingSchemaChanges(drifted);
      expect(pending.length).toBeGreaterThan(0);
      expect(pending.filter((sql) => !sql.includes('not_in_any_migration'))).toEqual([]);
    } finally {
      await drifted.destroy();
    }
  });

  it('reverts every migration cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables: unknown[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'`,
    );
    expect(tables).toEqual([]);
    expect(await runMigrations(dataSource)).toBe(MIGRATIONS.length);
  });
});
