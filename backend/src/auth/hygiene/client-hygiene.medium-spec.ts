import { LIVE_NAMESPACE, type AlertView, type ClientView, type ClientWithSecret } from '@switchyard/contracts';
import { io } from 'socket.io-client';
import { SteppedClock } from '../../../test/support/stepped-clock';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { AuditService } from '../audit/audit.service';
import { ClientSecretsMonitor } from './client-secrets-monitor.service';

const DAY = 86_400;

// Issue 23, item 3: secret expiry and rotation with overlap, per-client allowlists, anomaly alerts.
describe('service client hygiene', () => {
  const clock = new SteppedClock();
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(
      { TRUST_PROXY: 'true', CLIENT_ANOMALY_RATE_PER_MINUTE: '5', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
      { clock },
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(await app.adminHeaders()), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    return { status: response.status, body: answer };
  };
  const createClient = async (id: string, allowedNetworks?: string[]) =>
    (
      await admin('POST', '/clients', {
        id,
        name: id,
        scopes: ['read:dashboard'],
        dataScopes: { departments: '*' },
        ...(allowedNetworks ? { allowedNetworks } : {}),
      })
    ).body as ClientWithSecret;
  const token = async (id: string, secret: string, from = '192.0.2.10') => {
    const response = await fetch(`${app.baseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
    });
    return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string } };
  };
  const summary = async (accessToken: string, from = '192.0.2.10') =>
    (
      await fetch(`${app.baseUrl}/api/v1/summary`, {
        headers: { authorization: `Bearer ${accessToken}`, 'x-forwarded-for': from },
      })
    ).status;
  const audit = async (action: string, resourceId: string) =>
    (await app.app.get(AuditService).list({ action }, { page: 1, pageSize: 50, offset: 0 })).items.filter(
      (e) => e.resourceId === resourceId,
    );
  /** The security alert about a client for this reason, once the alerting has written it. */
  const securityAlert = async (clientId: string, reason: string): Promise<AlertView> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { body } = await admin('GET', '/ops/alerts');
      const found = (body as { items: AlertView[] }).items.find(
        (a) => a.kind === 'security' && a.labels.clientId === clientId && a.labels.reason === reason,
      );
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no security alert about ${clientId} (${reason})`);
  };

  describe('secret rotation', () => {
    it('warns 14 days ahead, keeps both secrets during the overlap, and ends the old one at 90 days', async () => {
      const created = await createClient('rotating-client');
      const old = created.clientSecret;
      expect(created.secretExpiresAt).toBe(new Date(clock.now().getTime() + 90 * DAY * 1000).toISOString());
      const monitor = app.app.get(ClientSecretsMonitor);

      clock.advance(75 * DAY);
      expect(await monitor.check()).toEqual([]);
      clock.advance(1 * DAY + 60);
      expect(await monitor.check()).toEqual(['rotating-client']);
      const warning = await securityAlert('rotating-client', 'secret expiring');
      expect(warning).toMatchObject({ module: 'security', state: 'firing', severity: 'warning' });
      expect(warning.message).toContain('expires in 14 days');
      expect(await audit('client.secret_expiring', 'rotating-client')).toHaveLength(1);
      // Once per secret.
      expect(await monitor.check()).toEqual([]);

      const rotated = (await admin('POST', '/clients/rotating-client/rotate')).body as ClientWithSecret;
      expect(rotated.clientSecret).not.toBe(old);
      expect(rotated.previousSecretExpiresAt).toBe(created.secretExpiresAt);
      expect((await admin('GET', '/clients')).body).not.toHaveProperty('items.0.clientSecret');
      expect((await token('rotating-client', old)).status).toBe(200);
      expect((await token('rotating-client', rotated.clientSecret)).status).toBe(200);
      expect(await audit('client.rotate_secret', 'rotating-client')).toHaveLength(1);

      clock.advance(14 * DAY);
      const refused = await token('rotating-client', old);
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      const fresh = await token('rotating-client', rotated.clientSecret);
      expect(fresh.status).toBe(200);
      expect(await summary(fresh.body.access_token!)).toBe(200);
      const view = (await admin('GET', '/clients')).body as { items: ClientView[] };
      expect(view.items.find((c) => c.id === 'rotating-client')?.previousSecretExpiresAt).toBeNull();
    });
  });

  describe('allowlists', () => {
    it('refuses tokens and requests from outside the client’s networks with 403 and an audit event', async () => {
      const { clientSecret } = await createClient('fenced-client', ['10.20.0.0/16']);
      const outside = await token('fenced-client', clientSecret, '203.0.113.5');
      expect(outside).toMatchObject({ status: 403, body: { error: 'access_denied' } });
      const inside = await token('fenced-client', clientSecret, '10.20.1.2');
      expect(inside.status).toBe(200);
      expect(await summary(inside.body.access_token!, '10.20.1.2')).toBe(200);
      expect(await summary(inside.body.access_token!, '198.51.100.1')).toBe(403);
      const refusals = await audit('client.ip_refused', 'fenced-client');
      // The stepped clock stands still: both events carry the same time, so compare as a set.
      expect(refusals.map((e) => `${e.ip} ${String(e.details.via)}`).sort()).toEqual([
        '198.51.100.1 request',
        '203.0.113.5 token endpoint',
      ]);
    });

    it('holds the allowlist for live connections too: outside is refused with FORBIDDEN and audited', async () => {
      const { clientSecret } = await createClient('fenced-live-client', ['10.30.0.0/16']);
      const { body } = await token('fenced-live-client', clientSecret, '10.30.0.9');
      /** Connects as the client from an address (behind the trusted proxy); answers null or the refusal code. */
      const connectFrom = (address: string) =>
        new Promise<string | null>((resolve) => {
          const socket = io(`${app.baseUrl}${LIVE_NAMESPACE}`, {
            auth: { token: body.access_token },
            extraHeaders: { 'x-forwarded-for': address },
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
          });
          socket.once('connect', () => {
            socket.disconnect();
            resolve(null);
          });
          socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
            socket.disconnect();
            resolve(error.data?.code ?? error.message);
          });
        });
      expect(await connectFrom('10.30.4.4')).toBeNull();
      expect(await connectFrom('203.0.113.77')).toBe('FORBIDDEN');
      const refusals = await audit('client.ip_refused', 'fenced-live-client');
      expect(refusals.map((e) => `${e.ip} ${String(e.details.via)}`)).toEqual(['203.0.113.77 live connection']);
    });

    it('changes the allowlist with validation, and an empty one allows any address', async () => {
      const bad = await admin('PUT', '/clients/fenced-client/allowed-networks', { allowedNetworks: ['10.0.0.0/33'] });
      expect(bad.status).toBe(400);
      const cleared = await admin('PUT', '/clients/fenced-client/allowed-networks', { allowedNetworks: [] });
      expect(cleared).toMatchObject({ status: 200, body: { allowedNetworks: [] } });
    });
  });

  describe('anomalies', () => {
    it('raises alerts for a burst from a new network, and the admin revokes the client from the alert', async () => {
      const { clientSecret } = await createClient('watched-client');
      const issued = await token('watched-client', clientSecret, '192.0.2.10');
      const accessToken = issued.body.access_token!;
      for (let i = 0; i < 7; i += 1) expect(await summary(accessToken, '198.51.100.77')).toBe(200);

      const newNetwork = await securityAlert('watched-client', 'new network');
      expect(newNetwork).toMatchObject({ severity: 'critical', labels: { network: '198.51.100.0/24' } });
      await securityAlert('watched-client', 'unusual rate');
      const anomalies = await audit('client.anomaly', 'watched-client');
      expect(anomalies.map((e) => e.details.reason).sort()).toEqual(['new network', 'unusual rate']);

      const revoked = await admin('POST', `/ops/alerts/${newNetwork.id}/revoke-client`);
      expect(revoked).toMatchObject({
        status: 200,
        body: { clientId: 'watched-client', alert: { state: 'resolved' } },
      });
      expect(await summary(accessToken, '198.51.100.77')).toBe(401);
      expect((await token('watched-client', clientSecret)).status).toBe(401);
    });
  });
});
