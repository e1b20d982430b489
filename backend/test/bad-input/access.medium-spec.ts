import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ROLE_PERMISSIONS, type DataScopes, type Permission, type SubscribeAck } from '@switchyard/contracts';
import { connectLive, openSse } from '../support/live-client';
import { crmTestSource, startSyncTestbed, type SyncTestbed } from '../support/sync-testbed';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from '../../src/auth/decorators';
import { concretePath, expectSafeAnswer, tableCounts } from '../support/bad-input';

const OTHER_BRAND: DataScopes = { tenants: ['other-brand'], departments: '*', teams: '*', portfolios: '*' };

/** Routes whose permission a read_only_viewer lacks, found from the controllers themselves. */
function adminRoutes(bed: SyncTestbed): Array<{ method: string; path: string; permission: Permission }> {
  const app = bed.app.app;
  const viewer = new Set<Permission>(ROLE_PERMISSIONS.read_only_viewer);
  const found: Array<{ method: string; path: string; permission: Permission }> = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!controller || !wrapper.instance) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    for (const name of app.get(MetadataScanner).getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const meta = (key: string): unknown => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
      const permission = meta(REQUIRED_PERMISSION) as Permission | undefined;
      if (meta(PUBLIC_ROUTE) || !permission || viewer.has(permission)) continue;
      const joined = [base, path]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')
        .replace(/:(\w+)/g, '{$1}');
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      found.push({ method, path: concretePath(`/api/v1/${joined}`), permission });
    }
  }
  return found;
}

// Who may do what, probed with the wrong person: a read_only_viewer on every admin
// route, and a user of one brand reaching for another brand's data by REST and live.
describe('bad input: access across roles and tenants', () => {
  let bed: SyncTestbed;

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 6 });
    await bed.createSource(crmTestSource(bed.simulator.url, 'acme-leads', 'leads'));
  });

  afterAll(async () => {
    await bed.close();
  });

  const as = async (token: string, method: string, path: string) => {
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
    const response = await fetch(`${bed.app.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      body: hasBody ? '{}' : undefined,
    });
    return { status: response.status, text: await response.text() };
  };

  it('answers 403 to a read_only_viewer on every admin route and changes nothing', async () => {
    const routes = adminRoutes(bed);
    expect(routes.length).toBeGreaterThan(15);
    const token = await bed.app.tokenFor('read_only_viewer');
    const before = await tableCounts(bed.app.app);
    for (const route of routes) {
      const answer = await as(token, route.method, route.path);
      expect({ route, status: answer.status }).toEqual({ route, status: 403 });
      expectSafeAnswer(`${route.method} ${route.path} as viewer`, answer);
    }
    expect(await tableCounts(bed.app.app)).toEqual(before);
  });

  it('hides another brand’s data by REST path and query', async () => {
    const token = await bed.app.tokenFor('executive', OTHER_BRAND);
    for (const path of [
      '/api/v1/sources/acme-leads',
      '/api/v1/crm/leads?tenant=acme-fitness',
      '/api/v1/crm/leads/lead-1?tenant=acme-fitness',
      '/api/v1/crm/sync-status?tenant=acme-fitness',
      '/api/v1/sync-runs?sourceId=acme-leads',
    ]) {
      const answer = await as(token, 'GET', path);
      if (answer.status === 200) {
        // A list may answer, but with nothing of the other brand in it.
        expect({ path, leaked: answer.text.includes('acme') }).toEqual({ path, leaked: false });
      } else {
        expect({ path, status: [403, 404].includes(answer.status) }).toEqual({ path, status: true });
      }
      expectSafeAnswer(`GET ${path} as another brand`, answer);
    }
  });

  it('refuses another brand’s live topics on the socket', async () => {
    const token = await bed.app.tokenFor('executive', OTHER_BRAND);
    const client = await connectLive(bed.app.baseUrl, token);
    const ack = await client.request<SubscribeAck>('subscribe', { topics: ['crm:acme-fitness', 'source:acme-leads'] });
    expect(ack.results.map((r) => r.granted)).toEqual([false, false]);
    client.close();
  });

  it('refuses another brand’s topics on the SSE stream, by header and by access_token, and leaks nothing', async () => {
    const token = await bed.app.tokenFor('executive', OTHER_BRAND);
    const url = `${bed.app.baseUrl}/api/v1/stream`;
    for (const topics of ['crm:acme-fitness', 'source:acme-leads', 'crm:other-brand,crm:acme-fitness']) {
      const byHeader = await openSse(`${url}?topics=${encodeURIComponent(topics)}`, {
        authorization: `Bearer ${token}`,
      });
      const byQuery = await openSse(`${url}?topics=${encodeURIComponent(topics)}&access_token=${token}`, {});
      for (const [how, answer] of [
        ['header', byHeader],
        ['access_token', byQuery],
      ] as const) {
        byHeader.close();
        byQuery.close();
        const what = `SSE ${topics} by ${how}`;
        // Refused before any stream opens; the other brand's source is not even confirmed to exist.
        expect({ what, status: [403, 404].includes(answer.status), events: answer.events.length }).toEqual({
          what,
          status: true,
          events: 0,
        });
        const text = JSON.stringify(answer.body);
        expectSafeAnswer(what, { status: answer.status, text });
        expect({ what, leaked: /lead-\d|acme-leads.*(name|url)/i.test(text) }).toEqual({ what, leaked: false });
      }
    }
    // The control: the brand's own user opens the same stream.
    const own = await bed.app.tokenFor('executive', { ...OTHER_BRAND, tenants: ['acme-fitness'] });
    const stream = await openSse(`${url}?topics=crm:acme-fitness`, {
      authorization: `Bearer ${own}`,
    });
    stream.close();
    expect(stream.status).toBe(200);
  });

  it('drops a socket sending an oversized frame and keeps serving everyone else', async () => {
    const token = await bed.app.tokenFor('master_admin');
    const bystander = await connectLive(bed.app.baseUrl, token);
    const sender = await connectLive(bed.app.baseUrl, token);
    const gone = sender.disconnected();
    const topics = Array.from({ length: 20_000 }, (_, i) => `source:${'x'.repeat(20)}${i}`);
    sender.socket.emit('subscribe', { topics });
    expect(await gone).toBe('transport close');
    const ack = await bystander.request<SubscribeAck>('subscribe', { topics: ['source:acme-leads'] });
    expect(ack.results[0].granted).toBe(true);
    bystander.close();
    expect((await fetch(`${bed.app.baseUrl}/health/live`)).status).toBe(200);
  });
});
