// B2: event to Socket.IO client latency, 1,000 clients over 50 topics (20 per topic),
// 200 events/s spread over the topics (4,000 deliveries/s). Switchyard (event on the
// domain bus → routed, freshness looked up, numbered in Postgres, pushed) beside a bare
// Socket.IO server emitting the same messages to rooms, in the same run.
const { figure, median } = require('./lib/harness.cjs');
const { connectClients, pause, percentile, startLiveServer } = require('./lib/live-clients.cjs');

const CLIENTS = Number(process.env.B2_CLIENTS ?? 1000);
const TOPICS = 50;
const RATE = Number(process.env.B2_RATE ?? 200);
const SECONDS = Number(process.env.B2_SECONDS ?? 5);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

async function measure(mode) {
  const server = await startLiveServer(mode);
  const clients = await connectClients(server, CLIENTS, TOPICS);
  try {
    await server.call('drive', { rate: RATE, seconds: 2, topics: TOPICS }); // warm-up
    await pause(500);
    const runs = [];
    for (let i = 0; i < REPEATS; i += 1) {
      clients.state.latencies = [];
      clients.state.recording = true;
      const { sent } = await server.call('drive', { rate: RATE, seconds: SECONDS, topics: TOPICS });
      const expected = (sent * CLIENTS) / TOPICS;
      // Late deliveries count (with their latency); only missing ones fail the run.
      for (let waited = 0; clients.state.latencies.length < expected && waited < 30_000; waited += 100)
        await pause(100);
      clients.state.recording = false;
      const got = clients.state.latencies.length;
      if (got < expected) throw new Error(`B2 ${mode}: ${got} of ${expected} deliveries arrived`);
      runs.push([50, 95, 99].map((p) => percentile(clients.state.latencies, p)));
    }
    return {
      p50: median(runs.map((r) => r[0])),
      p95: median(runs.map((r) => r[1])),
      p99: median(runs.map((r) => r[2])),
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
    title: `Event to client latency, ${CLIENTS} clients over ${TOPICS} topics, ${RATE} events/s (${(RATE * CLIENTS) / TOPICS} deliveries/s), ${SECONDS} s x ${REPEATS}`,
    figures: ['p50', 'p95', 'p99'].map((p) => figure(`event to client ${p}`, live[p], 'ms', base(p), false)),
  };
}

module.exports = { run };
