import {
  REFRESH_COOKIE,
  type ApiErrorResponse,
  type ClientCredentialsToken,
  type Page,
  type Principal,
  type SessionTokens,
} from '@switchyard/contracts';
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import type { AuditEvent } from './audit/audit.service';
import { ClientsService } from './clients.service';
import { SigningKeysService } from './tokens/signing-keys.service';
import { UsersService } from './users.service';

const PASSWORD = 'a-long-password-1';
const CLIENT_SECRET = 'integrator-secret-0123456789';

describe('identity: sign-in, sessions, client credentials and tokens', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SYNC_ENABLED: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    const users = app.app.get(UsersService);
    await users.create(
      {
        email: 'ops@example.com',
        displayName: 'Ops',
        password: PASSWORD,
        roles: ['operations_admin'],
        dataScopes: { tenants: ['acme-fitness'] },
      },
      null,
    );
    await users.create(
      {
        email: 'locked@example.com',
        displayName: 'Locky',
        password: PASSWORD,
        roles: ['read_only_viewer'],
        dataScopes: {},
      },
      null,
    );
    await app.app
      .get(ClientsService)
      .create(
        { id: 'reporting', name: 'Reporting', scopes: ['read:dashboard'], dataScopes: { tenants: '*' } },
        null,
        CLIENT_SECRET,
      );
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const cookieOf = (response: Response) => /sy_refresh=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  const me = (token: string) => fetch(`${app.baseUrl}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  const login = async (email = 'ops@example.com') => {
    const response = await post('/auth/login', { email, password: PASSWORD });
    expect(response.status).toBe(200);
    return {
      body: (await response.json()) as SessionTokens,
      cookie: cookieOf(response) ?? '',
      header: response.headers.get('set-cookie') ?? '',
    };
  };

  describe('password sign-in', () => {
    it('signs in, sets an httpOnly refresh cookie and says who the principal is', async () => {
      const { body, cookie, header } = await login();
      expect(body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        principal: { kind: 'user', email: 'ops@example.com', roles: ['operations_admin'] },
      });
      expect(body.principal.permissions).toContain('sources.refresh');
      expect(cookie.length).toBeGreaterThan(20);
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/SameSite=Strict/i);
      expect(header).toMatch(/Path=\/auth/);
      const who = (await (await me(body.accessToken)).json()) as Principal;
      expect(who).toMatchObject({
        email: 'ops@example.com',
        dataScopes: { tenants: ['acme-fitness'], departments: [] },
      });
    });

    it('answers a wrong password and an unknown email alike, with 401', async () => {
      const wrong = await post('/auth/login', { email: 'ops@example.com', password: 'not-the-password' });
      const unknown = await post('/auth/login', { email: 'nobody@example.com', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(((await wrong.json()) as ApiErrorResponse).error.message).toBe(
        ((await unknown.json()) as ApiErrorResponse).error.message,
      );
    });

    it('locks an account for a growing time after repeated failures', async () => {
      for (let i = 0; i < 5; i += 1)
        expect((await post('/auth/login', { email: 'locked@example.com', password: 'wrong-wrong' })).status).toBe(401);
      const locked = await post('/auth/login', { email: 'locked@example.com', password: PASSWORD });
      expect(locked.status).toBe(429);
      const body = (await locked.json()) as ApiErrorResponse;
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.retryAfter).toBeGreaterThanOrEqual(1);
    });

    it('ignores nothing it should not: role or tenant fields in bodies are refused (mass assignment)', async () => {
      const sneaky = await post('/auth/login', { email: 'ops@example.com', password: PASSWORD, role: 'master_admin' });
      expect(sneaky.status).toBe(400);
      expect(((await sneaky.json()) as ApiErrorResponse).error.fields?.map((f) => f.field)).toEqual(['role']);
      const admin = await app.adminHeaders();
      const created = await post(
        '/api/v1/users',
        {
          email: 'x@example.com',
          displayName: 'X',
          password: PASSWORD,
          roles: ['executive'],
          dataScopes: {},
          tenantId: 'acme-fitness',
          id: 'mine',
        },
        admin,
      );
      expect(created.status).toBe(400);
      expect(((await created.json()) as ApiErrorResponse).error.fields?.map((f) => f.field).sort()).toEqual([
        'id',
        'tenantId',
      ]);
      const users = (await (await fetch(`${app.baseUrl}/api/v1/users`, { headers: admin })).json()) as Page<{
        email: string;
      }>;
      expect(users.items.map((u) => u.email)).not.toContain('x@example.com');
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use, and a reused token revokes the whole session', async () => {
      const { cookie: first } = await login();
      const refreshed = await post('/auth/refresh', {}, { cookie: `${REFRESH_COOKIE}=${first}` });
      expect(refreshed.status).toBe(200);
      const second = cookieOf(refreshed) ?? '';
      expect(second).not.toBe(first);
      expect(((await refreshed.json()) as SessionTokens).accessToken).toBeTruthy();
      // Within a few seconds a repeat is another tab refreshing too: tolerated.
      expect((await post('/auth/refresh', {}, { cookie: `${REFRESH_COOKIE}=${first}` })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      // The first token again: theft is assumed, so the second one dies with it.
      expect((await post('/auth/refresh', {}, { cookie: `${REFRESH_COOKIE}=${first}` })).status).toBe(401);
      expect((await post('/auth/refresh', {}, { cookie: `${REFRESH_COOKIE}=${second}` })).status).toBe(401);
    });

    it('ends the session on logout', async () => {
      const { cookie } = await login();
      expect((await post('/auth/logout', {}, { cookie: `${REFRESH_COOKIE}=${cookie}` })).status).toBe(204);
      expect((await post('/auth/refresh', {}, { cookie: `${REFRESH_COOKIE}=${cookie}` })).status).toBe(401);
    });

    it('answers 401 without a cookie', async () => {
      expect((await post('/auth/refresh', {})).status).toBe(401);
    });
  });

  describe('OAuth2 client credentials', () => {
    const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${app.baseUrl}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    const basic = (id: string, secret: string) => ({
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
    });

    it('issues a token to a form-encoded request with HTTP Basic, without a refresh token', async () => {
      const response = await form({ grant_type: 'client_credentials' }, basic('reporting', CLIENT_SECRET));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const token = (await response.json()) as ClientCredentialsToken & { refresh_token?: string };
      expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'read:dashboard' });
      expect(token.refresh_token).toBeUndefined();
      const who = (await (await me(token.access_token)).json()) as Principal;
      expect(who).toMatchObject({ kind: 'client', id: 'reporting', scopes: ['read:dashboard'] });
      expect(who.permissions).toContain('dashboard.read');
      expect(who.permissions).not.toContain('sources.write');
    });

    it('accepts JSON with the credentials in the body', async () => {
      const response = await post('/auth/token', {
        grant_type: 'client_credentials',
        client_id: 'reporting',
        client_secret: CLIENT_SECRET,
        scope: 'read:dashboard',
      });
      expect(response.status).toBe(200);
    });

    it.each([
      ['a wrong secret', { grant_type: 'client_credentials' }, basic('reporting', 'nope'), 401, 'invalid_client'],
      [
        'an unknown client',
        { grant_type: 'client_credentials', client_id: 'ghost', client_secret: 'x' },
        {},
        401,
        'invalid_client',
      ],
      [
        'an unsupported grant',
        { grant_type: 'password', username: 'a', password: 'b' },
        basic('reporting', CLIENT_SECRET),
        400,
        'unsupported_grant_type',
      ],
      [
        'a scope beyond the client',
        { grant_type: 'client_credentials', scope: 'write:dashboard' },
        basic('reporting', CLIENT_SECRET),
        400,
        'invalid_scope',
      ],
      ['no grant type', {}, basic('reporting', CLIENT_SECRET), 400, 'invalid_request'],
    ])('refuses %s with the RFC 6749 error', async (_label, fields, headers, status, error) => {
      const response = await form(fields, headers);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error });
    });
  });

  describe('access tokens', () => {
    let valid: string;
    let kid: string;

    beforeAll(async () => {
      valid = (await login()).body.accessToken;
      kid = (JSON.parse(Buffer.from(valid.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
    });

    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = () =>
      JSON.parse(Buffer.from(valid.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    const sign = async (overrides: Record<string, unknown>, header: Record<string, unknown> = {}) => {
      const { privateKey } = app.app.get(SigningKeysService).signingKey();
      return new SignJWT({ ...claims(), ...overrides })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt', ...header })
        .sign(privateKey);
    };

    it('accepts the genuine token (the control for the cases below)', async () => {
      expect((await me(valid)).status).toBe(200);
      expect((await me(await sign({}))).status).toBe(200);
    });

    it('publishes the verifying key as a JWKS', async () => {
      const jwks = (await (await fetch(`${app.baseUrl}/.well-known/jwks.json`)).json()) as {
        keys: Array<{ kid: string; alg: string; d?: string }>;
      };
      expect(jwks.keys.find((k) => k.kid === kid)).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig' });
      expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    });

    it.each([
      ['alg none', () => Promise.resolve(`${b64({ alg: 'none', typ: 'at+jwt', kid })}.${b64(claims())}.`)],
      [
        'HS256 signed with the public key',
        async () => {
          const pem = (await app.app.get(SigningKeysService).publicKey(kid))?.export({
            type: 'spki',
            format: 'pem',
          }) as string;
          const unsigned = `${b64({ alg: 'HS256', typ: 'at+jwt', kid })}.${b64(claims())}`;
          return `${unsigned}.${createHmac('sha256', pem).update(unsigned).digest('base64url')}`;
        },
      ],
      [
        'an expired token',
        () => sign({ exp: Math.floor(Date.now() / 1000) - 60, iat: Math.floor(Date.now() / 1000) - 1000 }),
      ],
      ['a wrong audience', () => sign({ aud: 'someone-else' })],
      ['a wrong issuer', () => sign({ iss: 'https://evil.example.com' })],
      ['an unknown kid', () => sign({}, { kid: 'not-ours' })],
      ['a refresh or id token type', () => sign({}, { typ: 'JWT' })],
      [
        'a tampered payload',
        () => {
          const [header, , signature] = valid.split('.');
          return Promise.resolve(`${header}.${b64({ ...claims(), roles: ['master_admin'] })}.${signature}`);
        },
      ],
    ])('refuses %s with 401', async (_label, make) => {
      const response = await me(await make());
      expect(response.status).toBe(401);
      expect(((await response.json()) as ApiErrorResponse).error.code).toBe('UNAUTHENTICATED');
    });

    it('rotates keys: new tokens use the new kid, old tokens keep working until they expire', async () => {
      const rotated = await post('/api/v1/auth/keys/rotate', {}, await app.adminHeaders());
      expect(rotated.status).toBe(200);
      const { kid: newKid } = (await rotated.json()) as { kid: string };
      expect(newKid).not.toBe(kid);
      expect((await me(valid)).status).toBe(200);
      const fresh = (await login()).body.accessToken;
      expect(JSON.parse(Buffer.from(fresh.split('.')[0], 'base64url').toString())).toMatchObject({ kid: newKid });
      const jwks = (await (await fetch(`${app.baseUrl}/.well-known/jwks.json`)).json()) as {
        keys: Array<{ kid: string }>;
      };
      expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([kid, newKid]) as unknown);
    });
  });

  describe('audit and secrecy', () => {
    it('records sign-ins, token grants and administrative actions for compliance', async () => {
      await app.app.get(ClientsService).rotate('reporting', (await login()).body.principal);
      const token = await app.tokenFor('compliance_admin');
      const audit = (await (
        await fetch(`${app.baseUrl}/api/v1/audit?pageSize=200`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as Page<AuditEvent>;
      const seen = new Set(audit.items.map((e) => `${e.action}:${e.outcome}`));
      for (const expected of [
        'auth.login:success',
        'auth.login:failure',
        'auth.login:denied',
        'auth.token:success',
        'auth.token:failure',
        'auth.token:denied',
        'auth.refresh_reuse:denied',
        'auth.logout:success',
        'user.create:success',
        'client.create:success',
        'client.rotate_secret:success',
        'keys.rotate:success',
      ]) {
        expect([...seen]).toContain(expected);
      }
      expect(audit.items.find((e) => e.action === 'auth.login' && e.outcome === 'success')?.traceId).toBeTruthy();
    });

    it('names the actors: users by display name and email, service clients by name; filters by email', async () => {
      await login();
      expect((await post('/auth/login', { email: 'OPS@example.com', password: 'not-the-password' })).status).toBe(401);
      await post('/auth/login', { email: 'nobody@example.com', password: 'not-the-password' });
      await app.app
        .get(ClientsService)
        .create(
          { id: 'billing', name: 'Billing export', scopes: ['read:dashboard'], dataScopes: {} },
          null,
          CLIENT_SECRET,
        );
      const granted = await fetch(`${app.baseUrl}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'billing',
          client_secret: CLIENT_SECRET,
        }).toString(),
      });
      expect(granted.status).toBe(200);
      const headers = await app.adminHeaders();
      const read = async (query: string) =>
        (await (await fetch(`${app.baseUrl}/api/v1/audit?${query}`, { headers })).json()) as Page<AuditEvent>;
      const ops = await app.app.get(UsersService).findByEmail('ops@example.com');
      const byEmail = await read('actorId=ops@example.com&pageSize=200');
      const signIn = byEmail.items.find((e) => e.action === 'auth.login' && e.outcome === 'success');
      expect(signIn).toMatchObject({ actorId: ops?.id, actorName: 'Ops', actorEmail: 'ops@example.com' });
      // The failed sign-in is stored under the email, not the user id, and still names the user.
      const typed = await read('actorId=OPS@example.com&action=auth.login&outcome=failure');
      expect(typed.items[0]).toMatchObject({
        actorId: 'ops@example.com',
        actorName: 'Ops',
        actorEmail: 'ops@example.com',
      });
      const tokens = await read('actorId=billing&action=auth.token&outcome=success');
      expect(tokens.items[0]).toMatchObject({ actorKind: 'client', actorName: 'Billing export', actorEmail: null });
      const unknown = await read('actorId=nobody@example.com');
      expect(unknown.items[0]).toMatchObject({ actorId: 'nobody@example.com', actorName: null, actorEmail: null });
    });

    it('never writes passwords, secrets or tokens to the log or the audit trail', async () => {
      const { body, cookie } = await login();
      const audit = await (
        await fetch(`${app.baseUrl}/api/v1/audit?pageSize=200`, { headers: await app.adminHeaders() })
      ).text();
      const everything = JSON.stringify(app.logs) + audit;
      for (const secret of [PASSWORD, CLIENT_SECRET, body.accessToken, cookie, 'wrong-wrong', 'not-the-password'])
        expect(everything).not.toContain(secret);
    });
  });
});
