// B2: signed webhook to Socket.IO client latency, 1,000 clients over 50 topics (20 per
// topic), 200 webhooks/s spread over the topics (4,000 deliveries/s). Switchyard (signed
// POST → verified, raw snapshot kept, normalized and upserted, routed, freshness looked
// up, numbered in Postgres, pushed) beside a bare Socket.IO server emitting the same
// messages to rooms, in the same run. Latency runs from the moment the webhook is sent.
const { figure, median } = require('./lib/harness.cjs');
const { connectClients, driveWebhooks, pause, percentile, startLiveServer } = require('./lib/live-clients.cjs');

const CLIENTS = Number(process.env.B2_CLIENTS ?? 1000);
const TOPICS = 50;
const RATE = Number(process.env.B2_RATE ?? 200);
const SECONDS = Number(process.env.B2_SECONDS ?? 5);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

/** Switchyard takes signed webhooks from this process; the bare server emits in its own. */
const drive = (server, mode, seconds) =>
  mode === 'bare'
    ? server.call('drive', { rate: RATE, seconds, topics: TOPICS }).then(({ sent }) => ({ sent, errors: 0 }))
    : driveWebhooks(server, { rate: RATE, seconds, topics: TOPICS });

async function measure(mode) {
  const server = await startLiveServer(mode);
  const clients = await connectClients(server, CLIENTS, TOPICS);
  try {
    const warmUp = await drive(server, mode, 2);
    // Let the warm-up's deliveries finish before recording (their markers would count).
    for (let waited = 0; clients.state.received < (warmUp.sent * CLIENTS) / TOPICS && waited < 30_000; waited += 100)
      await pause(100);
    await pause(500);
    const runs = [];
    let webhooks = 0;
    const queriesBefore = (await server.call('queries')).queries ?? 0;
    for (let i = 0; i < REPEATS; i += 1) {
      clients.state.latencies = [];
      clients.state.recording = true;
      const started = Date.now();
      const { sent, errors } = await drive(server, mode, SECONDS);
      webhooks += sent;
      if (errors > 0) throw new Error(`B2 ${mode}: ${errors} webhooks refused or failed`);
      const expected = (sent * CLIENTS) / TOPICS;
      // Late deliveries count (with their latency); only missing ones fail the run.
      for (let waited = 0; clients.state.latencies.length < expected && waited < 30_000; waited += 100)
        await pause(100);
      clients.state.recording = false;
      const got = clients.state.latencies.length;
      if (got < expected) throw new Error(`B2 ${mode}: ${got} of ${expected} deliveries arrived`);
      // Sustained rate: every delivery of the run over the time from first send to last arrival.
      const rate = expected / ((Date.now() - started) / 1000);
      runs.push([...[50, 95, 99].map((p) => percentile(clients.state.latencies, p)), rate]);
    }
    // Every statement of the recorded runs (and the housekeeping that ran meanwhile) per webhook.
    const queries = ((await server.call('queries')).queries ?? 0) - queriesBefore;
    return {
      roundTrips: webhooks > 0 ? queries / webhooks : 0,
      p50: median(runs.map((r) => r[0])),
      p95: median(runs.map((r) => r[1])),
      p99: median(runs.map((r) => r[2])),
      rate: median(runs.map((r) => r[3])),
    };
  } finally {
    clients.close();
    await server.close();
  }
}

async function run() {
  const bare = await measure('bare');
  const live = await measure('switchyard');
  const base = (p) => ({ name: `bare Socket.IO emit ${p}`, unit: 'ms', value: bare[p] });
  return {
    id: 'B2',
    title: `Signed webhook to client latency, ${CLIENTS} clients over ${TOPICS} topics, ${RATE} webhooks/s (${(RATE * CLIENTS) / TOPICS} deliveries/s), ${SECONDS} s x ${REPEATS}`,
    figures: [
      ...['p50', 'p95', 'p99'].map((p) => figure(`signed webhook to client ${p}`, live[p], 'ms', base(p), false)),
      figure(
        'deliveries per second, sustained',
        Math.round(live.rate),
        '/s',
        {
          name: 'bare Socket.IO emit',
          unit: '/s',
          value: Math.round(bare.rate),
        },
        true,
      ),
      figure(
        'database round trips per webhook',
        Math.round(live.roundTrips * 10) / 10,
        'statements',
        { name: 'bare Socket.IO emit (no database)', unit: 'statements', value: 0 },
        false,
      ),
    ],
  };
}

module.exports = { run };
