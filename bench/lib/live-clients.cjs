// Socket.IO clients for the live benchmarks, and the child-process live servers they talk to.
const { fork } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { join } = require('node:path');
const { io } = require('socket.io-client');
const { createBenchDatabase } = require('./database.cjs');

const wallMs = () => performance.timeOrigin + performance.now();

/** Starts `live-server.cjs` in `mode` ('switchyard' on a fresh Postgres database, or 'bare'). */
async function startLiveServer(mode) {
  let database = null;
  if (mode === 'switchyard') database = await createBenchDatabase();
  const child = fork(join(__dirname, 'live-server.cjs'), [mode, database?.url ?? ''], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${mode} live server exited with ${code}`)));
  });
  let next = 0;
  const call = (cmd, args = {}) =>
    new Promise((resolve) => {
      const id = (next += 1);
      const onMessage = (message) => {
        if (message.id !== id) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ cmd, id, ...args });
    });
  return {
    url: `http://127.0.0.1:${ready.port}`,
    token: ready.token,
    call,
    /** For a caller that is failing: never leave the server process behind. */
    kill: () => child.kill('SIGKILL'),
    close: async () => {
      await call('close');
      await database?.drop();
    },
  };
}

/**
 * Connects `count` clients, client i following topic `crm:t<i % topics>`; every update's
 * latency (marker time to arrival) goes to `latencies` while `recording` is on.
 */
async function connectClients(server, count, topics) {
  const state = { recording: false, latencies: [], received: 0 };
  const sockets = [];
  const connectOne = (i) =>
    new Promise((resolve, reject) => {
      const socket = io(`${server.url}/live`, {
        auth: { token: server.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 60_000,
      });
      socket.on('update', (update) => {
        state.received += 1;
        if (!state.recording) return;
        const marker = update.data?.upsertedIds?.[0];
        if (marker) state.latencies.push(wallMs() - Number(marker.split('@')[1]));
      });
      socket.once('connect_error', reject);
      socket.once('connect', async () => {
        const topic = `crm:t${String(i % topics).padStart(2, '0')}`;
        const ack = await socket.timeout(30_000).emitWithAck('subscribe', { topics: [topic] });
        if (!ack.results[0].granted) reject(new Error(`refused ${topic}`));
        resolve(socket);
      });
    });
  for (let start = 0; start < count; start += 100) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + 100); i += 1) batch.push(connectOne(i));
    sockets.push(...(await Promise.all(batch)));
  }
  return {
    state,
    close: () => {
      for (const socket of sockets) socket.close();
    },
  };
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { startLiveServer, connectClients, percentile, pause };
