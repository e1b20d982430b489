// B3: GET /api/v1/dashboard-data (real app, demo data synced from the simulator, Postgres)
// beside a NestJS-on-Fastify hello-world, both driven by autocannon (in a child process) in the same run.
require('reflect-metadata');
const { randomBytes } = require('node:crypto');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { figure } = require('./lib/harness.cjs');
const { createBenchDatabase } = require('./lib/database.cjs');
const { measureRounds, REPEATS } = require('./lib/load.cjs');

const dist = (path) => require(`../dist/backend/${path}`);
const { createApp } = dist('bootstrap/create-app');
const { loadConfig } = dist('config');

const SECONDS = Number(process.env.B3_SECONDS ?? 5);
const CONNECTIONS = 10;
/** A demo CRM brand (tenant) the executive may read. */
const LEADS_TENANT = 'acme-fitness';

async function helloWorld() {
  class HelloController {
    hello() {
      return { hello: 'world' };
    }
  }
  Reflect.decorate(
    [Get()],
    HelloController.prototype,
    'hello',
    Object.getOwnPropertyDescriptor(HelloController.prototype, 'hello'),
  );
  Reflect.decorate([Controller('hello')], HelloController);
  class HelloModule {}
  Reflect.decorate([Module({ controllers: [HelloController] })], HelloModule);
  const app = await NestFactory.create(HelloModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${app.getHttpServer().address().port}/hello` };
}

async function switchyard(databaseUrl) {
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    DEMO_MODE: 'true',
    SIMULATOR_PORT: '0',
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    CONSOLE_DIR: '/nonexistent',
  });
  const { app } = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'executive@demo.local', password: 'demo-password' }),
  });
  const { accessToken } = await login.json();
  const headers = { authorization: `Bearer ${accessToken}` };
  for (let i = 0; i < 120; i += 1) {
    const body = await (await fetch(`${base}/api/v1/dashboard-data`, { headers })).json();
    if (body.projectCount > 0 && body.freshness.state !== 'unavailable') return { app, base, headers, etag: null };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('demo data never arrived');
}

async function run() {
  const database = await createBenchDatabase();
  const hello = await helloWorld();
  const app = await switchyard(database.url);
  try {
    const dashboard = `${app.base}/api/v1/dashboard-data`;
    const etag = (await fetch(dashboard, { headers: app.headers })).headers.get('etag');
    const run = { connections: CONNECTIONS, seconds: SECONDS };
    // The hello-world runs beside every figure (interleaved rounds).
    const { baseline, full, cached, projects, leads } = await measureRounds({
      baseline: { ...run, url: hello.url },
      full: { ...run, url: dashboard, headers: app.headers },
      // 304s count as non-2xx in autocannon: their "errors" are expected here.
      cached: { ...run, url: dashboard, headers: { ...app.headers, 'if-none-match': etag } },
      projects: { ...run, url: `${app.base}/api/v1/projects?page=1`, headers: app.headers },
      leads: { ...run, url: `${app.base}/api/v1/crm/leads?tenant=${LEADS_TENANT}`, headers: app.headers },
    });
    for (const [name, run] of Object.entries({ full, projects, leads })) {
      if (run.errors > 0) throw new Error(`B3 ${name}: ${run.errors} failed requests`);
    }
    const base = { name: 'NestJS-on-Fastify hello-world', unit: 'req/s', value: baseline.rps };
    const baseP99 = { name: 'hello-world p99', unit: 'ms', value: baseline.p99 };
    return {
      id: 'B3',
      title: `GET /api/v1/dashboard-data and two list reads, ${CONNECTIONS} connections, ${SECONDS} s x ${REPEATS}, interleaved with the baseline (Postgres)`,
      figures: [
        figure('dashboard-data throughput', full.rps, 'req/s', base, true),
        figure('dashboard-data p99', full.p99, 'ms', baseP99, false),
        figure('dashboard-data with If-None-Match (304)', cached.rps, 'req/s', base, true),
        figure('B3-list: projects?page=1', projects.rps, 'req/s', base, true),
        figure(`B3-list: crm/leads?tenant=${LEADS_TENANT}`, leads.rps, 'req/s', base, true),
      ],
    };
  } finally {
    await app.app.close();
    await hello.app.close();
    await database.drop();
  }
}

module.exports = { run, switchyard };
