import { type FastifyBaseLogger } from 'fastify';
import { type SimulatorCore } from './core';
import { Rng } from './random';
import { MINUTE, SECOND } from './time';
import { type FaultSpec, type VendorId } from './types';

export const DEMO_FAULTS_EVERY_MS = 4 * MINUTE;

type Episode = (rng: Rng, brands: readonly string[]) => { vendor: VendorId; spec: FaultSpec };

/** The README's demo episodes: each shows trouble and then recovers on its own. */
const EPISODES: readonly Episode[] = [
  () => ({ vendor: 'metrics', spec: { type: 'frozen', durationMs: 3 * MINUTE } }),
  // Long enough to span a couple of the incident source's 2-minute polls, so its breaker opens.
  () => ({ vendor: 'ticketing', spec: { type: 'server_error', status: 503, durationMs: 5 * MINUTE } }),
  (rng, brands) => ({
    vendor: 'crm',
    spec: { type: 'rate_limit', retryAfterSeconds: 30, durationMs: 30 * SECOND, brand: rng.pick(brands) },
  }),
  () => ({ vendor: 'hris', spec: { type: 'latency', latencyMs: 4 * SECOND, durationMs: 2 * MINUTE } }),
];

/**
 * Each invented vendor's real-API twin shows the same trouble at the same time, so a demo
 * reads the same whichever dialect the backend syncs from; the schedule itself is unchanged.
 */
const TWINS: Partial<Record<VendorId, VendorId>> = {
  metrics: 'prometheus',
  ticketing: 'servicenow',
  crm: 'clienttether',
};

/**
 * Runs one seeded episode every `everyMs` of wall time (±12%), cycling through all four in a
 * seeded order. The first comes after a quarter interval so a fresh demo shows trouble soon.
 */
export class DemoFaults {
  private timer: NodeJS.Timeout | null = null;
  private queue: Episode[] = [];
  private cycles = 0;
  private readonly rng: Rng;

  constructor(
    private readonly core: SimulatorCore,
    private readonly everyMs: number,
    private readonly log: FastifyBaseLogger,
  ) {
    this.rng = Rng.stream(core.settings.seed, 'demo-faults');
  }

  start(): void {
    this.schedule(Math.round(this.everyMs / 4));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => this.runEpisode(), delayMs);
    this.timer.unref();
  }

  private runEpisode(): void {
    // The first cycle opens with frozen metrics: the source that shows late, stale and
    // recovery soonest (it syncs every 30 s).
    if (this.queue.length === 0)
      this.queue =
        this.cycles++ === 0 ? [EPISODES[0], ...this.rng.shuffle(EPISODES.slice(1))] : this.rng.shuffle(EPISODES);
    const episode = this.queue.shift();
    if (episode) {
      const { vendor, spec } = episode(this.rng, this.core.settings.crmBrands);
      for (const target of [vendor, TWINS[vendor]]) {
        if (target === undefined) continue;
        const fault = this.core.addFault(target, spec);
        this.log.warn({ vendor: target, fault }, 'demo fault episode started');
      }
    }
    this.schedule(Math.round(this.everyMs * (0.88 + 0.24 * this.rng.float())));
  }
}
