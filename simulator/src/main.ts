import { startIntegrationEventSender } from './integrations/sender';
import { createSimulator } from './simulator';

/** `npm run simulator`: one simulator on SIMULATOR_HOST:SIMULATOR_PORT until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const port = integerEnv('SIMULATOR_PORT', 4319);
  const seed = integerEnv('SIMULATOR_SEED', 42);
  const host = process.env['SIMULATOR_HOST'] || '127.0.0.1';
  const demoFaults = /^(1|true|yes)$/i.test(process.env['SIMULATOR_DEMO_FAULTS'] ?? '');
  const prometheusAuth = process.env['SIMULATOR_PROMETHEUS_AUTH'] === 'bearer' ? 'bearer' : 'none';
  const simulator = await createSimulator({ port, seed, host, demoFaults, prometheusAuth, logger: true });
  process.stdout.write(
    `upstream simulator listening on ${simulator.url} (seed ${seed}${demoFaults ? ', demo faults on' : ''})\n`,
  );
  // SIMULATOR_INTEGRATIONS_TARGET=http://127.0.0.1:3000/webhooks sends integration webhooks there.
  const target = process.env['SIMULATOR_INTEGRATIONS_TARGET'];
  const sender = target
    ? startIntegrationEventSender({
        targetUrl: target,
        secret: process.env['SIMULATOR_INTEGRATIONS_SECRET'] || 'whsec_c3dpdGNoeWFyZC1kZW1vLXdlYmhvb2stc2VjcmV0',
        ratePerMinute: integerEnv('SIMULATOR_INTEGRATIONS_PER_MINUTE', 30),
        seed,
      })
    : null;
  if (target) process.stdout.write(`integration webhooks to ${target}/<integration>\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      Promise.all([sender?.stop(), simulator.close()]).then(
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
