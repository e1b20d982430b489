import { type Socket } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { MAX_ADVANCE_STEPS, registerControlRoutes } from './control.routes';
import { SimulatorCore } from './core';
import { DEMO_FAULTS_EVERY_MS, DemoFaults } from './demo-faults';
import { parseFaultSpec } from './faults';
import { HttpError, VendorError } from './http';
import { installVendorPipeline } from './pipeline';
import { SECOND } from './time';
import {
  isVendorId,
  VENDORS,
  type FaultSpec,
  type RequestContext,
  type FaultView,
  type RequestLogEntry,
  type SimulatorState,
  type VendorId,
  type WebhookTarget,
} from './types';
import { DEFAULT_CRM_BRANDS } from './vendors/crm';
import { type PrometheusAuth } from './vendors/prometheus';
import { type DeliveryResult, parseWebhookTarget } from './webhooks';

export interface SimulatorOptions {
  /** Seed for every generated record (default 42). */
  seed?: number;
  /** Port to listen on (default 4319; 0 = any free port). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Simulator clock in epoch ms (default `Date.now`); tests inject one to control steps. */
  now?: () => number;
  /** Simulator time between evolution steps (default 15000). */
  evolveEveryMs?: number;
  /** Run the seeded demo fault schedule (default false). */
  demoFaults?: boolean;
  /** Wall time between demo fault episodes (default 240000). */
  demoFaultsEveryMs?: number;
  /** CRM brands, one API key each (default acme-fitness, bright-smiles, green-leaf). */
  crmBrands?: string[];
  /** Records per CRM brand, for benchmarks (default: 300 leads). */
  crmRecordsPerBrand?: { leads?: number };
  /** Prometheus access: open like a default server, or a bearer token checked by a proxy (default 'none'). */
  prometheusAuth?: PrometheusAuth;
  /** Initial change-notification targets (pm, calendar). */
  webhooks?: Partial<Record<VendorId, WebhookTarget>>;
  /** Log warnings (failed webhook deliveries, demo episodes) with pino (default false: silent). */
  logger?: boolean;
}

export interface Simulator {
  /** Base URL, e.g. http://127.0.0.1:4319 */
  readonly url: string;
  readonly port: number;
  readonly seed: number;
  /** The same views and actions as the control API, for in-process callers. */
  state(): SimulatorState;
  addFault(vendor: VendorId, spec: FaultSpec): FaultView;
  clearFaults(vendor?: VendorId): number;
  advance(vendor: VendorId, steps?: number): { steps: number; applied: number; frozen: boolean };
  requests(filter?: { vendor?: VendorId; since?: string }): RequestLogEntry[];
  clearRequests(): number;
  setWebhook(vendor: VendorId, target: WebhookTarget): void;
  notify(vendor: VendorId): Promise<(DeliveryResult & { ids: string[] }) | null>;
  /** Runs a vendor's named control action, e.g. `action('google', 'expire-sync-tokens')`. */
  action(vendor: VendorId, name: string): unknown;
  close(): Promise<void>;
}

const PUSH_CHECK_EVERY_MS = SECOND;

export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const settings = resolveOptions(options);
  const app = Fastify({ logger: options.logger ? { level: 'warn' } : false, forceCloseConnections: true });
  const core = new SimulatorCore(settings, app.log);
  for (const [vendor, target] of Object.entries(options.webhooks ?? {})) {
    if (!isVendorId(vendor) || target === undefined) continue;
    const parsed = parseWebhookTarget(target);
    if (typeof parsed === 'string') throw new Error(`webhooks.${vendor}: ${parsed}`);
    core.setWebhook(vendor, parsed);
  }
  const held = new Set<Socket>();
  wireServer(app, core, held);

  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 4319, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 4319);

  const pushTimer = setInterval(() => core.pushDue(), PUSH_CHECK_EVERY_MS);
  pushTimer.unref();
  const demo = options.demoFaults
    ? new DemoFaults(core, options.demoFaultsEveryMs ?? DEMO_FAULTS_EVERY_MS, app.log)
    : null;
  demo?.start();

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearInterval(pushTimer);
      demo?.stop();
      // Requests held by a `timeout` fault would keep close() waiting forever.
      for (const socket of held) socket.destroy();
      await core.webhooks.close();
      await app.close();
    })();
    return closing;
  };
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { url, port, seed: settings.seed, ...inProcessControls(core), close };
}

function wireServer(app: FastifyInstance, core: SimulatorCore, held: Set<Socket>): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body.toString())));
  });
  app.setErrorHandler((error: FastifyError | HttpError | VendorError, _request, reply) => {
    if (error instanceof VendorError) return reply.code(error.statusCode).headers(error.headers).send(error.body);
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const code = error instanceof HttpError ? error.code : status < 500 ? 'invalid_request' : 'server_error';
    return reply.code(status).send({ error: code, message: error.message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` }),
  );
  installVendorPipeline(app, core, held);
  registerControlRoutes(app, core);
  for (const vendor of VENDORS) core.model(vendor).routes(app, vendorContext);
}

/** The control API for in-process callers; input is validated exactly as over HTTP. */
function inProcessControls(core: SimulatorCore): Omit<Simulator, 'url' | 'port' | 'seed' | 'close'> {
  return {
    state: () => core.state(),
    addFault: (vendor, spec) => {
      const parsed = parseFaultSpec(spec, vendor, core.settings.crmBrands);
      if (typeof parsed === 'string') throw new Error(parsed);
      return core.addFault(vendor, parsed);
    },
    clearFaults: (vendor) => core.clearFaults(vendor ?? null),
    advance: (vendor, steps = 1) => {
      if (!Number.isInteger(steps) || steps < 1 || steps > MAX_ADVANCE_STEPS) {
        throw new Error(`steps must be an integer from 1 to ${MAX_ADVANCE_STEPS}`);
      }
      return core.advance(vendor, steps);
    },
    requests: (filter = {}) =>
      core.log.query({
        vendor: filter.vendor,
        since: filter.since === undefined ? undefined : Date.parse(filter.since),
      }),
    clearRequests: () => core.log.clear(),
    setWebhook: (vendor, target) => {
      const parsed = parseWebhookTarget(target);
      if (typeof parsed === 'string') throw new Error(parsed);
      core.setWebhook(vendor, parsed);
    },
    notify: (vendor) => core.notify(vendor),
    action: (vendor, name) => core.runAction(vendor, name),
  };
}

function vendorContext(request: FastifyRequest): RequestContext {
  const state = request.vendorState;
  if (!state) throw new Error('vendor route reached without the vendor pipeline');
  return state;
}

function resolveOptions(options: SimulatorOptions) {
  const seed = options.seed ?? 42;
  if (!Number.isSafeInteger(seed)) throw new Error('seed must be an integer');
  const evolveEveryMs = options.evolveEveryMs ?? 15_000;
  if (!(evolveEveryMs > 0)) throw new Error('evolveEveryMs must be positive');
  const crmBrands = options.crmBrands ?? [...DEFAULT_CRM_BRANDS];
  if (crmBrands.length === 0 || new Set(crmBrands).size !== crmBrands.length) {
    throw new Error('crmBrands must be a non-empty list without duplicates');
  }
  for (const brand of crmBrands) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(brand)) throw new Error(`crm brand "${brand}" must be a lowercase slug`);
  }
  const leads = options.crmRecordsPerBrand?.leads;
  if (leads !== undefined && !(Number.isSafeInteger(leads) && leads >= 1)) {
    throw new Error('crmRecordsPerBrand.leads must be a positive integer');
  }
  const prometheusAuth = options.prometheusAuth ?? 'none';
  if (prometheusAuth !== 'none' && prometheusAuth !== 'bearer')
    throw new Error("prometheusAuth must be 'none' or 'bearer'");
  return {
    seed,
    now: options.now ?? Date.now,
    evolveEveryMs,
    crmBrands,
    crmRecordsPerBrand: { leads },
    prometheusAuth,
  };
}
