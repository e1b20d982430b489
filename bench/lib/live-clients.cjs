// Socket.IO clients for the live benchmarks, and the child-process live servers they talk to.
const { fork } = require('node:child_process');
const { createHmac } = require('node:crypto');
const http = require('node:http');
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
    execArgv: ['--expose-gc', ...(process.env.LIVE_SERVER_ARGS ?? '').split(' ').filter(Boolean)],
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
    webhookSecret: ready.webhookSecret,
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

/**
 * Sends `rate` signed webhooks per second for `seconds` from this process, round-robin
 * over the server's `topics` webhook-fed CRM sources; each carries one lead whose id is
 * the marker (send time). Sends are not awaited, so the rate holds whatever the server's
 * pace; a refused or failed one is counted. Resolves when every answer is in.
 */
function driveWebhooks(server, { rate, seconds, topics }) {
  const key = Buffer.from(server.webhookSecret.slice('whsec_'.length), 'base64');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(rate * seconds);
  const outcome = { sent: 0, errors: 0 };
  let answered = 0;
  return new Promise((resolve) => {
    const answer = () => {
      answered += 1;
      if (answered === total) {
        agent.destroy();
        resolve(outcome);
      }
    };
    const send = (n) => {
      const tenant = `t${String(n % topics).padStart(2, '0')}`;
      const id = `msg_${process.pid}_${n}_${Date.now()}`;
      const timestamp = Math.floor(Date.now() / 1000);
      const at = new Date().toISOString();
      const body = JSON.stringify({
        data: [{ lead_id: `${n}@${wallMs()}`, lead_source: 'web', lead_status: 'new', created_at: at, updated_at: at }],
      });
      const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
      const request = http.request(`${server.url}/api/v1/sources/bench-crm-${tenant}/webhook`, {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': `v1,${signature}`,
        },
      });
      request.on('response', (response) => {
        if (response.statusCode >= 300) outcome.errors += 1;
        response.resume();
        response.on('end', answer);
      });
      request.on('error', () => {
        outcome.errors += 1;
        answer();
      });
      request.end(body);
    };
    const started = wallMs();
    const tick = () => {
      const due = Math.min(total, Math.floor(((wallMs() - started) / 1000) * rate) + 1);
      while (outcome.sent < due) {
        send(outcome.sent);
        outcome.sent += 1;
      }
      if (outcome.sent < total) setTimeout(tick, 2);
    };
    tick();
  });
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { startLiveServer, connectClients, driveWebhooks, percentile, pause };
