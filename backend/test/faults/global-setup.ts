import { startPrivatePostgres, type PrivatePostgres } from './private-services';

// One private Postgres cluster for the whole fault suite (each file still gets a fresh
// database in it through DATABASE_URL), so the suite never touches the machine's
// server. The test that stops a database starts a cluster of its own.
declare global {
  var faultSuitePostgres: PrivatePostgres | undefined;
}

export default async function globalSetup(): Promise<void> {
  const cluster = await startPrivatePostgres();
  globalThis.faultSuitePostgres = cluster;
  const url = new URL(cluster.url);
  url.pathname = '/postgres';
  process.env.DATABASE_URL = url.toString();
  process.stdout.write(`\nfault tests: private Postgres cluster at ${url.host}\n`);
}
