import { createSimulator } from './simulator';

/** `npm run simulator`: one simulator on SIMULATOR_HOST:SIMULATOR_PORT until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const port = integerEnv('SIMULATOR_PORT', 4319);
  const seed = integerEnv('SIMULATOR_SEED', 42);
  const host = process.env['SIMULATOR_HOST'] || '127.0.0.1';
  const demoFaults = /^(1|true|yes)$/i.test(process.env['SIMULATOR_DEMO_FAULTS'] ?? '');
  const simulator = await createSimulator({ port, seed, host, demoFaults, logger: true });
  process.stdout.write(
    `upstream simulator listening on ${simulator.url} (seed ${seed}${demoFaults ? ', demo faults on' : ''})\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      simulator.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

function integerEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
