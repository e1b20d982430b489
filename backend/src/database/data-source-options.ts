import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config';
import { MIGRATIONS } from './migrations';
import { createEmbeddedPgDriver } from './embedded-pg-driver';

export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * One definition of the schema's DataSource for the app, the tests and the drift check.
 * Entities are not listed here: each module registers its own (`TypeOrmModule.forFeature`)
 * and the app loads them (`autoLoadEntities`); a standalone DataSource passes them in.
 */
export function buildDataSourceOptions(
  database: AppConfig['database'],
  entities: NonNullable<DataSourceOptions['entities']> = [],
): DataSourceOptions {
  const common = {
    type: 'postgres',
    entities,
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
