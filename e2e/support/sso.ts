import { join } from 'node:path';
import { REPO_ROOT } from './server';

/**
 * A real OpenID provider (oidc-provider, backend/test/support/oidc/test-provider.mjs) for the
 * single sign-on browser test, started by Playwright beside the backend.
 */
export const SSO_PROVIDER_SCRIPT = join(REPO_ROOT, 'backend', 'test', 'support', 'oidc', 'test-provider.mjs');

export function ssoProviderUrl(appPort: number): string {
  return `http://127.0.0.1:${appPort + 21}`;
}

export const SSO_CLIENT = { clientId: 'switchyard-e2e', clientSecret: 'e2e-console-secret-0123456789' };

/** The backend's AUTH_OIDC_PROVIDERS: groups map to a team manager of Facilities, or an executive. */
export function ssoProviderSettings(appPort: number): string {
  return JSON.stringify([
    {
      id: 'corp',
      name: 'Corp SSO',
      issuer: ssoProviderUrl(appPort),
      ...SSO_CLIENT,
      scopes: 'openid email profile groups',
      claims: ['groups'],
      grants: {
        'sy-facilities-managers': { roles: ['team_manager'], teams: ['Facilities'], departments: ['Operations'] },
        'sy-executives': { roles: ['executive'], tenants: '*', departments: '*', teams: '*', portfolios: '*' },
      },
    },
  ]);
}
