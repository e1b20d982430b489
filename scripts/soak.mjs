// `npm run soak` (on demand, not in CI): SOAK_SECONDS (default 600) at SOAK_RATE events/s
// (default 200) through the real app in a child process, with 200 Socket.IO clients:
// SOAK_WEBHOOK_RATE of them (default 100/s) as signed webhooks into webhook-fed sources
// (verify, snapshot, upsert, then live), the rest raised on the domain event bus (the live
// path alone). Samples the server's heap (after GC) and RSS every 10 s, prints a table and
// the growth after warm-up, and writes bench/results/soak.json. Warm-up lasts until the
// per-topic replay buffers (LIVE_BUFFER_SIZE updates each) are full, since filling them is
// bounded growth, not a leak.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { connectClients, driveWebhooks, startLiveServer } = require('../bench/lib/live-clients.cjs');

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = Number(process.env.SOAK_RATE ?? 200);
const WEBHOOK_RATE = Math.min(RATE, Number(process.env.SOAK_WEBHOOK_RATE ?? 100));
const BUFFER_SIZE = Number(process.env.LIVE_BUFFER_SIZE ?? 1000);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 200);
const TOPICS = 50;
const SAMPLE_SECONDS = 10;
// Each crm:<tenant> topic gets RATE / TOPICS updates a second; its buffer is full after
// BUFFER_SIZE of them. Past that (plus a minute) memory should hold level.
const BUFFER_FULL_SECONDS = Math.ceil(BUFFER_SIZE / (RATE / TOPICS));
const WARM_UP_SECONDS = Math.min(BUFFER_FULL_SECONDS + 60, Math.floor(SECONDS / 2));

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync('npx', ['nx', 'run', 'backend:build', '--output-style=static'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const mib = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
const server = await startLiveServer('switchyard');
process.on('exit', () => server.kill());
const clients = await connectClients(server, CLIENTS, TOPICS);
const samples = [];
const sample = async (elapsed, sent) => {
  const { heapUsed, rss } = await server.call('memory');
  const row = { seconds: elapsed, sent, delivered: clients.state.received, heapMiB: mib(heapUsed), rssMiB: mib(rss) };
  samples.push(row);
  process.stdout.write(
    `${String(row.seconds).padStart(5)} s  sent ${String(row.sent).padStart(7)}  delivered ${String(row.delivered).padStart(8)}  heap ${row.heapMiB} MiB  rss ${row.rssMiB} MiB\n`,
  );
};

process.stdout.write(
  `soak: ${SECONDS} s at ${RATE} events/s (${WEBHOOK_RATE}/s as signed webhooks), ${CLIENTS} clients over ${TOPICS} topics; ` +
    `replay buffers full after about ${BUFFER_FULL_SECONDS} s, growth measured from ${WARM_UP_SECONDS} s\n`,
);
let failedWebhooks = 0;
let sent = 0;
await sample(0, 0);
for (let elapsed = 0; elapsed < SECONDS; elapsed += SAMPLE_SECONDS) {
  const chunk = Math.min(SAMPLE_SECONDS, SECONDS - elapsed);
  const [bus, hooks] = await Promise.all([
    RATE > WEBHOOK_RATE
      ? server.call('drive', { rate: RATE - WEBHOOK_RATE, seconds: chunk, topics: TOPICS })
      : { sent: 0 },
    WEBHOOK_RATE > 0
      ? driveWebhooks(server, { rate: WEBHOOK_RATE, seconds: chunk, topics: TOPICS })
      : { sent: 0, errors: 0 },
  ]);
  sent += bus.sent + hooks.sent;
  failedWebhooks += hooks.errors;
  await sample(elapsed + chunk, sent);
}
// Let the clients drain what is still in flight (up to 60 s, or until nothing moves for 5 s).
const expected = (sent * CLIENTS) / TOPICS;
for (let waited = 0, still = 0, last = -1; waited < 60 && still < 5 && clients.state.received < expected; waited += 1) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  still = clients.state.received === last ? still + 1 : 0;
  last = clients.state.received;
}
await sample(SECONDS, sent); // after draining: what the server holds once idle
const delivered = clients.state.received;
clients.close();
await server.close();

const warm = samples.find((s) => s.seconds >= WARM_UP_SECONDS) ?? samples[0];
const last = samples[samples.length - 1];
const minutes = (last.seconds - warm.seconds) / 60 || 1;
const growth = {
  fromSeconds: warm.seconds,
  toSeconds: last.seconds,
  heapMiB: Math.round((last.heapMiB - warm.heapMiB) * 10) / 10,
  rssMiB: Math.round((last.rssMiB - warm.rssMiB) * 10) / 10,
  heapPercent: Math.round(((last.heapMiB - warm.heapMiB) / warm.heapMiB) * 1000) / 10,
  rssPercent: Math.round(((last.rssMiB - warm.rssMiB) / warm.rssMiB) * 1000) / 10,
  heapMiBPerMinute: Math.round(((last.heapMiB - warm.heapMiB) / minutes) * 100) / 100,
  rssMiBPerMinute: Math.round(((last.rssMiB - warm.rssMiB) / minutes) * 100) / 100,
};
const report = {
  measuredAt: new Date().toISOString(),
  seconds: SECONDS,
  rate: RATE,
  webhookRate: WEBHOOK_RATE,
  liveBufferSize: BUFFER_SIZE,
  warmUpSeconds: WARM_UP_SECONDS,
  clients: CLIENTS,
  topics: TOPICS,
  sent,
  failedWebhooks,
  expectedDeliveries: expected,
  delivered,
  samples,
  growthAfterWarmUp: growth,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/soak.json', `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `\nsoak: sent ${sent} (${failedWebhooks} webhooks refused or failed), delivered ${delivered} of ${expected} expected deliveries\n` +
    `growth after warm-up (${growth.fromSeconds} s to ${growth.toSeconds} s): heap ${growth.heapMiB} MiB (${growth.heapPercent} %, ${growth.heapMiBPerMinute} MiB/min), rss ${growth.rssMiB} MiB (${growth.rssPercent} %, ${growth.rssMiBPerMinute} MiB/min)\n` +
    'wrote bench/results/soak.json\n',
);
process.exit(delivered >= expected && failedWebhooks === 0 ? 0 : 1);
