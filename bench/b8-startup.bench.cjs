// B8: cold start of the production process (`node dist/backend/main.js`, what `npm start`
// runs after building) to 200 on /health/ready against an existing, migrated database,
// beside a bare Fastify hello-world process started the same way; plus the console's
// initial JavaScript (raw and gzip) beside the Angular initial budget it must stay under.
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');
const { Client } = require('pg');
const { figure, median } = require('./lib/harness.cjs');

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const ROOT = join(__dirname, '..');
const BROWSER_DIR = join(ROOT, 'dist/frontend/browser');
const HELLO = `const app = require('fastify')(); app.get('/', async () => ({ ok: true }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Milliseconds from spawn until `url` answers 200. */
async function timeToReady(args, url, env) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`B8: ${args.join(' ')} exited with ${child.exitCode}`);
      const ok = await fetch(url).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

async function createDatabase() {
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

/** The scripts and module preloads index.html loads before anything lazy. */
function initialJs() {
  const html = readFileSync(join(BROWSER_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(join(BROWSER_DIR, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, rawKb: raw / 1000, gzipKb: gzip / 1000 };
}

/** The initial budget's error limit from the frontend's build options, in kB. */
function initialBudgetKb() {
  const project = JSON.parse(readFileSync(join(ROOT, 'frontend/project.json'), 'utf8'));
  const budgets = project.targets.build.configurations.production.budgets;
  const limit = budgets.find((b) => b.type === 'initial').maximumError;
  const [, amount, unit] = /^([\d.]+)\s*(kb|mb)$/i.exec(limit);
  return Number(amount) * (unit.toLowerCase() === 'mb' ? 1000 : 1);
}

async function run() {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  const built = spawnSync('npx', ['nx', 'run', 'frontend:build', '--output-style=static'], { stdio: 'inherit', env });
  if (built.status !== 0) throw new Error('B8: frontend build failed');
  const database = await createDatabase();
  const appEnv = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    DEMO_MODE: 'false',
    SYNC_ENABLED: 'false',
    HOST: '127.0.0.1',
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    CONSOLE_DIR: BROWSER_DIR,
  };
  try {
    // The first start migrates the new database; the measured starts find it migrated.
    const migratePort = await freePort();
    await timeToReady(['dist/backend/main.js'], `http://127.0.0.1:${migratePort}/health/ready`, {
      ...appEnv,
      PORT: String(migratePort),
    });
    const app = [];
    const bare = [];
    for (let i = 0; i < REPEATS; i += 1) {
      const port = await freePort();
      bare.push(await timeToReady(['-e', HELLO], `http://127.0.0.1:${port}/`, { PORT: String(port) }));
      const appPort = await freePort();
      app.push(
        await timeToReady(['dist/backend/main.js'], `http://127.0.0.1:${appPort}/health/ready`, {
          ...appEnv,
          PORT: String(appPort),
        }),
      );
    }
    const js = initialJs();
    const budget = { name: 'Angular initial budget (maximumError)', unit: 'kB', value: initialBudgetKb() };
    return {
      id: 'B8',
      title: `Start to /health/ready on a migrated database (median of ${REPEATS}); console initial JS (${js.files} files)`,
      figures: [
        figure(
          'process start to /health/ready',
          median(app),
          'ms',
          { name: 'bare Fastify hello-world start to first 200', unit: 'ms', value: median(bare) },
          false,
        ),
        figure('console initial JS, raw', js.rawKb, 'kB', budget, false),
        figure('console initial JS, gzip', js.gzipKb, 'kB', budget, false),
      ],
    };
  } finally {
    await database.drop();
  }
}

module.exports = { run };
