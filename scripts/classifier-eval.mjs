// `npm run classifier:eval`: builds the backend if needed, then scores the integration
// failure classifier against its golden set: the development set and the blind held-out 6
// set when present (exit code 1 when it is missing, below 90 % held-out accuracy, or on a
// broken retry rule).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync('npx', ['nx', 'run', 'backend:build', '--output-style=static'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, ['dist/backend/cli/classifier-eval.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(run.status ?? 1);
