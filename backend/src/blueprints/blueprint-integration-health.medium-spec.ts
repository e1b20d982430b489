import type { ApiErrorResponse } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { postSignedWebhook } from '../../test/support/webhook-signer';

/**
 * Seed 003 (integration health) read as an integrator would: one test per documented request
 * or rule, each quoting the blueprint line it checks.
 */
const SECRET = `whsec_${Buffer.from('seed-003-integration-health-secret').toString('base64')}`;
const failure = {
  type: 'employee.sync',
  occurredAt: new Date(Date.now() - 5000).toISOString(),
  data: { workerSsn: '123-45-6789' },
  error: { message: 'employee ssn 123-45-6789 is invalid', httpStatus: 422 },
};

describe('blueprint 003: integration health', () => {
  let app: TestApp;
  /** A second replica on the same database, behind no trusted proxy. */
  let direct: TestApp;
  let stored: () => Promise<number>;
  let n = 0;
  const post = (base: string, integration: string, headers: Record<string, string> = {}) =>
    postSignedWebhook(`${base}/webhooks/${integration}`, {
      id: `msg_seed003_${(n += 1)}`,
      secret: SECRET,
      // Each delivery a second later than the one before, so "newest first" is visible.
      body: { ...failure, occurredAt: new Date(Date.now() - 60_000 + n * 1000).toISOString() },
      headers,
    });
  const env = {
    INTEGRATION_WEBHOOK_SECRETS: `gusto=${SECRET},procore=${SECRET},lcptracker=${SECRET}`,
    // Procore only from 10.0.0.0/8 (e.g. a relay), Gusto from this host; LCPtracker unlisted.
    INTEGRATION_WEBHOOK_ALLOWED_IPS: 'procore=10.0.0.0/8,gusto=127.0.0.1|::1',
  };

  beforeAll(async () => {
    app = await startTestApp({ ...env, TRUST_PROXY: 'true' });
    direct = await startTestApp({ ...env, TRUST_PROXY: 'false' }, { database: app.config.database });
    const db = app.app.get(DataSource);
    stored = async () =>
      Number((await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM integration_events'))[0].n);
  });

  afterAll(async () => {
    await direct.close();
    await app.close();
  });

  describe('"Endpoints should validate source IP ranges where possible"', () => {
    it('refuses a webhook from outside the integration’s ranges: 403 in the API error format, nothing stored, audited', async () => {
      const before = await stored();
      const answer = await post(app.baseUrl, 'procore');
      expect(answer.status).toBe(403);
      const error = (answer.body as unknown as ApiErrorResponse).error;
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain('procore');
      expect(await stored()).toBe(before);
      const audit = await fetch(`${app.baseUrl}/api/v1/audit?action=integration.webhook_source_refused`, {
        headers: await app.adminHeaders(),
      });
      const { items } = (await audit.json()) as { items: Array<{ resourceId: string; outcome: string; ip: string }> };
      expect(items[0]).toMatchObject({ resourceId: 'procore', outcome: 'denied', ip: '127.0.0.1' });
    });

    it('takes the client address from X-Forwarded-For only behind a trusted proxy (TRUST_PROXY)', async () => {
      const viaProxy = await post(app.baseUrl, 'procore', { 'x-forwarded-for': '10.20.30.40' });
      expect(viaProxy.status).toBe(202);
      const before = await stored();
      const forged = await post(direct.baseUrl, 'procore', { 'x-forwarded-for': '10.20.30.40' });
      expect(forged.status).toBe(403);
      expect(await stored()).toBe(before);
    });

    it('accepts an address inside the ranges, and any address for an integration without ranges', async () => {
      expect((await post(direct.baseUrl, 'gusto')).status).toBe(202);
      expect((await post(direct.baseUrl, 'lcptracker')).status).toBe(202);
      // Outside the ranges (a proxy-named client far from 127.0.0.1) is refused even with a valid signature.
      expect((await post(app.baseUrl, 'gusto', { 'x-forwarded-for': '198.51.100.7' })).status).toBe(403);
    });
  });

  it('"Real implementation would verify webhook signatures": a wrong signature is a 401 and nothing is stored', async () => {
    const before = await stored();
    const answer = await postSignedWebhook(`${direct.baseUrl}/webhooks/lcptracker`, {
      id: 'msg_seed003_forged',
      secret: `whsec_${Buffer.from('a-secret-nobody-configured').toString('base64')}`,
      body: failure,
    });
    expect(answer.status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it('"Error context should redact sensitive fields before storing": the SSN never reaches the store', async () => {
    const answer = await post(direct.baseUrl, 'lcptracker');
    expect(answer.status).toBe(202);
    const detail = await fetch(`${app.baseUrl}/api/v1/integration-events/${String(answer.body.eventId)}`, {
      headers: await app.adminHeaders(),
    });
    const text = await detail.text();
    expect(detail.status).toBe(200);
    expect(text).not.toContain('123-45-6789');
  });

  it('"/integrations (health)": every integration with its success rate from the events received', async () => {
    const answer = await fetch(`${app.baseUrl}/api/v1/integrations`, { headers: await app.adminHeaders() });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { items: Array<{ id: string; successRate: number | null }> };
    expect(body.items.map((i) => i.id)).toEqual(expect.arrayContaining(['procore', 'gusto', 'lcptracker']));
  });

  it('"/events (log/query)": the events of one integration, newest first', async () => {
    const answer = await fetch(`${app.baseUrl}/api/v1/integrations/lcptracker/events`, {
      headers: await app.adminHeaders(),
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { items: Array<{ integration: string; occurredAt: string }> };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e) => e.integration === 'lcptracker')).toBe(true);
    const times = body.items.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
