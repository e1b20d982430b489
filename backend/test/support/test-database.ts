import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { AppConfig } from '../../src/config';

export interface TestDatabase {
  database: AppConfig['database'];
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a new database on the Postgres server
 * named by DATABASE_URL, or an in-memory PGlite when it is not set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return {
      // Named, so a second app in this process can open the same database (two replicas).
      database: {
        kind: 'pglite',
        dataDir: `memory://${randomBytes(6).toString('hex')}`,
        poolSize: 1,
        healthTimeoutMs: 2000,
      },
      drop: () => Promise.resolve(),
    };
  }
  const name = `switchyard_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString(), poolSize: 5, healthTimeoutMs: 2000 },
    drop: () => withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withAdmin(serverUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
