// B5: heap per connection and broadcast p99 at 5,000 sockets (100 per topic over 50
// topics), Switchyard's /live beside a bare Socket.IO server in the same run. Heap is
// the server process's, after a forced GC, before and after the sockets subscribed. The
// broadcast is one event per topic raised on the domain event bus, so it measures the
// fan-out alone (B2 covers the webhook in front of it).
const { figure, median } = require('./lib/harness.cjs');
const { connectClients, pause, percentile, startLiveServer } = require('./lib/live-clients.cjs');

const SOCKETS = Number(process.env.B5_SOCKETS ?? 5000);
const TOPICS = 50;
const ROUNDS = Number(process.env.B5_ROUNDS ?? 10);

async function measure(mode) {
  const server = await startLiveServer(mode);
  try {
    const before = (await server.call('heap')).heapUsed;
    const clients = await connectClients(server, SOCKETS, TOPICS);
    try {
      await pause(1000);
      const after = (await server.call('heap')).heapUsed;
      // One event per topic reaches every socket once; warm up, then record the rounds.
      await server.call('burst', { topics: TOPICS, via: 'bus' });
      await pause(1000);
      const p99s = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        clients.state.latencies = [];
        clients.state.recording = true;
        await server.call('burst', { topics: TOPICS, via: 'bus' });
        for (let waited = 0; clients.state.latencies.length < SOCKETS && waited < 10_000; waited += 50) await pause(50);
        clients.state.recording = false;
        if (clients.state.latencies.length < SOCKETS) {
          throw new Error(`B5 ${mode}: ${clients.state.latencies.length} of ${SOCKETS} deliveries arrived`);
        }
        p99s.push(percentile(clients.state.latencies, 99));
        await pause(200);
      }
      return { heapPerSocket: (after - before) / SOCKETS / 1024, p99: median(p99s) };
    } finally {
      clients.close();
    }
  } finally {
    await server.close();
  }
}

async function run() {
  const bare = await measure('bare');
  const live = await measure('switchyard');
  return {
    id: 'B5',
    title: `${SOCKETS} sockets over ${TOPICS} topics: server heap per connection and broadcast p99 (${ROUNDS} rounds)`,
    figures: [
      figure(
        'heap per connection',
        live.heapPerSocket,
        'KiB',
        { name: 'bare Socket.IO', unit: 'KiB', value: bare.heapPerSocket },
        false,
      ),
      figure(
        'broadcast p99 (one event per topic)',
        live.p99,
        'ms',
        { name: 'bare Socket.IO emit', unit: 'ms', value: bare.p99 },
        false,
      ),
    ],
  };
}

module.exports = { run };
