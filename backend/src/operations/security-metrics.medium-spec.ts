import type { OpsSnapshot, SeriesBucket } from '@switchyard/contracts';
import { roleApi } from '../../test/support/role-api';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { SecurityMetrics } from './data/security-metrics.service';

// Issue 20, item 5: seed 002's security module from Switchyard's own sign-ins and audit log.
describe('security metrics from real sign-ins', () => {
  let app: TestApp;
  let api: ReturnType<typeof roleApi>;
  const startedAt = new Date(Date.now() - 60_000);

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  /** The sum of a security metric's points since the test began. */
  const total = async (metric: string) => {
    const range = `from=${startedAt.toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}&step=60`;
    const answer = await api<{ buckets: SeriesBucket[] }>(
      'compliance_admin',
      'GET',
      `/ops/metrics/${metric}/series?${range}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.buckets.reduce((sum, b) => sum + b.avg * b.count, 0);
  };

  beforeAll(async () => {
    // An interval longer than the test: only the flushes the test asks for write.
    app = await startTestApp({
      SYNC_ENABLED: 'false',
      OPS_AGGREGATOR_ENABLED: 'false',
      OPS_SECURITY_METRICS_INTERVAL_MS: '3600000',
    });
    api = roleApi(app);
    // A first write to start from: whatever the start-up recorded is not this test's.
    await app.app.get(SecurityMetrics).flush();
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows three failed logins in failed_auth_attempts within one aggregation', async () => {
    const before = await total('failed_auth_attempts');
    for (const email of ['eve@example.com', 'mallory@example.com', 'trudy@example.com']) {
      expect((await post('/auth/login', { email, password: 'guessing-again' })).status).toBe(401);
    }
    await app.app.get(SecurityMetrics).flush();
    expect((await total('failed_auth_attempts')) - before).toBe(3);
    const snapshot = await api<OpsSnapshot>('master_admin', 'POST', '/ops/aggregate');
    expect(snapshot.body.securityCompliance?.failedAuthAttempts).toBe(3);
  });

  it('counts a bad client secret at /auth/token as a failed attempt and a refused Bearer token apart', async () => {
    const [failed, refused, audited] = [
      await total('failed_auth_attempts'),
      await total('token_refusals'),
      await total('audit_events'),
    ];
    const badSecret = await post('/auth/token', {
      grant_type: 'client_credentials',
      client_id: 'ghost',
      client_secret: 'nope',
    });
    expect(badSecret.status).toBe(401);
    const forged = await fetch(`${app.baseUrl}/api/v1/sources`, { headers: { authorization: 'Bearer not.a.token' } });
    expect(forged.status).toBe(401);
    // No token at all is a 401 too, but nobody's token was refused.
    expect((await fetch(`${app.baseUrl}/api/v1/sources`)).status).toBe(401);
    await app.app.get(SecurityMetrics).flush();
    expect((await total('failed_auth_attempts')) - failed).toBe(1);
    expect((await total('token_refusals')) - refused).toBe(1);
    // The refused client secret was audited: one audit event, and the day's count includes it.
    expect((await total('audit_events')) - audited).toBe(1);
    const today = await api<OpsSnapshot>('master_admin', 'POST', '/ops/aggregate');
    expect(today.body.securityCompliance?.auditEventsToday).toBeGreaterThanOrEqual(4);
  });

  it('writes a quiet interval as zeros under the switchyard-auth source, seen by the security module only', async () => {
    await app.app.get(SecurityMetrics).flush();
    const points = await api<{ buckets: SeriesBucket[] }>(
      'business_admin',
      'GET',
      `/ops/metrics/failed_auth_attempts/series?from=${startedAt.toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}&step=60`,
    );
    expect(points.status).toBe(404);
    const snapshot = await api<OpsSnapshot>('master_admin', 'POST', '/ops/aggregate');
    expect(snapshot.body.securityCompliance?.failedAuthAttempts).toBe(0);
  });
});
