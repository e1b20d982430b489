import { REFRESH_COOKIE, type SessionTokens, type SsoProviders } from '@switchyard/contracts';
import { startTestProvider, type TestProvider } from '../../../test/support/oidc/test-provider';
import { signInThroughProvider } from '../../../test/support/oidc/sso-driver';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { AuditService } from '../audit/audit.service';

// Issue 23, item 1: console sign-in through the company's OpenID provider.
describe('single sign-on with an OpenID provider', () => {
  let provider: TestProvider;
  let app: TestApp;

  beforeAll(async () => {
    provider = await startTestProvider();
    const corp = {
      id: 'corp',
      name: 'Corp SSO',
      issuer: provider.issuer,
      clientId: 'switchyard-console',
      clientSecret: 'console-secret-0123456789abcdef',
      scopes: 'openid email profile groups',
      claims: ['groups'],
      grants: {
        'sy-platform-managers': { roles: ['team_manager'], teams: ['Platform'], departments: ['Engineering'] },
        'sy-executives': { roles: ['executive'], teams: '*', departments: '*', tenants: '*', portfolios: '*' },
      },
    };
    app = await startTestApp({ AUTH_OIDC_PROVIDERS: JSON.stringify([corp]), AUTH_LOCAL_LOGIN_ENABLED: 'false' });
    await provider.addClient({
      clientId: corp.clientId,
      clientSecret: corp.clientSecret,
      redirectUris: [`${app.baseUrl}/auth/oidc/corp/callback`],
      postLogoutRedirectUris: [`${app.baseUrl}/login`],
    });
    await provider.setUser('alice', { email: 'alice@corp.test', name: 'Alice', groups: ['sy-platform-managers'] });
    await provider.setUser('nobody', { email: 'nobody@corp.test', groups: ['unrelated'] });
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  const refresh = async (cookie: string) => {
    const response = await fetch(`${app.baseUrl}/auth/refresh`, {
      method: 'POST',
      headers: { cookie: `${REFRESH_COOKIE}=${cookie}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as SessionTokens;
  };
  const lastAudit = async (action: string) =>
    (await app.app.get(AuditService).list({ action }, { page: 1, pageSize: 1, offset: 0 })).items[0];

  it('lists the provider for the login page, with password sign-in off', async () => {
    const body = (await (await fetch(`${app.baseUrl}/auth/oidc/providers`)).json()) as SsoProviders;
    expect(body).toMatchObject({
      localLoginEnabled: false,
      providers: [{ id: 'corp', name: 'Corp SSO', loginUrl: '/auth/oidc/corp/login' }],
    });
    const password = await fetch(`${app.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@corp.test', password: 'whatever-password' }),
    });
    expect(password.status).toBe(403);
  });

  it('signs a new user in with the role and team its groups map to, and audits the claims', async () => {
    const attempt = await signInThroughProvider(app.baseUrl, 'corp', 'alice');
    expect(attempt.location).toBe('/');
    expect(attempt.refreshCookie).toBeTruthy();
    const { principal } = await refresh(attempt.refreshCookie!);
    expect(principal).toMatchObject({ email: 'alice@corp.test', name: 'Alice', roles: ['team_manager'] });
    expect(principal.dataScopes).toEqual({
      tenants: [],
      departments: ['Engineering'],
      teams: ['Platform'],
      portfolios: [],
    });
    const audit = await lastAudit('auth.sso');
    expect(audit).toMatchObject({ outcome: 'success', actorId: principal.id });
    expect(audit.details).toMatchObject({
      provider: 'corp',
      claims: ['sy-platform-managers'],
      roles: ['team_manager'],
    });
  });

  it('re-evaluates roles at the next sign-in and revokes tokens of the old ones', async () => {
    await provider.setUser('alice', { email: 'alice@corp.test', name: 'Alice', groups: ['sy-platform-managers'] });
    const first = await refresh((await signInThroughProvider(app.baseUrl, 'corp', 'alice')).refreshCookie!);
    await provider.setUser('alice', { email: 'alice@corp.test', name: 'Alice', groups: ['sy-executives'] });
    const second = await refresh((await signInThroughProvider(app.baseUrl, 'corp', 'alice')).refreshCookie!);
    expect(second.principal.id).toBe(first.principal.id);
    expect(second.principal.roles).toEqual(['executive']);
    const me = (token: string) =>
      fetch(`${app.baseUrl}/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await me(first.accessToken)).toBe(401);
    expect(await me(second.accessToken)).toBe(200);
  });

  it.each([
    ['tamper', /signature verification failed/],
    ['nonce', /"nonce" claim/],
    ['audience', /"aud" \(audience\) claim/],
    ['expired', /"exp" \(expiration time\)/],
  ] as const)('refuses an ID token with a %s mutation, naming the failed check in the audit', async (mode, reason) => {
    await provider.mutateNextIdToken(mode);
    const attempt = await signInThroughProvider(app.baseUrl, 'corp', 'alice');
    expect(attempt.location).toMatch(/^\/login\?ssoError=/);
    expect(attempt.refreshCookie).toBeNull();
    const audit = await lastAudit('auth.sso');
    expect(audit).toMatchObject({ outcome: 'failure', details: { provider: 'corp' } });
    expect(audit.details.reason).toMatch(reason);
  });

  it('refuses a user whose claims map to no role', async () => {
    const attempt = await signInThroughProvider(app.baseUrl, 'corp', 'nobody');
    expect(attempt.refreshCookie).toBeNull();
    expect((await lastAudit('auth.sso')).details).toMatchObject({ reason: 'no claim maps to a Switchyard role' });
  });

  it('refuses a callback without the sign-in state cookie', async () => {
    const response = await fetch(`${app.baseUrl}/auth/oidc/corp/callback?code=x&state=y`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/login\?ssoError=/);
  });

  it('signs out: the session ends and the answer carries the provider’s end-session URL', async () => {
    const attempt = await signInThroughProvider(app.baseUrl, 'corp', 'alice');
    const cookie = `${REFRESH_COOKIE}=${attempt.refreshCookie}`;
    const logout = await fetch(`${app.baseUrl}/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(200);
    const { endSessionUrl } = (await logout.json()) as { endSessionUrl: string };
    expect(endSessionUrl.startsWith(`${provider.issuer}/session/end?`)).toBe(true);
    expect(new URL(endSessionUrl).searchParams.get('post_logout_redirect_uri')).toBe(`${app.baseUrl}/login`);
    const again = await fetch(`${app.baseUrl}/auth/refresh`, { method: 'POST', headers: { cookie } });
    expect(again.status).toBe(401);
  });
});
