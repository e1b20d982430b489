import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { createEmbeddedPgDriver } from './embedded-pg-driver';

export const MIGRATIONS_TABLE = 'schema_migrations';

/** One definition of the schema's DataSource for the app, the tests and the drift check. */
export function buildDataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    type: 'postgres',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: 'switchyard',
  } as const;
  switch (database.kind) {
    case 'postgres':
      return { ...common, url: database.url, poolSize: database.poolSize, connectTimeoutMS: 10_000 };
    case 'pglite':
      return { ...common, driver: createEmbeddedPgDriver(database.dataDir ?? 'memory://') };
  }
}
