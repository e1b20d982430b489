// `npm run soak` (on demand, not in CI): SOAK_SECONDS (default 600) at SOAK_RATE events/s
// (default 200) through the live path of the real app in a child process, with 200
// Socket.IO clients. Samples the server's heap (after GC) and RSS every 10 s, prints a
// table and the growth after warm-up, and writes bench/results/soak.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { connectClients, startLiveServer } = require('../bench/lib/live-clients.cjs');

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = Number(process.env.SOAK_RATE ?? 200);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 200);
const TOPICS = 50;
const SAMPLE_SECONDS = 10;
const WARM_UP_SECONDS = Math.min(60, Math.floor(SECONDS / 4));

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

process.stdout.write(`soak: ${SECONDS} s at ${RATE} events/s, ${CLIENTS} clients over ${TOPICS} topics\n`);
let sent = 0;
await sample(0, 0);
for (let elapsed = 0; elapsed < SECONDS; elapsed += SAMPLE_SECONDS) {
  const chunk = Math.min(SAMPLE_SECONDS, SECONDS - elapsed);
  sent += (await server.call('drive', { rate: RATE, seconds: chunk, topics: TOPICS })).sent;
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
  heapMiBPerMinute: Math.round(((last.heapMiB - warm.heapMiB) / minutes) * 100) / 100,
  rssMiBPerMinute: Math.round(((last.rssMiB - warm.rssMiB) / minutes) * 100) / 100,
};
const report = {
  measuredAt: new Date().toISOString(),
  seconds: SECONDS,
  rate: RATE,
  clients: CLIENTS,
  topics: TOPICS,
  sent,
  expectedDeliveries: expected,
  delivered,
  samples,
  growthAfterWarmUp: growth,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/soak.json', `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `\nsoak: sent ${sent}, delivered ${delivered} of ${expected} expected deliveries\n` +
    `growth after warm-up (${growth.fromSeconds} s to ${growth.toSeconds} s): heap ${growth.heapMiB} MiB (${growth.heapMiBPerMinute} MiB/min), rss ${growth.rssMiB} MiB (${growth.rssMiBPerMinute} MiB/min)\n` +
    'wrote bench/results/soak.json\n',
);
process.exit(delivered >= expected ? 0 : 1);
