// HTTP load with autocannon from a child process, so the load generator never shares a
// thread with the server it measures (the app and its bare baseline are driven the same way).
const { fork } = require('node:child_process');
const { performance } = require('node:perf_hooks');
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
 * `quiet`, when given, is awaited after every run: work the run left behind in the process
 * (an app's background queue) is finished before the next run starts, so it never lands in a
 * baseline's window, and the time it took is reported as `sustainedRps`, the requests over the
 * run plus that time (what the process takes in and also finishes, per second).
 */
async function measureRounds(targets, { quiet = async () => {} } = {}) {
  const names = Object.keys(targets);
  const run = async (name) => {
    const result = await load(targets[name]);
    const started = performance.now();
    await quiet();
    const { seconds } = targets[name];
    return { ...result, sustainedRps: (result.rps * seconds) / (seconds + (performance.now() - started) / 1000) };
  };
  await quiet();
  for (const name of names) await run(name);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < REPEATS; i += 1) for (const name of names) runs[name].push(await run(name));
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        rps: median(runs[name].map((r) => r.rps)),
        sustainedRps: median(runs[name].map((r) => r.sustainedRps)),
        p99: median(runs[name].map((r) => r.p99)),
        errors: runs[name].reduce((n, r) => n + r.errors, 0),
      },
    ]),
  );
}

module.exports = { load, measure, measureRounds, REPEATS };
