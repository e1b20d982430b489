// A live server in a child process, so its heap and CPU are measured apart from the
// clients: either Switchyard (the real app) or a bare Socket.IO server emitting the same
// messages to rooms. Switchyard has 50 webhook-fed CRM sources (tenant t00..t49, so a
// lead shows on `crm:<tenant>`) that the client process sends signed webhooks to; `drive`
// and `burst` over IPC raise events in this process instead (the bare server's emits, or
// Switchyard's domain event bus). Used by the live benchmarks (B2, B5) and the soak;
// started with --expose-gc.
require('reflect-metadata');
const http = require('node:http');
const { randomBytes } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { benchToken, poster } = require('./api.cjs');

const mode = process.argv[2];
const wallMs = () => performance.timeOrigin + performance.now();

/**
 * Every statement the app sends to Postgres (node-postgres does not pipeline: one statement
 * is one round trip), for B2's "round trips per webhook". BEGIN and COMMIT count too.
 */
const database = { queries: 0 };
{
  const { Client } = require('pg');
  const query = Client.prototype.query;
  Client.prototype.query = function countedQuery(...args) {
    database.queries += 1;
    return query.apply(this, args);
  };
}

async function switchyard(databaseUrl) {
  const dist = (path) => require(`../../dist/backend/${path}`);
  const { createApp } = dist('bootstrap/create-app');
  const { loadConfig } = dist('config');
  const { DomainEventBus } = dist('events');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    DEMO_MODE: 'false',
    SYNC_ENABLED: 'false',
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    CONSOLE_DIR: '/nonexistent',
    LIVE_HEARTBEAT_SECONDS: '15',
  });
  const { app } = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const token = await benchToken(app, 'executive');
  const bus = app.get(DomainEventBus);
  const port = app.getHttpServer().address().port;
  const webhooks = await webhookSources(`http://127.0.0.1:${port}/api/v1`, await benchToken(app, 'master_admin'));
  return {
    port,
    token,
    webhookSecret: webhooks.secret,
    // A CRM change of one tenant: it becomes a `crm:<tenant>` update (and a `source:` one).
    raise: (topicIndex, marker) =>
      bus.publish({
        type: 'records.changed',
        at: new Date().toISOString(),
        sourceId: 'bench-crm',
        domain: 'crm-leads',
        tenant: tenantOf(topicIndex),
        upsertedIds: [marker],
        deletedIds: [],
      }),
    close: () => app.close(),
  };
}

const tenantOf = (topicIndex) => `t${String(topicIndex).padStart(2, '0')}`;

/** Creates the 50 webhook-fed CRM sources; the client process signs and sends the webhooks. */
async function webhookSources(api, adminToken) {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const post = poster(api, adminToken);
  await post('/credentials', { id: 'bench-hooks', name: 'bench hooks', kind: 'webhook-secret', secret });
  for (let i = 0; i < 50; i += 1) {
    await post('/sources', {
      id: `bench-crm-${tenantOf(i)}`,
      name: `bench CRM ${tenantOf(i)}`,
      kind: 'webhook',
      connector: { id: 'simulator-crm', stream: 'leads' },
      tenant: tenantOf(i),
      cadence: { type: 'interval', everySeconds: 3600 },
      freshness: { warnAfterSeconds: 3600, staleAfterSeconds: 7200 },
      webhookSecretCredentialId: 'bench-hooks',
    });
  }
  return { secret };
}

async function bare() {
  const { Server } = require('socket.io');
  const server = http.createServer();
  const io = new Server(server, { serveClient: false });
  const live = io.of('/live');
  const seqs = new Map();
  live.on('connection', (socket) => {
    socket.on('subscribe', (body, ack) => {
      for (const topic of body.topics) socket.join(topic);
      ack({ results: body.topics.map((topic) => ({ topic, granted: true, seq: seqs.get(topic) ?? 0 })) });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    token: 'none',
    raise: (topicIndex, marker) => {
      const topic = `crm:t${String(topicIndex).padStart(2, '0')}`;
      const seq = (seqs.get(topic) ?? 0) + 1;
      seqs.set(topic, seq);
      const at = new Date().toISOString();
      live.to(topic).emit('update', {
        topic,
        seq,
        type: 'records.changed',
        at,
        publishedAt: at,
        data: {
          sourceId: 'bench-crm',
          domain: 'crm-leads',
          tenant: topic.slice(4),
          upsertedIds: [marker],
          deletedIds: [],
        },
        freshness: null,
      });
    },
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
}

function heapUsed() {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

/** Raises `rate` events per second for `seconds`, round-robin over `topics` topics. */
function drive(server, { rate, seconds, topics }) {
  return new Promise((resolve) => {
    const total = Math.round(rate * seconds);
    const started = wallMs();
    let sent = 0;
    const tick = () => {
      const due = Math.min(total, Math.floor(((wallMs() - started) / 1000) * rate) + 1);
      while (sent < due) {
        server.raise(sent % topics, `${sent}@${wallMs()}`);
        sent += 1;
      }
      if (sent >= total) resolve(sent);
      else setTimeout(tick, 2);
    };
    tick();
  });
}

async function main() {
  const server = mode === 'bare' ? await bare() : await switchyard(process.argv[3]);
  process.on('message', async (message) => {
    if (message.cmd === 'heap') process.send({ id: message.id, heapUsed: heapUsed() });
    if (message.cmd === 'memory')
      process.send({ id: message.id, heapUsed: heapUsed(), rss: process.memoryUsage().rss });
    if (message.cmd === 'drive') process.send({ id: message.id, sent: await drive(server, message) });
    if (message.cmd === 'queries') process.send({ id: message.id, queries: database.queries });
    if (message.cmd === 'burst') {
      for (let topic = 0; topic < message.topics; topic += 1) server.raise(topic, `${topic}@${wallMs()}`);
      process.send({ id: message.id, sent: message.topics });
    }
    if (message.cmd === 'close') {
      await server.close();
      process.send({ id: message.id });
      process.exit(0);
    }
  });
  process.send({ ready: true, port: server.port, token: server.token, webhookSecret: server.webhookSecret ?? null });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
