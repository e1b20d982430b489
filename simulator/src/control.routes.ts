import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type SimulatorCore } from './core';
import { describeIssues, parseFaultSpec } from './faults';
import { badRequest, HttpError, queryValue } from './http';
import { isVendorId, type VendorId } from './types';
import { parseWebhookTarget } from './webhooks';

export const MAX_ADVANCE_STEPS = 10_000;
const advanceSchema = z.strictObject({ steps: z.int().min(1).max(MAX_ADVANCE_STEPS).optional() });

/** Test and demo controls; no authentication, like a local admin port. */
export function registerControlRoutes(app: FastifyInstance, core: SimulatorCore): void {
  app.get('/_control/state', () => core.state());

  app.post('/_control/vendors/:vendor/faults', (request, reply) => {
    const vendor = vendorParam(request);
    const spec = parseFaultSpec(request.body, vendor, core.settings.crmBrands);
    if (typeof spec === 'string') throw badRequest(spec);
    return reply.code(201).send(core.addFault(vendor, spec));
  });

  app.delete('/_control/vendors/:vendor/faults', (request) => {
    const vendor = vendorParam(request);
    return { vendor, cleared: core.clearFaults(vendor) };
  });

  app.delete('/_control/faults', () => ({ cleared: core.clearFaults(null) }));

  app.post('/_control/vendors/:vendor/advance', (request) => {
    const vendor = vendorParam(request);
    const parsed = advanceSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw badRequest(describeIssues(parsed.error));
    return { vendor, ...core.advance(vendor, parsed.data.steps ?? 1) };
  });

  app.post('/_control/vendors/:vendor/actions/:action', (request) => {
    const vendor = vendorParam(request);
    const name = (request.params as { action?: string }).action ?? '';
    return { vendor, action: name, result: core.runAction(vendor, name) };
  });

  app.get('/_control/requests', (request) => {
    const vendor = queryValue(request, 'vendor');
    const since = queryValue(request, 'since');
    if (vendor !== undefined && vendor !== '' && !isVendorId(vendor))
      throw badRequest(`vendor: unknown vendor "${vendor}"`);
    const sinceMs = since === undefined || since === '' ? undefined : Date.parse(since);
    if (sinceMs !== undefined && Number.isNaN(sinceMs)) throw badRequest('since: must be an ISO 8601 timestamp');
    return { requests: core.log.query({ vendor: vendor || undefined, since: sinceMs }) };
  });

  app.delete('/_control/requests', () => ({ cleared: core.log.clear() }));

  app.put('/_control/webhooks/:vendor', (request) => {
    const vendor = notifyingVendor(request, core);
    const target = parseWebhookTarget(request.body);
    if (typeof target === 'string') throw badRequest(target);
    core.setWebhook(vendor, target);
    return { vendor, url: target.url };
  });

  app.post('/_control/vendors/:vendor/notify', async (request) => {
    const vendor = notifyingVendor(request, core);
    if (!core.webhooks.get(vendor)) throw new HttpError(409, 'conflict', `no webhook target set for ${vendor}`);
    const result = await core.notify(vendor);
    return { vendor, ...result };
  });
}

function vendorParam(request: FastifyRequest): VendorId {
  const vendor = (request.params as { vendor?: string }).vendor ?? '';
  if (!isVendorId(vendor)) throw new HttpError(404, 'not_found', `unknown vendor "${vendor}"`);
  return vendor;
}

function notifyingVendor(request: FastifyRequest, core: SimulatorCore): VendorId {
  const vendor = vendorParam(request);
  if (core.model(vendor).notifyAll() === null) throw badRequest(`${vendor} does not send change notifications`);
  return vendor;
}
