import { Webhook } from 'standardwebhooks';
import { startSyncTestbed, type SyncTestbed } from '../support/sync-testbed';
import { expectSafeAnswer, listRoutesFromOpenApi, concretePath, type Answer } from '../support/bad-input';
import { postSignedWebhook } from '../support/webhook-signer';

const SOURCE_SECRET = `whsec_${Buffer.alloc(24, 5).toString('base64')}`;
const INTEGRATION_SECRET = `whsec_${Buffer.from('procore-secret-for-abuse-tests').toString('base64')}`;
const REPORTS_PER_MINUTE = 5;
/** One past each paging parameter's maximum. */
const JUST_OVER: Record<string, string> = { page: '100001', offset: '20000001', pageSize: '100001', limit: '100001' };
const pathOf = (template: string) => concretePath(template.replace('/integrations/{id}/', '/integrations/procore/'));

/** Counts of the rows a poison webhook could add. */
const COUNTED = ['raw_snapshots', 'webhook_receipts', 'sync_runs', 'integration_events', 'crm_leads'];

// The attacks of security issue 19, items 5 to 8: poison webhook bodies, a public error
// endpoint flooded or sent absurdly deep JSON, huge paging numbers, a token in a disguised
// query name. Each must get a clear 4xx in the API error format and change nothing.
describe('abuse of public and list endpoints', () => {
  let bed: SyncTestbed;
  let admin: Record<string, string>;

  beforeAll(async () => {
    bed = await startSyncTestbed(
      { seed: 6 },
      {
        CLIENT_ERRORS_PER_MINUTE: String(REPORTS_PER_MINUTE),
        INTEGRATION_WEBHOOK_SECRETS: `procore=${INTEGRATION_SECRET}`,
      },
    );
    admin = await bed.app.adminHeaders();
    await bed.api('/credentials', {
      method: 'POST',
      body: { id: 'abuse-hooks', name: 'hooks', kind: 'webhook-secret', secret: SOURCE_SECRET },
    });
    await bed.createSource({
      id: 'abuse-push',
      name: 'Leads push',
      kind: 'webhook',
      connector: { id: 'simulator-crm', stream: 'leads' },
      tenant: 'acme-fitness',
      cadence: { type: 'interval', everySeconds: 600 },
      freshness: { warnAfterSeconds: 3600, staleAfterSeconds: 7200 },
      webhookSecretCredentialId: 'abuse-hooks',
    });
  });

  afterAll(async () => {
    await bed.close();
  });

  const counts = async (): Promise<Record<string, number>> => {
    const db = bed.app.app.get((await import('typeorm')).DataSource);
    const result: Record<string, number> = {};
    for (const table of COUNTED) {
      const [row] = await db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM "${table}"`);
      result[table] = Number(row.n);
    }
    return result;
  };

  const send = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${bed.app.baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body,
    });
    return {
      status: response.status,
      text: await response.text(),
      retryAfter: response.headers.get('retry-after'),
    } satisfies Answer & { retryAfter: string | null };
  };

  it('answers a signed source webhook holding NUL with a permanent 400, every time, storing nothing', async () => {
    const before = await counts();
    const body = JSON.stringify({
      data: [
        {
          lead_id: 'L-nul',
          first_name: 'Nul\u0000Byte',
          last_name: 'Ad',
          email: 'nul@example.com',
          lead_status: 'new',
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-02T00:00:00Z',
        },
      ],
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const at = new Date();
      const answer = await send('POST', '/api/v1/sources/abuse-push/webhook', body, {
        'webhook-id': 'msg_nul_1',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(SOURCE_SECRET).sign('msg_nul_1', at, body),
      });
      expect(answer.status).toBe(400);
      expectSafeAnswer('NUL in a source webhook', answer);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await counts()).toEqual(before);
  });

  it('answers a signed integration webhook holding NUL with a 400 instead of 503', async () => {
    const before = await counts();
    const answer = await postSignedWebhook(`${bed.app.baseUrl}/webhooks/procore`, {
      id: 'msg_nul_integration',
      secret: INTEGRATION_SECRET,
      body: {
        type: 'cost_code.import',
        occurredAt: new Date(Date.now() - 5000).toISOString(),
        data: { projectId: 'PRJ-\u00001001' },
        error: { message: 'bad\u0000code', httpStatus: 422 },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', traceId: expect.any(String) as unknown } });
    expect(await counts()).toEqual(before);
  });

  it('refuses 20,000-deep JSON with 400 on the public error endpoint and elsewhere', async () => {
    const depth = 20_000;
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const arrays = `{"level":"error","message":"x","url":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    // Within the error endpoint's size cap: 10,000 levels of `[` and `]`.
    const deepUnderCap = `{"level":"error","message":"x","url":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    for (const [path, body, status] of [
      ['/api/v1/system/client-errors', nested, 413],
      ['/api/v1/system/client-errors', arrays, 413],
      ['/api/v1/system/client-errors', deepUnderCap, 400],
      ['/api/v1/sources', nested, 400],
      ['/auth/login', nested, 400],
    ] as const) {
      const answer = await send('POST', path, body, path.startsWith('/api/v1/sources') ? admin : {});
      expect({ path, status: answer.status }).toEqual({ path, status });
      expectSafeAnswer(`deep JSON to ${path}`, answer);
    }
  });

  it('refuses an error report past its size cap with 413', async () => {
    const report = { level: 'error', message: 'boom', url: '/x', stack: 'y'.repeat(40_000) };
    const answer = await send('POST', '/api/v1/system/client-errors', JSON.stringify(report));
    expect(answer.status).toBe(413);
    expectSafeAnswer('oversized error report', answer);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { message: expect.stringContaining('32768') as unknown } });
  });

  it('rate-limits error reports per address: 429 with Retry-After in the API error format, nothing more logged', async () => {
    const report = JSON.stringify({ level: 'error', message: 'flood', url: '/flood', stack: 's'.repeat(7000) });
    const logged = () => bed.app.logs.filter((line) => String(line.msg).startsWith('console error: flood')).length;
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof send>> | null = null;
    for (let i = 0; i < REPORTS_PER_MINUTE + 20; i += 1) {
      const answer = await send('POST', '/api/v1/system/client-errors', report);
      statuses.push(answer.status);
      if (answer.status === 429) limited ??= answer;
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(REPORTS_PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(logged()).toBe(REPORTS_PER_MINUTE);
    expect(limited).not.toBeNull();
    expectSafeAnswer('rate-limited report', limited as Answer);
    const body = JSON.parse((limited as Answer).text) as { error: { code: string; retryAfter: number } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.retryAfter).toBeGreaterThan(0);
    expect(Number(limited?.retryAfter)).toBe(body.error.retryAfter);
  });

  it('refuses huge paging numbers with 400 naming the field on every list route', async () => {
    const routes = (await listRoutesFromOpenApi(bed.app.baseUrl)).filter((r) =>
      ['page', 'offset', 'pageSize', 'limit'].some((name) => r.query.includes(name)),
    );
    expect(routes.length).toBeGreaterThanOrEqual(13);
    const unsafe: string[] = [];
    for (const route of routes) {
      for (const name of ['page', 'offset', 'pageSize', 'limit'].filter((n) => route.query.includes(n))) {
        for (const value of ['1e18', '9223372036854775807', '1e308', JUST_OVER[name]]) {
          const url = `${pathOf(route.path)}?${name}=${value}${route.query.includes('tenant') ? '&tenant=acme-fitness' : ''}`;
          const answer = await send('GET', url, undefined, admin);
          const fields = answer.status === 400 ? (JSON.parse(answer.text) as { error: { fields?: unknown } }) : null;
          const named = JSON.stringify(fields?.error.fields ?? '').includes(`"${name}"`);
          if (answer.status !== 400 || !named) unsafe.push(`GET ${url} -> ${answer.status}`);
          expectSafeAnswer(`GET ${url}`, answer);
        }
      }
    }
    expect(unsafe).toEqual([]);
  });

  it('keeps a token sent as access%5Ftoken out of the request log', async () => {
    const token = (admin.authorization ?? '').slice('Bearer '.length);
    // Accepted as the stream's credential (so 400 for the missing topics, not 401)...
    const answer = await send('GET', `/api/v1/stream?access%5Ftoken=${token}`);
    expect(answer.status).toBe(400);
    const lines = bed.app.logs.filter((line) => typeof line.url === 'string' && line.url.startsWith('/api/v1/stream'));
    expect(lines.length).toBeGreaterThan(0);
    // ...and never written down, under any spelling of its name.
    for (const spelled of ['access%5Ftoken', 'access%5ftoken', '%61ccess_token']) {
      await send('GET', `/api/v1/stream?${spelled}=${token}`);
    }
    expect(JSON.stringify(bed.app.logs)).not.toContain(token.split('.')[2]);
  });
});
