import { startSyncTestbed, testSource, type SyncTestbed } from '../support/sync-testbed';
import {
  concretePath,
  expectSafeAnswer,
  listRoutesFromOpenApi,
  SQL_INJECTIONS,
  tableCounts,
  type Answer,
} from '../support/bad-input';

// Hostile input over HTTP: every filter of every GET list route, bodies too large or too
// deep, privileges smuggled into bodies, and source URLs aimed at the inside network.
// Nothing may answer 5xx, leak a stack or SQL, or change a row.
describe('bad input over HTTP', () => {
  let bed: SyncTestbed;
  let admin: Record<string, string>;

  beforeAll(async () => {
    bed = await startSyncTestbed({ seed: 2 });
    admin = await bed.app.adminHeaders();
    await bed.createSource(testSource(bed.simulator.url, { id: 'bad-input-hris' }));
    await bed.sync('bad-input-hris');
  });

  afterAll(async () => {
    await bed.close();
  });

  const send = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${bed.app.baseUrl}${path}`, {
      method,
      headers: { ...admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body,
    });
    return { status: response.status, text: await response.text() } satisfies Answer;
  };

  it('survives SQL injection strings in every query parameter of every GET list route', async () => {
    const routes = await listRoutesFromOpenApi(bed.app.baseUrl);
    expect(routes.length).toBeGreaterThan(10);
    const before = await tableCounts(bed.app.app);
    let requests = 0;
    const unsafe: string[] = [];
    for (const route of routes) {
      for (const name of route.query) {
        for (const payload of SQL_INJECTIONS) {
          const url = `${concretePath(route.path)}?${new URLSearchParams({ [name]: payload }).toString()}`;
          const answer = await send('GET', url);
          if (answer.status >= 500) unsafe.push(`GET ${url} -> ${answer.status}`);
          else expectSafeAnswer(`GET ${url}`, answer);
          requests += 1;
        }
      }
    }
    process.stdout.write(`bad input: ${requests} injection requests over ${routes.length} list routes\n`);
    expect(unsafe).toEqual([]);
    expect(await tableCounts(bed.app.app)).toEqual(before);
  });

  it('refuses an oversized body with 413 and a deeply nested one with 4xx', async () => {
    const before = await tableCounts(bed.app.app);
    const huge = JSON.stringify({ id: 'huge', name: 'x'.repeat(bed.app.config.http.bodyLimitBytes + 10) });
    const oversized = await send('POST', '/api/v1/sources', huge);
    expect(oversized.status).toBe(413);
    expectSafeAnswer('oversized body', oversized);
    const depth = 5000;
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    for (const path of ['/api/v1/sources', '/api/v1/credentials', '/api/v1/users', '/auth/login']) {
      const answer = await send('POST', path, nested);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expectSafeAnswer(`nested body to ${path}`, answer);
    }
    const nul = await send('PATCH', '/api/v1/sources/bad-input-hris', JSON.stringify({ name: 'a\u0000b' }));
    expect(nul.status).toBe(400);
    expectSafeAnswer('NUL in a body', nul);
    const arrays = await send(
      'PATCH',
      '/api/v1/sources/bad-input-hris',
      `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    );
    expectSafeAnswer('nested arrays', arrays);
    expect(await tableCounts(bed.app.app)).toEqual(before);
  });

  it('refuses role and tenant smuggled into bodies', async () => {
    const before = await tableCounts(bed.app.app);
    const definition = testSource(bed.simulator.url, { id: 'smuggled' });
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/sources', { ...definition, role: 'master_admin' }],
      ['POST', '/api/v1/sources', { ...definition, tenantId: 'other-tenant' }],
      ['PATCH', '/api/v1/sources/bad-input-hris', { tenantId: 'other-tenant' }],
      ['PATCH', '/api/v1/sources/bad-input-hris', { role: 'master_admin', name: 'x' }],
      ['POST', '/api/v1/credentials', { id: 'c1', name: 'c', kind: 'token', secret: 's', tenantId: 'x' }],
      ['POST', '/auth/login', { email: 'a@b.c', password: 'x', role: 'master_admin' }],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await send(method, path, JSON.stringify(body));
      expect({ path, body, status: answer.status }).toEqual({ path, body, status: expect.any(Number) as unknown });
      expect([400, 401]).toContain(answer.status);
      expectSafeAnswer(`${method} ${path} smuggled`, answer);
    }
    expect((await bed.source('bad-input-hris')).tenant).toBeNull();
    expect(await tableCounts(bed.app.app)).toEqual(before);
  });

  it('refuses source URLs aimed at private, loopback and link-local addresses', async () => {
    const before = await tableCounts(bed.app.app);
    const targets = [
      'http://127.0.0.2/x',
      'http://10.1.2.3/x',
      'http://172.16.5.4/x',
      'http://192.168.1.1/x',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/x',
      'http://0.0.0.0/x',
      'http://[::1]/x',
      'http://[fe80::1]/x',
      'http://[fd00::1]/x',
      // IPv4 inside IPv6 (compatible, NAT64, 6to4) and reserved IPv4 ranges.
      'http://[::7f00:1]/x',
      'http://[64:ff9b::7f00:2]/x',
      'http://[2002:7f00:2::]/x',
      'http://198.18.0.1/x',
      'http://224.0.0.1/x',
      'http://240.0.0.1/x',
      'http://255.255.255.255/x',
    ];
    for (const [i, url] of targets.entries()) {
      const definition = testSource(bed.simulator.url, { id: `ssrf-${i}` });
      const body = { ...definition, connector: { ...definition.connector, config: { baseUrl: url } } };
      const answer = await send('POST', '/api/v1/sources', JSON.stringify(body));
      expect({ url, status: answer.status }).toEqual({ url, status: 400 });
      expectSafeAnswer(`source at ${url}`, answer);
    }
    expect(await tableCounts(bed.app.app)).toEqual(before);
  });
});
