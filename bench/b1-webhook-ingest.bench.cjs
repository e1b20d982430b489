// B1: signed integration webhook ingest (verify + parse + redact + commit with its idempotency
// receipt + 202) through the real app over HTTP, for Standard Webhooks (Gusto-shaped generic
// body) and for Stripe's native format and signature, beside a bare node:http server that
// inserts the same row with pg, all driven by autocannon (in a child process) in the same run.
// Needs Postgres (DATABASE_URL, or the machine's server).
require('reflect-metadata');
const { randomBytes, randomUUID } = require('node:crypto');
const { createServer } = require('node:http');
const { Pool } = require('pg');
const { figure } = require('./lib/harness.cjs');
const { createBenchDatabase } = require('./lib/database.cjs');
const { measureRounds, REPEATS } = require('./lib/load.cjs');

const dist = (path) => require(`../dist/backend/${path}`);
const { createApp } = dist('bootstrap/create-app');
const { loadConfig } = dist('config');
const { EventProcessorService } = dist('integrations');

const SECONDS = Number(process.env.B1_SECONDS ?? 5);
const CONNECTIONS = 10;
const POOL_SIZE = 10;
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const STRIPE_SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const SIGNER = { module: require.resolve('./lib/signed-gusto.cjs'), export: 'gustoSigner', args: [SECRET.slice(6)] };
const STRIPE_SIGNER = {
  module: require.resolve('./lib/signed-stripe.cjs'),
  export: 'stripeSigner',
  args: [STRIPE_SECRET],
};

/**
 * REPEATS rounds of baseline, Standard Webhooks, baseline, native Stripe (after a warm-up of
 * each): on a shared machine the load drifts, so each figure's baseline runs right beside it.
 */
function measureAll(bareUrl, app) {
  // The bare server gets the same signed Gusto bodies (it parses them without checking).
  const run = { connections: CONNECTIONS, seconds: SECONDS, signer: SIGNER };
  // Classification left over from a round of webhooks is finished before the next round starts
  // (and counted in the sustained figure), so it never slows a baseline.
  const processor = app.app.get(EventProcessorService);
  return measureRounds(
    {
      baseline: { ...run, url: bareUrl },
      standard: { ...run, url: app.url },
      stripeBaseline: { ...run, url: bareUrl },
      stripe: { ...run, url: app.stripeUrl, signer: STRIPE_SIGNER },
    },
    { quiet: () => processor.settle() },
  );
}

/** The bare baseline: node:http, JSON.parse, one INSERT of the same columns with pg, 202. */
async function bareServer(databaseUrl) {
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  await pool.query(`CREATE TABLE integration_events_bare (LIKE integration_events INCLUDING ALL)`);
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString());
      const now = new Date();
      pool
        .query(
          `INSERT INTO integration_events_bare (id, integration, webhook_id, event_type, status, occurred_at, received_at, payload, error_message, error_http_status)
           VALUES ($1, 'gusto', $2, $3, 'failure', $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [
            randomUUID(),
            request.headers['webhook-id'],
            body.type,
            body.occurredAt,
            now,
            body,
            body.error.message,
            body.error.httpStatus,
          ],
        )
        .then(
          () => response.writeHead(202, { 'content-type': 'application/json' }).end('{"ok":true}'),
          () => response.writeHead(503).end(),
        );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/webhooks/gusto`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

async function switchyard(databaseUrl) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    DEMO_MODE: 'false',
    SYNC_ENABLED: 'false',
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    INTEGRATION_WEBHOOK_SECRETS: `gusto=${SECRET},stripe_issuing=${STRIPE_SECRET}`,
    INTEGRATION_WEBHOOK_RATE_LIMIT_PER_MINUTE: '1000000',
    CONSOLE_DIR: '/nonexistent',
  });
  const { app } = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/webhooks`;
  return { app, url: `${base}/gusto`, stripeUrl: `${base}/stripe_issuing` };
}

async function run() {
  const database = await createBenchDatabase();
  const app = await switchyard(database.url);
  const bare = await bareServer(database.url);
  try {
    const { baseline, standard: full, stripeBaseline, stripe } = await measureAll(bare.url, app);
    const failed = full.errors + stripe.errors;
    if (failed > 0 || baseline.errors + stripeBaseline.errors > 0) {
      throw new Error(
        `B1: ${failed} failed webhook requests, ${baseline.errors + stripeBaseline.errors} failed baseline requests`,
      );
    }
    return {
      id: 'B1',
      title: `POST /webhooks/:integration signed ingest (Standard Webhooks and native Stripe), ${CONNECTIONS} connections, ${SECONDS} s x ${REPEATS} (Postgres)`,
      figures: [
        figure(
          'signed webhook ingest throughput',
          full.rps,
          'req/s',
          { name: 'bare node:http + pg INSERT', unit: 'req/s', value: baseline.rps },
          true,
        ),
        figure(
          'signed webhook ingest p99',
          full.p99,
          'ms',
          { name: 'bare node:http + pg INSERT p99', unit: 'ms', value: baseline.p99 },
          false,
        ),
        figure(
          'signed webhook ingest, answered and classified (sustained)',
          full.sustainedRps,
          'req/s',
          { name: 'bare node:http + pg INSERT', unit: 'req/s', value: baseline.rps },
          true,
        ),
        figure(
          'native Stripe webhook ingest throughput',
          stripe.rps,
          'req/s',
          { name: 'bare node:http + pg INSERT', unit: 'req/s', value: stripeBaseline.rps },
          true,
        ),
        figure(
          'native Stripe webhook ingest p99',
          stripe.p99,
          'ms',
          { name: 'bare node:http + pg INSERT p99', unit: 'ms', value: stripeBaseline.p99 },
          false,
        ),
      ],
    };
  } finally {
    await bare.close();
    await app.app.close();
    await database.drop();
  }
}

module.exports = { run };
