export { DatabaseModule } from './database.module';
export { DatabaseProbe, type PingResult } from './database-probe';
export { buildDataSourceOptions, MIGRATIONS_TABLE } from './data-source-options';
export { runMigrations } from './migrate';
export { returnedRows } from './query-result';
