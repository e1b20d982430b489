// `npm test`: every check that can run here, in order, with a summary at the end.
// The medium and browser tests pick Postgres and Chromium up from DATABASE_URL,
// CHROME_PATH and E2E_REQUIRED (see README).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const nx = (...args) => ['npx', 'nx', ...args, '--output-style=static'];

const stages = [
  ['format (prettier)', ['npx', 'prettier', '--check', '.', '--log-level', 'warn']],
  ['lint and type-check', nx('run-many', '-t', 'lint', 'typecheck')],
  ['unit tests', nx('run-many', '-t', 'test')],
  ['medium tests (real database)', nx('run', 'backend:test-medium')],
  ['fault tests (private Redis and Postgres)', nx('run', 'backend:test-faults')],
  ['end-to-end tests (API and Chromium)', nx('run', 'e2e:e2e')],
  ['docker compose file', ['node', 'scripts/check-compose.mjs']],
];

const results = [];
for (const [name, [command, ...args]] of stages) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: run.status === 0, seconds });
}

process.stdout.write('\n=== summary ===\n');
for (const { name, ok, seconds } of results) process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${name} (${seconds} s)\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`stages: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
