// A fresh Postgres database per benchmark, on the server named by DATABASE_URL (or the
// machine's server), dropped afterwards.
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const { Client } = require('pg');

/**
 * The entities of the built backend, for a benchmark that opens its own DataSource outside
 * the app (in the app each module registers its own). Every entity is in a `*.entity.js`
 * file or an `entities/` folder.
 */
const ENTITY_GLOBS = ['**/*.entity.js', '**/entities/*.js'].map((glob) =>
  join(__dirname, '..', '..', 'dist', 'backend', glob),
);

async function createBenchDatabase() {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `switchyard_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function withDatabase(work) {
  const database = await createBenchDatabase();
  try {
    return await work(database.url);
  } finally {
    await database.drop();
  }
}

module.exports = {
  ENTITY_GLOBS,
  createBenchDatabase,
  withDatabase,
};
