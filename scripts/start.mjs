// `npm start`: build whatever is missing or stale (Nx restores unchanged outputs from its
// local cache in a second or two), then run the backend, which serves console and API.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'contracts', 'backend', 'frontend', '--output-style=static'],
  {
    stdio: 'inherit',
    env,
  },
);
if (build.status !== 0) {
  console.error('npm start: the build failed; see the output above.');
  process.exit(build.status ?? 1);
}

const backend = spawn(process.execPath, ['dist/backend/main.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => backend.kill(signal));
}
backend.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
