import { type Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type SimulatorCore } from './core';
import { TERMINAL_FAULTS, type Fault } from './faults';
import { BEARER_CHALLENGE } from './http';
import { iso } from './time';
import {
  isVendorId,
  type FaultType,
  type RequestContext,
  type RequestLogEntry,
  type VendorAnswer,
  type VendorId,
} from './types';

/** What the pipeline learned about a vendor request before its handler runs. */
export interface VendorRequestState extends RequestContext {
  vendor: VendorId;
  startedAt: number;
  fault: FaultType | null;
  /** Faults that rewrite a 200 answer (schema_drift, malformed_json), applied in onSend. */
  rewrites: Fault[];
}

// Kept out of types.ts so the published declarations do not alter a consumer's fastify types.
declare module 'fastify' {
  interface FastifyRequest {
    vendorState: VendorRequestState | null;
  }
  interface FastifyContextConfig {
    /** Route answers without vendor credentials (the OAuth token endpoint). */
    public?: boolean;
  }
}

const BEARER_VENDORS: ReadonlySet<VendorId> = new Set(['pm', 'hris', 'ticketing']);

export function vendorOf(url: string): VendorId | null {
  const segment = url.split(/[/?]/)[1] ?? '';
  return isVendorId(segment) ? segment : null;
}

/**
 * Every vendor request passes through here before its handler: faults first (an outage
 * answers before credentials are checked, as a load balancer would), then authentication,
 * then the lazy evolution steps, so the handler always sees current data.
 */
export function installVendorPipeline(app: FastifyInstance, core: SimulatorCore, held: Set<Socket>): void {
  app.decorateRequest('vendorState', null);

  app.addHook('onRequest', async (request, reply) => {
    const vendor = vendorOf(request.url);
    if (vendor === null) return;
    const now = core.now();
    const state: VendorRequestState = {
      vendor,
      now,
      principal: null,
      dataTime: now,
      startedAt: performance.now(),
      fault: null,
      rewrites: [],
    };
    request.vendorState = state;
    const brand = core.model(vendor).principalHint?.(request) ?? null;
    const faults = core.faults.matching(vendor, request.url.split('?')[0], brand, now);
    const terminal = await applyLeadingFaults(core, faults, state);
    if (terminal) return answerWithFault(core, terminal, request, reply, held);
    if (!authenticate(core, request, reply, state)) return reply;
    core.sync(vendor, now);
    state.dataTime = core.dataTime(vendor, now);
    state.rewrites = faults.filter((f) => f.type === 'schema_drift' || f.type === 'malformed_json');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.vendorState;
    if (!state || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    let body = payload;
    for (const fault of state.rewrites) {
      if (fault.type === 'schema_drift' && core.faults.consume(fault, state.now)) {
        body = renameField(body, fault.field ?? '', fault.renameTo ?? '');
        state.fault = 'schema_drift';
      }
    }
    for (const fault of state.rewrites) {
      if (fault.type === 'malformed_json' && core.faults.consume(fault, state.now)) {
        // A proper prefix of a JSON object is never valid JSON: the closing brace is missing.
        body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
        state.fault = 'malformed_json';
      }
    }
    return body;
  });

  app.addHook('onResponse', async (request, reply) => {
    const state = request.vendorState;
    if (state) record(core, request, state, reply.statusCode);
  });
}

/** Counts freezes, waits out latency, and returns the fault that answers instead of the vendor, if any. */
async function applyLeadingFaults(
  core: SimulatorCore,
  faults: Fault[],
  state: VendorRequestState,
): Promise<Fault | null> {
  const { now } = state;
  for (const fault of faults) if (fault.type === 'frozen' && core.faults.consume(fault, now)) state.fault = 'frozen';
  const latency = faults
    .filter((f) => f.type === 'latency' && core.faults.consume(f, now))
    .reduce((sum, f) => sum + (f.latencyMs ?? 0), 0);
  if (latency > 0) {
    state.fault = 'latency';
    await sleep(latency);
  }
  const terminal = firstConsumed(core, faults, TERMINAL_FAULTS, now);
  if (terminal) state.fault = terminal.type;
  return terminal;
}

function authenticate(
  core: SimulatorCore,
  request: FastifyRequest,
  reply: FastifyReply,
  state: VendorRequestState,
): boolean {
  if (request.routeOptions.config.public === true) return true;
  const auth = core.model(state.vendor).authenticate(request, state.now);
  if (auth.ok) {
    state.principal = auth.principal;
    return true;
  }
  const model = core.model(state.vendor);
  if (model.refusals) {
    void model.refusals.unauthorized(reply, request);
    return false;
  }
  if (model.unauthorized) {
    void sendAnswer(reply, model.unauthorized(request));
    return false;
  }
  if (auth.challenge) void reply.header('www-authenticate', auth.challenge);
  void reply.code(401).send({ error: 'invalid_token' });
  return false;
}

function sendAnswer(reply: FastifyReply, answer: VendorAnswer): FastifyReply {
  for (const [name, value] of Object.entries(answer.headers ?? {})) void reply.header(name, value);
  if (typeof answer.body === 'string') void reply.type('text/plain; charset=utf-8');
  return reply.code(answer.status).send(answer.body);
}

function firstConsumed(core: SimulatorCore, faults: Fault[], types: readonly FaultType[], now: number): Fault | null {
  for (const fault of faults) if (types.includes(fault.type) && core.faults.consume(fault, now)) return fault;
  return null;
}

function answerWithFault(
  core: SimulatorCore,
  fault: Fault,
  request: FastifyRequest,
  reply: FastifyReply,
  held: Set<Socket>,
): FastifyReply | undefined {
  const vendor = request.vendorState?.vendor;
  const model = vendor ? core.model(vendor) : null;
  const refusals = model?.refusals;
  if (refusals && fault.type === 'rate_limit') {
    return refusals.rateLimited(reply, fault.retryAfterSeconds ?? 30, request.vendorState?.now ?? core.now());
  }
  if (refusals && fault.type === 'unauthorized') return refusals.unauthorized(reply, request);
  switch (fault.type) {
    case 'rate_limit': {
      const retryAfter = fault.retryAfterSeconds ?? 30;
      void reply.header('retry-after', String(retryAfter));
      if (model?.rateLimited) return sendAnswer(reply, model.rateLimited(request, retryAfter));
      return reply
        .code(429)
        .send({ error: 'rate_limited', message: 'Too many requests; retry after the Retry-After delay' });
    }
    case 'server_error': {
      const status = fault.status ?? 503;
      const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
      return reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(
          `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The upstream service is unavailable.</p></body></html>\n`,
        );
    }
    case 'unauthorized':
      if (model?.unauthorized) return sendAnswer(reply, model.unauthorized(request));
      if (vendor && BEARER_VENDORS.has(vendor)) void reply.header('www-authenticate', BEARER_CHALLENGE);
      return reply.code(401).send({ error: 'invalid_token' });
    default:
      hold(core, request, reply, held);
      return undefined;
  }
}

/** A `timeout`: never answer; the entry is logged now and its duration filled in when the client leaves. */
function hold(core: SimulatorCore, request: FastifyRequest, reply: FastifyReply, held: Set<Socket>): void {
  reply.hijack();
  const state = request.vendorState;
  const entry = state ? record(core, request, state, 0) : null;
  const socket = request.raw.socket;
  held.add(socket);
  reply.raw.once('close', () => {
    held.delete(socket);
    if (entry && state) entry.durationMs = Math.round(performance.now() - state.startedAt);
  });
}

function record(
  core: SimulatorCore,
  request: FastifyRequest,
  state: VendorRequestState,
  status: number,
): RequestLogEntry {
  return core.log.record({
    at: iso(state.now),
    vendor: state.vendor,
    method: request.method,
    path: request.url,
    status,
    durationMs: Math.round(performance.now() - state.startedAt),
    fault: state.fault,
  });
}

/** Renames every key called `from`, at any depth, as a vendor's silent API change would. */
export function renameField(json: string, from: string, to: string): string {
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key === from ? to : key, rename(inner)]));
  };
  return JSON.stringify(rename(JSON.parse(json) as unknown));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
