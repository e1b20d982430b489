import { expect, test, type Page } from '@playwright/test';
import { SSO_CLIENT, ssoProviderUrl } from '../support/sso';

// Issue 23: console sign-in through a real OpenID provider (oidc-provider on loopback, started
// by the Playwright config); the provider's groups decide the role and the team at every sign-in.
const appPort = Number(process.env.E2E_PORT ?? 4310);
const provider = ssoProviderUrl(appPort);
const appBase = `http://127.0.0.1:${appPort}`;

async function control(method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${provider}/_control/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

const setGroups = (groups: string[]) =>
  control('PUT', 'users/dana', { email: 'dana@corp.test', name: 'Dana Ruiz', groups });

async function signInWithProvider(page: Page): Promise<void> {
  await page.goto('/login?returnUrl=%2Fworkplace%2Fpeople');
  await page.getByRole('link', { name: 'Sign in with Corp SSO' }).click();
  // The provider's own sign-in form.
  await expect(page.getByRole('heading', { name: 'Test provider' })).toBeVisible();
  await page.getByLabel('User').fill('dana');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/workplace\/people$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

async function teamsShown(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Teams' });
  await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  return table.locator('tbody tr td:first-child').allInnerTexts();
}

test.describe('single sign-on with the company’s OpenID provider', () => {
  test.beforeAll(async () => {
    await control('POST', 'clients', {
      ...SSO_CLIENT,
      redirectUris: [`${appBase}/auth/oidc/corp/callback`],
      postLogoutRedirectUris: [`${appBase}/login`],
    });
  });

  test('a team manager by group sees only their team; a new group changes the role at the next sign-in', async ({
    page,
  }) => {
    await setGroups(['sy-facilities-managers']);
    await signInWithProvider(page);
    await expect(page.getByTestId('user-roles')).toHaveText('Team manager');
    const managed = await teamsShown(page);
    expect(managed.length).toBeGreaterThan(0);
    expect(new Set(managed)).toEqual(new Set(['Facilities']));

    // Signing out ends the session here and, through RP-initiated logout, at the provider.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);

    await setGroups(['sy-executives']);
    await signInWithProvider(page);
    await expect(page.getByTestId('user-roles')).toHaveText('Executive');
    expect(new Set(await teamsShown(page)).size).toBeGreaterThan(1);
  });
});
