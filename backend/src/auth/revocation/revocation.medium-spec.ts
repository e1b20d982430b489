import type { ClientCredentialsToken, DataScopes, Role, SessionTokens, SubscribeAck } from '@switchyard/contracts';
import { ALL_DATA } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { connectLive, openSse, waitUntil, type LiveClient } from '../../../test/support/live-client';
import { seedCrmTenants } from '../../../test/support/sync-testbed';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { testRedisUrl } from '../../../test/support/test-redis';
import { ClientsService } from '../clients.service';
import { UsersService } from '../users.service';

const PASSWORD = 'a-long-password-1';
const CLIENT_SECRET = 'integrator-secret-0123456789';

/** Each test is the attack from the security issue: an old token after its principal lost access. */
describe('revocation takes effect at once (tokens are checked against the principal’s current state)', () => {
  let app: TestApp;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      SYNC_ENABLED: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      SOURCE_ALLOWED_HOSTS: '127.0.0.1',
      LIVE_HEARTBEAT_SECONDS: '1',
    });
    await seedCrmTenants(app, ['acme-fitness', 'zen-yoga']);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app.close();
  });

  const createUser = (email: string, roles: Role[], dataScopes: Partial<DataScopes> = ALL_DATA) =>
    app.app.get(UsersService).create({ email, displayName: email, password: PASSWORD, roles, dataScopes }, null);
  const login = async (email: string): Promise<string> => {
    const response = await call('POST', '/auth/login', null, { email, password: PASSWORD });
    expect(response.status).toBe(200);
    return (response.body as SessionTokens).accessToken;
  };
  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as unknown };
  };
  const asAdmin = async (method: string, path: string, body?: unknown) =>
    call(method, path, (await app.adminHeaders()).authorization.slice(7), body);
  const connect = async (token: string) => {
    const socket = await connectLive(app.baseUrl, token);
    sockets.push(socket);
    return socket;
  };

  it('a demoted and disabled master admin cannot PATCH itself back with its old token, nor rotate the keys', async () => {
    const mallory = await createUser('mallory@example.com', ['master_admin']);
    const alice = await createUser('alice@example.com', ['master_admin']);
    const malloryToken = await login('mallory@example.com');
    const aliceToken = await login('alice@example.com');

    const demoted = await call('PATCH', `/api/v1/users/${mallory.id}`, aliceToken, {
      roles: ['read_only_viewer'],
      disabled: true,
    });
    expect(demoted.status).toBe(200);

    const repromoted = await call('PATCH', `/api/v1/users/${mallory.id}`, malloryToken, {
      roles: ['master_admin'],
      disabled: false,
    });
    expect(repromoted.status).toBe(401);
    expect((await call('POST', '/api/v1/auth/keys/rotate', malloryToken)).status).toBe(401);
    expect(await app.app.get(UsersService).get(mallory.id)).toMatchObject({
      roles: ['read_only_viewer'],
      disabled: true,
    });

    // Even with a token still valid, no principal changes its own access...
    const self = await call('PATCH', `/api/v1/users/${alice.id}`, aliceToken, { roles: ['executive'] });
    expect(self).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    // ...and the last enabled master admin cannot be demoted or disabled by anyone.
    const lastDemoted = await asAdmin('PATCH', `/api/v1/users/${alice.id}`, { roles: ['executive'] });
    expect(lastDemoted).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect((await asAdmin('PATCH', `/api/v1/users/${alice.id}`, { disabled: true })).status).toBe(409);
    expect((await call('GET', '/api/v1/users', aliceToken)).status).toBe(200);
  });

  it('a disabled user’s old token reads no dashboard data and opens no new socket; the open one is closed', async () => {
    const dora = await createUser('dora@example.com', ['executive']);
    const token = await login('dora@example.com');
    expect((await call('GET', '/api/v1/dashboard-data', token)).status).toBe(200);
    const open = await connect(token);

    expect((await asAdmin('PATCH', `/api/v1/users/${dora.id}`, { disabled: true })).status).toBe(200);

    expect(await open.disconnected()).toBe('io server disconnect');
    expect(open.events.map((e) => e.event)).toContain('auth_expired');
    expect((await call('GET', '/api/v1/dashboard-data', token)).status).toBe(401);
    await expect(connectLive(app.baseUrl, token)).rejects.toMatchObject({ message: 'unauthenticated' });
    const reauthing = await connect(await app.tokenFor('executive'));
    expect(await reauthing.request('reauth', { token })).toMatchObject({ ok: false });
  });

  it('a disabled user’s open SSE stream is ended at once, telling the client why', async () => {
    const sid = await createUser('sid@example.com', ['executive']);
    const token = await login('sid@example.com');
    const stream = await openSse(`${app.baseUrl}/api/v1/stream?topics=alerts`, { authorization: `Bearer ${token}` });
    expect(stream.status).toBe(200);
    await waitUntil(() => (stream.events.some((e) => e.event === 'heartbeat') ? true : null));

    expect((await asAdmin('PATCH', `/api/v1/users/${sid.id}`, { disabled: true })).status).toBe(200);

    await stream.ended;
    expect(stream.events.map((e) => e.event)).toContain('auth_expired');
    expect(stream.events.find((e) => e.event === 'auth_expired')?.data).toEqual({ reason: 'access revoked' });
  });

  it('a demoted user’s new socket is not granted topics of the tenants it lost', async () => {
    const dan = await createUser('dan@example.com', ['executive'], {
      ...ALL_DATA,
      tenants: ['acme-fitness', 'zen-yoga'],
    });
    const oldToken = await login('dan@example.com');
    const before = await connect(oldToken);
    const ack = await before.request<SubscribeAck>('subscribe', { topics: ['crm:zen-yoga'] });
    expect(ack.results[0]).toMatchObject({ granted: true });

    const narrowed = await asAdmin('PATCH', `/api/v1/users/${dan.id}`, {
      dataScopes: { ...ALL_DATA, tenants: ['acme-fitness'] },
    });
    expect(narrowed.status).toBe(200);

    await expect(connectLive(app.baseUrl, oldToken)).rejects.toMatchObject({ message: 'unauthenticated' });
    expect((await call('GET', '/api/v1/crm/leads?tenant=zen-yoga', oldToken)).status).toBe(401);
    // Signing in again gives a token with the new scopes: the lost tenant is refused, the kept one granted.
    const after = await connect(await login('dan@example.com'));
    const ackAfter = await after.request<SubscribeAck>('subscribe', { topics: ['crm:zen-yoga', 'crm:acme-fitness'] });
    expect(ackAfter.results.find((r) => r.topic === 'crm:zen-yoga')).toMatchObject({
      granted: false,
      code: 'forbidden',
    });
    expect(ackAfter.results.find((r) => r.topic === 'crm:acme-fitness')).toMatchObject({ granted: true });
  });

  it('a revoked service client’s token stops working at once', async () => {
    await app.app
      .get(ClientsService)
      .create(
        { id: 'integrator', name: 'Integrator', scopes: ['read:dashboard'], dataScopes: ALL_DATA },
        null,
        CLIENT_SECRET,
      );
    const grant = await call('POST', '/auth/token', null, {
      grant_type: 'client_credentials',
      client_id: 'integrator',
      client_secret: CLIENT_SECRET,
    });
    const token = (grant.body as ClientCredentialsToken).access_token;
    expect((await call('GET', '/api/v1/dashboard-data', token)).status).toBe(200);

    expect((await asAdmin('POST', '/api/v1/clients/integrator/revoke')).status).toBe(200);

    expect((await call('GET', '/api/v1/dashboard-data', token)).status).toBe(401);
    await expect(connectLive(app.baseUrl, token)).rejects.toMatchObject({ message: 'unauthenticated' });
  });
});

/** A revocation made on one replica is honoured by the others: through Redis, and by polling Postgres without it. */
describe.each([
  ['with Redis', { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: `test-${randomUUID()}` }],
  ['without Redis (Postgres poll)', { AUTH_REVOCATION_POLL_MS: '200' }],
])('revocation across replicas %s', (_name, env: Record<string, string>) => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ SYNC_ENABLED: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '10000', ...env });
    b = await startTestApp({ SYNC_ENABLED: 'false', ...env }, { database: a.config.database });
  });

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a user disabled on one replica is refused by the other', async () => {
    if (a.config.database.kind !== 'postgres') return; // PGlite is one process: there is no other replica.
    const user = await a.app.get(UsersService).create(
      {
        email: 'eve@example.com',
        displayName: 'Eve',
        password: PASSWORD,
        roles: ['executive'],
        dataScopes: ALL_DATA,
      },
      null,
    );
    const login = await fetch(`${a.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'eve@example.com', password: PASSWORD }),
    });
    const token = ((await login.json()) as SessionTokens).accessToken;
    const leadsOnB = () =>
      fetch(`${b.baseUrl}/api/v1/dashboard-data`, { headers: { authorization: `Bearer ${token}` } }).then(
        (r) => r.status,
      );
    expect(await leadsOnB()).toBe(200);

    const admin = await a.adminHeaders();
    const disabled = await fetch(`${a.baseUrl}/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);

    await waitUntil(async () => ((await leadsOnB()) === 401 ? true : null), 5000);
  });
});

describe('signing-key compromise', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SYNC_ENABLED: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    await app.app.get(UsersService).create(
      {
        email: 'kim@example.com',
        displayName: 'Kim',
        password: PASSWORD,
        roles: ['executive'],
        dataScopes: ALL_DATA,
      },
      null,
    );
  });

  afterAll(async () => {
    await app.close();
  });

  const login = async () => {
    const response = await fetch(`${app.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kim@example.com', password: PASSWORD }),
    });
    return ((await response.json()) as SessionTokens).accessToken;
  };
  const dashboard = (token: string) =>
    fetch(`${app.baseUrl}/api/v1/dashboard-data`, { headers: { authorization: `Bearer ${token}` } }).then(
      (r) => r.status,
    );

  it('a rotation marked compromised refuses every token issued before it, on REST and sockets', async () => {
    const before = await login();
    expect(await dashboard(before)).toBe(200);

    const rotated = await fetch(`${app.baseUrl}/api/v1/auth/keys/rotate`, {
      method: 'POST',
      headers: { ...(await app.adminHeaders()), 'content-type': 'application/json' },
      body: JSON.stringify({ compromised: true }),
    });
    expect(rotated.status).toBe(200);

    expect(await dashboard(before)).toBe(401);
    await expect(connectLive(app.baseUrl, before)).rejects.toMatchObject({ message: 'unauthenticated' });
    const after = await login();
    expect(await dashboard(after)).toBe(200);
  });
});
