import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Simulator } from '@switchyard/simulator';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config';
import { CredentialsService, SourcesService } from '../sources';
import { demoCredentials, demoSources } from './demo-catalog';

const BRANDS = ['acme-fitness', 'bright-smiles', 'green-leaf'];

/**
 * Demo mode (`npm start`): runs the upstream simulator in-process, with its seeded
 * fault schedule, and defines credentials and sources for every vendor it serves.
 * Seeding is idempotent: what already exists is left as the operator left it.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DemoService.name);
  private simulator: Simulator | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly sources: SourcesService,
    private readonly credentials: CredentialsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo.enabled) return;
    const { createSimulator } = await import('@switchyard/simulator');
    this.simulator = await createSimulator({
      seed: this.config.demo.simulatorSeed,
      port: this.config.demo.simulatorPort,
      host: '127.0.0.1',
      demoFaults: true,
      logger: false,
    });
    this.sources.addressPolicy.allow('127.0.0.1');
    const seeded = await this.seed(this.simulator.url);
    await this.connectWebhooks(this.simulator);
    this.logger.log(
      { simulator: this.simulator.url, seeded },
      `demo mode: upstream simulator on ${this.simulator.url} (fault control at ${this.simulator.url}/_control/state); ${seeded} new demo source(s)`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.simulator?.close();
    this.simulator = null;
  }

  private async seed(simulatorUrl: string): Promise<number> {
    const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
    for (const credential of demoCredentials(BRANDS, webhookSecret)) {
      if (!(await this.credentials.exists(credential.id))) await this.credentials.put(credential);
    }
    let created = 0;
    for (const source of demoSources(simulatorUrl, BRANDS)) {
      const exists = await this.sources.require(source.id).then(
        () => true,
        () => false,
      );
      if (exists) continue;
      await this.sources.create(source);
      created += 1;
    }
    return created;
  }

  /** Points the simulator's change notifications at this backend, signed with the stored secret. */
  private async connectWebhooks(simulator: Simulator): Promise<void> {
    const base = `http://127.0.0.1:${this.config.http.port}/api/v1/sources`;
    for (const [vendor, credentialId, sourceId] of [
      ['calendar', 'calendar-webhooks', 'calendar-events'],
      ['pm', 'pm-webhooks', 'pm-projects'],
    ] as const) {
      const secret = await this.credentials.open(credentialId);
      if (secret) simulator.setWebhook(vendor, { url: `${base}/${sourceId}/webhook`, secret: secret.secret });
    }
  }
}
