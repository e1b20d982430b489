import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IntegrationEventSender, Simulator } from '@switchyard/simulator';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:net';
import { ALL_DATA, ROLES, type DataScopes, type Role } from '@switchyard/contracts';
import { ClientsService, UsersService } from '../auth';
import { AppConfig } from '../config';
import { DEMO_WEBHOOK_SECRET } from '../integrations';
import { CredentialsService, SourcesService } from '../sources';
import {
  demoCredentials,
  demoSources,
  jiraProjectKeys,
  retiredDemoSources,
  type SimulatorDemoSecrets,
} from './demo-catalog';

const BRANDS = ['acme-fitness', 'bright-smiles', 'green-leaf'];
/** Integration webhooks the simulator sends in demo mode (Procore, Gusto, QuickBooks, Stripe Issuing, LCPtracker). */
const DEMO_INTEGRATION_EVENTS_PER_MINUTE = 30;
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_CLIENT = {
  id: 'demo-integrator',
  secret: 'demo-integrator-secret',
  scope: 'read:dashboard',
} as const;

/** Sensible data scopes per demo role: a team manager sees one team, a brand's admin one brand. */
const DEMO_SCOPES: Partial<Record<Role, DataScopes>> = {
  // BambooHR names departments (its divisions) and teams (its departments): the names are the ids.
  team_manager: { tenants: [], departments: ['Operations'], teams: ['Facilities'], portfolios: ['Operations'] },
  business_admin: { tenants: ['acme-fitness', 'bright-smiles'], departments: '*', teams: '*', portfolios: '*' },
};

/**
 * Demo mode (`npm start`): runs the upstream simulator in-process, with its seeded
 * fault schedule, and defines credentials and sources for every vendor it serves.
 * Seeding is idempotent: what already exists is left as the operator left it.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DemoService.name);
  private simulator: Simulator | null = null;
  private integrationEvents: IntegrationEventSender | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly sources: SourcesService,
    private readonly credentials: CredentialsService,
    private readonly users: UsersService,
    private readonly clients: ClientsService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo.enabled) return;
    const simulatorModule = await import('@switchyard/simulator');
    const { createSimulator, startIntegrationEventSender } = simulatorModule;
    this.simulator = await createSimulator({
      seed: this.config.demo.simulatorSeed,
      port: this.config.demo.simulatorPort,
      host: '127.0.0.1',
      demoFaults: true,
      logger: false,
    });
    const seeded = await this.seed(this.simulator.url, simulatorModule);
    await this.seedIdentities();
    await this.connectWebhooks(this.simulator);
    // The simulator plays the five business integrations too, each natively signed with the demo secret.
    this.integrationEvents = startIntegrationEventSender({
      targetUrl: () => `http://127.0.0.1:${this.listeningPort()}/webhooks`,
      secret: DEMO_WEBHOOK_SECRET,
      ratePerMinute: DEMO_INTEGRATION_EVENTS_PER_MINUTE,
      seed: this.config.demo.simulatorSeed,
    });
    this.logger.log(
      { simulator: this.simulator.url, seeded },
      `demo mode: upstream simulator on ${this.simulator.url} (fault control at ${this.simulator.url}/_control/state); ${seeded} new demo source(s)`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.integrationEvents?.stop();
    this.integrationEvents = null;
    await this.simulator?.close();
    this.simulator = null;
  }

  private async seed(simulatorUrl: string, sim: SimulatorDemoSecrets): Promise<number> {
    await this.retireOldDemoSources();
    const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
    for (const credential of demoCredentials(sim, BRANDS, webhookSecret)) {
      if (!(await this.credentials.exists(credential.id))) await this.credentials.put(credential);
    }
    let created = 0;
    for (const source of demoSources(simulatorUrl, BRANDS, sim, await jiraProjectKeys(simulatorUrl, sim))) {
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

  /** Sources an earlier demo defined on the simulator's dialects go, with their rows. */
  private async retireOldDemoSources(): Promise<void> {
    for (const id of retiredDemoSources(await this.sources.findAll())) {
      await this.sources.delete(id);
      this.logger.log({ sourceId: id }, `demo source ${id} replaced by one on a real vendor's connector`);
    }
  }

  /** One user per role and one integrator client, with the documented demo passwords. */
  private async seedIdentities(): Promise<void> {
    for (const role of ROLES) {
      if (await this.users.findByEmail(`${role}@demo.local`)) continue;
      await this.users.create(
        {
          email: `${role}@demo.local`,
          displayName: role.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
          password: DEMO_PASSWORD,
          roles: [role],
          dataScopes: DEMO_SCOPES[role] ?? ALL_DATA,
        },
        null,
      );
    }
    if (!(await this.clients.exists(DEMO_CLIENT.id))) {
      await this.clients.create(
        { id: DEMO_CLIENT.id, name: 'Demo integrator', scopes: [DEMO_CLIENT.scope], dataScopes: ALL_DATA },
        null,
        DEMO_CLIENT.secret,
      );
    }
  }

  /** The port this app really listens on (tests and benchmarks listen on port 0). */
  private listeningPort(): number {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    const address = server?.address();
    return typeof address === 'object' && address !== null ? address.port : this.config.http.port;
  }

  /** What `npm start` prints for people: where things are and how to sign in. */
  banner(baseUrl: string): string | null {
    if (!this.simulator) return null;
    return [
      '',
      `  Switchyard demo is running on ${baseUrl}`,
      `  Sign in as any role: <role>@demo.local / ${DEMO_PASSWORD}`,
      `    roles: ${ROLES.join(', ')}`,
      `  Service client: ${DEMO_CLIENT.id} / ${DEMO_CLIENT.secret} (scope ${DEMO_CLIENT.scope}):`,
      `    curl -s -u ${DEMO_CLIENT.id}:${DEMO_CLIENT.secret} -d grant_type=client_credentials ${baseUrl}/auth/token`,
      `  Upstream simulator: ${this.simulator.url} (faults: ${this.simulator.url}/_control/state)`,
      `  Integration webhooks: POST ${baseUrl}/webhooks/<procore|gusto|quickbooks|stripe_issuing|lcptracker>`,
      `    every integration accepts the demo secret ${DEMO_WEBHOOK_SECRET}`,
      '    in its sender’s scheme: Stripe signing secret, QuickBooks verifier token, Gusto verification token,',
      '    Procore Authorization value, Standard Webhooks secret (docs/webhook-senders.md)',
      '',
    ].join('\n');
  }

  /** Points the simulator's change notifications at this backend, signed with the stored secret. */
  private async connectWebhooks(simulator: Simulator): Promise<void> {
    const base = `http://127.0.0.1:${this.config.http.port}/api/v1/sources`;
    // The demo PPM vendor signs its change notifications; a notice refreshes the risks at once.
    const secret = await this.credentials.open('ppm-webhooks');
    if (secret) simulator.setWebhook('pm', { url: `${base}/pm-risks/webhook`, secret: secret.secret });
  }
}
