// `npm run simulator`: build the simulator (Nx restores it from the local cache when nothing
// changed), then run it alone. SIMULATOR_PORT, SIMULATOR_SEED, SIMULATOR_HOST and
// SIMULATOR_DEMO_FAULTS are read by simulator/dist/main.js.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync('npx', ['nx', 'run', 'simulator:build', '--output-style=static'], { stdio: 'inherit', env });
if (build.status !== 0) {
  console.error('npm run simulator: the build failed; see the output above.');
  process.exit(build.status ?? 1);
}

const simulator = spawn(process.execPath, ['simulator/dist/main.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => simulator.kill(signal));
}
simulator.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
