// B7: scheduler drift with 500 sources on a 30 s cadence against the simulator: how late
// each scheduled sync starts after its due time (p50/p99), beside bare setTimeout timers
// (one per source, re-armed every cadence) measured in the same process and run.
// Shorter runs: B7_SOURCES, B7_CADENCE_SECONDS, B7_SECONDS.
require('reflect-metadata');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { benchToken, poster } = require('./lib/api.cjs');
const { createBenchDatabase } = require('./lib/database.cjs');
const { figure } = require('./lib/harness.cjs');
const { percentile } = require('./lib/live-clients.cjs');

const SOURCES = Number(process.env.B7_SOURCES ?? 500);
const CADENCE = Number(process.env.B7_CADENCE_SECONDS ?? 30);
const SECONDS = Number(process.env.B7_SECONDS ?? 90);

const dist = (path) => require(`../dist/backend/${path}`);

/** Bare timers: one per source, each re-armed at its next due time; drift = fire - due. */
function bareTimers(stopAt) {
  const drifts = [];
  const timers = new Set();
  const arm = (due) => {
    if (due > stopAt) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      drifts.push(Date.now() - due);
      arm(due + CADENCE * 1000);
    }, due - Date.now());
    timers.add(timer);
  };
  const start = Date.now();
  for (let i = 0; i < SOURCES; i += 1) arm(start + Math.round((i / SOURCES) * CADENCE * 1000));
  return { drifts, stop: () => timers.forEach(clearTimeout) };
}

async function run() {
  const { createSimulator } = require('../simulator/dist');
  const { createApp } = dist('bootstrap/create-app');
  const { loadConfig } = dist('config');
  const simulator = await createSimulator({ port: 0, evolveEveryMs: 3_600_000 });
  const database = await createBenchDatabase();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    DEMO_MODE: 'false',
    SYNC_ENABLED: 'true',
    SOURCE_ALLOWED_HOSTS: '127.0.0.1',
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    CONSOLE_DIR: '/nonexistent',
  });
  const { app } = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api/v1`;
  const post = poster(base, await benchToken(app, 'master_admin'));
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    // Bench-only bookkeeping: the due time a run was claimed for, read as the run is inserted.
    await db.query(`CREATE TABLE bench_due (run_id uuid PRIMARY KEY, due timestamptz)`);
    await db.query(`CREATE FUNCTION bench_record_due() RETURNS trigger AS $$
      BEGIN INSERT INTO bench_due SELECT NEW.id, next_run_at FROM source_states WHERE source_id = NEW.source_id; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await db.query(
      `CREATE TRIGGER bench_due AFTER INSERT ON sync_runs FOR EACH ROW EXECUTE FUNCTION bench_record_due()`,
    );
    await post('/credentials', { id: 'hris-token', name: 'HRIS', kind: 'token', secret: 'hris-demo-token' });
    for (let i = 0; i < SOURCES; i += 1) {
      await post('/sources', {
        id: `b7-${i}`,
        name: `b7 ${i}`,
        kind: 'http-pull',
        connector: {
          id: 'simulator-hris',
          stream: 'departments',
          credentialId: 'hris-token',
          config: { baseUrl: simulator.url },
        },
        cadence: { type: 'interval', everySeconds: CADENCE },
        freshness: { warnAfterSeconds: CADENCE * 2, staleAfterSeconds: CADENCE * 4 },
        timeoutMs: 5000,
        retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
      });
    }
    const started = Date.now();
    const bare = bareTimers(started + SECONDS * 1000);
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    bare.stop();
    // The first cycle is the creation backlog (every source due at once): measure after it.
    const { rows } = await db.query(
      `SELECT EXTRACT(EPOCH FROM (r.started_at - d.due)) * 1000 AS drift
         FROM sync_runs r JOIN bench_due d ON d.run_id = r.id
        WHERE r.trigger = 'schedule' AND r.started_at IS NOT NULL AND d.due >= $1`,
      [new Date(started + CADENCE * 1000)],
    );
    const drifts = rows.map((r) => Number(r.drift));
    if (drifts.length === 0) throw new Error('B7: no scheduled runs after the first cycle');
    const bareDrifts = bare.drifts;
    const base = (p) => ({
      name: `bare setTimeout drift ${p}`,
      unit: 'ms',
      value: Math.max(percentile(bareDrifts, p), 0.1),
    });
    return {
      id: 'B7',
      title: `Scheduler drift, ${SOURCES} sources every ${CADENCE} s against the simulator, ${SECONDS} s (${drifts.length} scheduled runs after the first cycle)`,
      figures: [50, 99].map((p) => figure(`due to start drift p${p}`, percentile(drifts, p), 'ms', base(p), false)),
    };
  } finally {
    await db.end();
    await app.close();
    await simulator.close();
    await database.drop();
  }
}

module.exports = { run };
