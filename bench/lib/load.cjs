// HTTP load with autocannon from a child process, so the load generator never shares a
// thread with the server it measures (the app and its bare baseline are driven the same way).
const { fork } = require('node:child_process');
const { median } = require('./harness.cjs');

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

/**
 * One autocannon run. `signer` names a module and export that builds an autocannon
 * `setupRequest` in the child (for requests that differ every time, e.g. signed webhooks).
 */
function load({ url, connections, seconds, headers = {}, signer = null }) {
  return new Promise((resolve, reject) => {
    const child = fork(
      require.resolve('./load-child.cjs'),
      [JSON.stringify({ url, connections, seconds, headers, signer })],
      {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    let result = null;
    child.once('message', (message) => (result = message));
    child.once('error', reject);
    child.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`load generator exited with code ${code} and no result`)),
    );
  });
}

/** A warm-up run, then REPEATS runs: median throughput and p99, and every failed request counted. */
async function measure(options) {
  await load(options);
  const runs = [];
  for (let i = 0; i < REPEATS; i += 1) runs.push(await load(options));
  return {
    rps: median(runs.map((r) => r.rps)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/**
 * Several targets measured side by side: a warm-up of each, then REPEATS rounds that run every
 * target one after the other, so on a shared machine a baseline runs beside each figure it is
 * compared with. `targets` maps names to `load` options (url, connections, seconds, headers,
 * signer); answers median throughput and p99 per name, with every failed request counted.
 */
async function measureRounds(targets) {
  const names = Object.keys(targets);
  for (const name of names) await load(targets[name]);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < REPEATS; i += 1) for (const name of names) runs[name].push(await load(targets[name]));
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        rps: median(runs[name].map((r) => r.rps)),
        p99: median(runs[name].map((r) => r.p99)),
        errors: runs[name].reduce((n, r) => n + r.errors, 0),
      },
    ]),
  );
}

module.exports = { load, measure, measureRounds, REPEATS };
