import type { ApiErrorResponse, Credential, Page, Source } from '@switchyard/contracts';
import {
  crmTestSource,
  simulatorConnector,
  startSyncTestbed,
  testSource,
  type SyncTestbed,
} from '../../test/support/sync-testbed';

describe('sources and credentials API', () => {
  let bed: SyncTestbed;

  beforeAll(async () => {
    bed = await startSyncTestbed();
  });

  afterAll(async () => {
    await bed.close();
  });

  const sourceCount = async () => (await bed.api<Page<Source>>('/sources')).body.total;

  it('creates a source with defaults filled in and a live status', async () => {
    const created = await bed.createSource(testSource(bed.simulator.url, { id: 'hris-a' }));
    expect(created).toMatchObject({
      id: 'hris-a',
      domain: 'people',
      enabled: true,
      tenant: null,
      retry: { maxAttempts: 1 },
      retrySchedule: { firstDelaySeconds: 60, maxDelaySeconds: null },
      connector: { id: 'simulator-hris', stream: 'departments', credentialId: 'hris-token' },
      status: { freshness: { state: 'unavailable' }, breaker: { state: 'closed' } },
    });
    const listed = await bed.api<Page<Source>>('/sources?domain=people');
    expect(listed.body.items.map((s) => s.id)).toContain('hris-a');
  });

  it.each([
    ['a cadence under 5 s', { cadence: { type: 'interval', everySeconds: 4 } }, 'cadence.everySeconds'],
    ['an unknown connector', { connector: { id: 'no-such-connector', stream: 'x' } }, 'connector.id'],
    [
      'an unknown stream',
      { connector: { id: 'simulator-hris', stream: 'payroll', credentialId: 'hris-token' } },
      'connector.stream',
    ],
    [
      'a link-local address',
      {
        connector: {
          id: 'simulator-hris',
          stream: 'departments',
          credentialId: 'hris-token',
          config: { baseUrl: 'http://169.254.169.254' },
        },
      },
      'connector.config',
    ],
    [
      'a private address not allow-listed',
      {
        connector: {
          id: 'simulator-hris',
          stream: 'departments',
          credentialId: 'hris-token',
          config: { baseUrl: 'http://10.1.2.3' },
        },
      },
      'connector.config',
    ],
    [
      'a missing required setting',
      { connector: { id: 'simulator-hris', stream: 'departments', credentialId: 'hris-token' } },
      'connector.config.baseUrl',
    ],
    [
      'a credential of the wrong kind',
      {
        connector: {
          id: 'simulator-pm',
          stream: 'projects',
          credentialId: 'hris-token',
          config: { baseUrl: 'http://127.0.0.1:1' },
        },
      },
      'connector.credentialId',
    ],
    ['an unknown field', { colour: 'blue' }, 'colour'],
    [
      'an unknown credential',
      {
        connector: {
          id: 'simulator-hris',
          stream: 'departments',
          credentialId: 'nope-nope',
          config: { baseUrl: 'http://127.0.0.1:1' },
        },
      },
      'connector.credentialId',
    ],
    [
      'stale-after not beyond warn-after',
      { freshness: { warnAfterSeconds: 60, staleAfterSeconds: 60 } },
      'freshness.staleAfterSeconds',
    ],
    [
      'a bad cron expression',
      { cadence: { type: 'cron', expression: 'every day', timeZone: 'UTC' } },
      'cadence.expression',
    ],
    [
      'a retry cap below the first retry',
      { retrySchedule: { firstDelaySeconds: 120, maxDelaySeconds: 60 } },
      'retrySchedule.maxDelaySeconds',
    ],
    ['a zero first retry delay', { retrySchedule: { firstDelaySeconds: 0 } }, 'retrySchedule.firstDelaySeconds'],
    [
      'an unknown time zone',
      { cadence: { type: 'cron', expression: '0 * * * *', timeZone: 'Mars/Olympus' } },
      'cadence.timeZone',
    ],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_label, override, field) => {
    const before = await sourceCount();
    const response = await bed.api<ApiErrorResponse>('/sources', {
      method: 'POST',
      body: { ...testSource(bed.simulator.url, { id: 'bad-source' }), ...override },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields?.map((f) => f.field)).toContain(field);
    expect(await sourceCount()).toBe(before);
  });

  it("refuses another tenant's credential: one key per brand", async () => {
    const response = await bed.api<ApiErrorResponse>('/sources', {
      method: 'POST',
      body: testSource(bed.simulator.url, {
        id: 'crm-wrong-brand',
        connector: simulatorConnector(bed.simulator.url, 'simulator-crm', 'leads', 'crm-acme-fitness'),
        tenant: 'green-leaf',
      }),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('belongs to tenant acme-fitness');
  });

  it('refuses a duplicate id with 409', async () => {
    await bed.createSource(testSource(bed.simulator.url, { id: 'hris-dup' }));
    const again = await bed.api<ApiErrorResponse>('/sources', {
      method: 'POST',
      body: testSource(bed.simulator.url, { id: 'hris-dup' }),
    });
    expect(again.status).toBe(409);
  });

  it('patches a field and keeps the rest', async () => {
    await bed.createSource(testSource(bed.simulator.url, { id: 'hris-patch' }));
    const patched = await bed.api<Source>('/sources/hris-patch', {
      method: 'PATCH',
      body: { enabled: false, timeoutMs: 5000 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      enabled: false,
      timeoutMs: 5000,
      connector: { id: 'simulator-hris', stream: 'departments' },
    });
  });

  it('deletes a source and answers 404 afterwards', async () => {
    await bed.createSource(testSource(bed.simulator.url, { id: 'hris-gone' }));
    expect((await bed.api('/sources/hris-gone', { method: 'DELETE' })).status).toBe(204);
    expect((await bed.api('/sources/hris-gone')).status).toBe(404);
  });

  it('keeps secrets write-only: never in answers, never in logs', async () => {
    const secret = 'super-secret-token-value-123';
    const created = await bed.api<Credential>('/credentials', {
      method: 'POST',
      body: { id: 'leaky', name: 'Leaky', kind: 'token', secret },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'leaky', hasSecret: true, keyId: 'test' });
    const rotated = await bed.api<Credential>('/credentials/leaky', {
      method: 'PUT',
      body: { id: 'leaky', name: 'Leaky', kind: 'token', secret: `${secret}-rotated` },
    });
    expect(rotated.status).toBe(200);
    const answers = JSON.stringify([
      created.body,
      rotated.body,
      (await bed.api('/credentials')).body,
      (await bed.api('/credentials/leaky')).body,
    ]);
    expect(answers).not.toContain(secret);
    // A sync with the simulator's credential: the token goes out in a header, never into logs.
    await bed.createSource(testSource(bed.simulator.url, { id: 'hris-secret' }));
    expect((await bed.sync('hris-secret')).status).toBe('succeeded');
    const logs = JSON.stringify(bed.app.logs);
    for (const value of [secret, 'hris-demo-token', 'pm-demo-secret']) expect(logs).not.toContain(value);
  });

  it("answers 404 for another tenant's source, its runs and its raw pages, and leaves them out of lists", async () => {
    await bed.createSource(crmTestSource(bed.simulator.url, 'crm-acme-notes', 'notes'));
    const run = await bed.sync('crm-acme-notes');
    const brand = (tenant: string) =>
      bed.app.tokenFor('technical_admin', { tenants: [tenant], departments: '*', teams: '*', portfolios: '*' });
    const otherBrand = await brand('green-leaf');
    const sameBrand = await brand('acme-fitness');
    const get = async (path: string, token: string) => {
      const response = await fetch(`${bed.app.baseUrl}/api/v1${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, text: await response.text() };
    };
    for (const path of ['/sources/crm-acme-notes', `/sync-runs/${run.id}`, '/sources/crm-acme-notes/snapshots']) {
      const outsider = await get(path, otherBrand);
      expect(outsider.status).toBe(404);
      expect(outsider.text).not.toContain('acme-fitness');
      expect((await get(path, sameBrand)).status).toBe(200);
    }
    const refreshByOutsider = await fetch(`${bed.app.baseUrl}/api/v1/sources/crm-acme-notes/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${otherBrand}` },
    });
    expect(refreshByOutsider.status).toBe(404);
    const listed = JSON.parse((await get('/sources?pageSize=200', otherBrand)).text) as Page<Source>;
    expect(listed.items.map((s) => s.id)).not.toContain('crm-acme-notes');
    expect(listed.items.map((s) => s.id)).toContain('hris-a');
    const runs = JSON.parse((await get('/sync-runs?pageSize=200', otherBrand)).text) as Page<{ sourceId: string }>;
    expect(runs.items.map((r) => r.sourceId)).not.toContain('crm-acme-notes');
  });

  it('refuses to delete a credential a source uses', async () => {
    const response = await bed.api<ApiErrorResponse>('/credentials/hris-token', { method: 'DELETE' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain('hris-a');
  });
});
