import type { Principal } from '@switchyard/contracts';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { connectLive } from '../../../test/support/live-client';
import { startTestProvider, TEST_API_RESOURCE, type TestProvider } from '../../../test/support/oidc/test-provider';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

// Issue 23, item 2: access tokens of the company's identity provider, for machine clients.
describe('access tokens of a trusted issuer', () => {
  let provider: TestProvider;
  let app: TestApp;
  const secret = 'dashboard-service-secret-0123456789';

  beforeAll(async () => {
    provider = await startTestProvider();
    await provider.addClient({ clientId: 'dashboard-service', clientSecret: secret });
    await provider.addClient({ clientId: 'switchyard-introspector', clientSecret: secret });
    const trusted = {
      id: 'corp',
      issuer: provider.issuer,
      jwksUri: `${provider.issuer}/jwks`,
      audience: TEST_API_RESOURCE,
      claims: ['scope'],
      grants: { 'switchyard.read': { scopes: ['read:dashboard'], departments: ['Operations'] } },
      introspection: {
        url: `${provider.issuer}/introspect-jwt`,
        clientId: 'switchyard-introspector',
        clientSecret: secret,
      },
    };
    app = await startTestApp({ AUTH_TRUSTED_ISSUERS: JSON.stringify([trusted]), AUTH_JWKS_COOLDOWN_MS: '0' });
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  const get = (path: string, token: string) =>
    fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('reads the summary with the scope and data scopes its claims map to', async () => {
    const token = await provider.clientToken('dashboard-service', secret);
    const me = await get('/auth/me', token);
    expect(me.status).toBe(200);
    const principal = (await me.json()) as Principal;
    expect(principal).toMatchObject({
      kind: 'client',
      id: 'corp:dashboard-service',
      scopes: ['read:dashboard'],
      dataScopes: { departments: ['Operations'], teams: [], tenants: [], portfolios: [] },
    });
    expect((await get('/api/v1/summary', token)).status).toBe(200);
    // The mapped scope grants dashboards only.
    expect((await get('/api/v1/sources', token)).status).toBe(403);
  });

  it('is accepted on the live socket too', async () => {
    const client = await connectLive(app.baseUrl, await provider.clientToken('dashboard-service', secret));
    expect(client.socket.connected).toBe(true);
    client.close();
  });

  it('opens the SSE stream with the token in the query, as browsers must send it', async () => {
    const token = await provider.clientToken('dashboard-service', secret);
    const abort = new AbortController();
    const stream = await fetch(`${app.baseUrl}/api/v1/stream?topics=domain:summary&access_token=${token}`, {
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    abort.abort();
    const other = await provider.clientToken('dashboard-service', secret, { resource: 'https://other-api.test' });
    expect((await fetch(`${app.baseUrl}/api/v1/stream?topics=domain:summary&access_token=${other}`)).status).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    const token = await provider.clientToken('dashboard-service', secret, { resource: 'https://other-api.test' });
    expect((await get('/api/v1/summary', token)).status).toBe(401);
  });

  it('refuses tokens of an untrusted issuer, and a forged one naming the trusted issuer', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (iss: string) =>
      new SignJWT({ scope: 'switchyard.read', client_id: 'dashboard-service' })
        .setProtectedHeader({ alg: 'RS256', kid: 'attacker' })
        .setIssuer(iss)
        .setAudience(TEST_API_RESOURCE)
        .setSubject('dashboard-service')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    expect((await get('/api/v1/summary', await forge('https://evil.example'))).status).toBe(401);
    expect((await get('/api/v1/summary', await forge(provider.issuer))).status).toBe(401);
  });

  it('refuses a token the provider reports inactive (introspection)', async () => {
    const token = await provider.clientToken('dashboard-service', secret);
    await provider.revokeToken(token);
    expect((await get('/api/v1/summary', token)).status).toBe(401);
  });

  it('follows a key rotation at the provider without a restart', async () => {
    expect((await get('/api/v1/summary', await provider.clientToken('dashboard-service', secret))).status).toBe(200);
    const kid = await provider.rotateKeys();
    const token = await provider.clientToken('dashboard-service', secret);
    expect(decodeProtectedHeader(token).kid).toBe(kid);
    expect((await get('/api/v1/summary', token)).status).toBe(200);
  });

  it('keeps Switchyard’s own tokens working', async () => {
    expect((await get('/api/v1/summary', await app.tokenFor('executive'))).status).toBe(200);
  });
});
