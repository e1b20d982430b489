import { expect, test } from '@playwright/test';
import { demoEmail, fillLoginForm, signIn } from '../support/login';

// Each test starts in a fresh browser context: no refresh cookie, so no session.
test.describe('signing in to the console', () => {
  test('an unauthenticated visit to a page opens the login page, which returns there', async ({ page }) => {
    await page.goto('/system');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fsystem$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // The login page stands alone, without the console's navigation.
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByText('demo-password')).toBeVisible();
  });

  test('a wrong password shows the error and stays on the login page', async ({ page }) => {
    await page.goto('/login');
    // Not master_admin: repeated failures lock an account for a while.
    await fillLoginForm(page, demoEmail('business_admin'), 'not-the-password');
    const error = page.getByRole('alert');
    await expect(error).toBeVisible();
    await expect(error).not.toHaveText('');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  test('master_admin signs in, lands on System status with live data, and a reload keeps the session', async ({
    page,
  }) => {
    await page.goto('/system');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fsystem$/);
    await fillLoginForm(page, demoEmail('master_admin'), 'demo-password');
    await expect(page).toHaveURL(/\/system$/);
    await expect(page.getByTestId('readiness')).toHaveText('Ready');
    await expect(page.getByTestId('instances')).toContainText('running');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByTestId('user-roles')).toHaveText('Master admin');

    // The access token lives in memory only; the refresh cookie brings the session back.
    await page.reload();
    await expect(page).toHaveURL(/\/system$/);
    await expect(page.getByTestId('readiness')).toHaveText('Ready');
    await expect(page.getByTestId('user-roles')).toHaveText('Master admin');
  });

  test('read_only_viewer does not see System status and is told it is not permitted', async ({ page }) => {
    await signIn(page, 'read_only_viewer');
    // Home is the first page in the navigation open to the role: the overview.
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByTestId('user-roles')).toHaveText('Read only viewer');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System status' }),
    ).toHaveCount(0);

    await page.goto('/system');
    await expect(page.getByRole('heading', { name: 'Not permitted' })).toBeVisible();
    await expect(page.getByTestId('missing-permission')).toHaveText('system.read');
    await expect(page.getByTestId('readiness')).toHaveCount(0);
    await page.getByRole('link', { name: 'Go to the console home' }).click();
    await expect(page).toHaveURL(/\/overview$/);
  });

  test('Sign out returns to the login page, and pages need a sign-in again', async ({ page }) => {
    await signIn(page, 'master_admin', '/system');
    await expect(page.getByTestId('readiness')).toHaveText('Ready');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

    // A full load tries the refresh cookie, which the server cleared and revoked.
    await page.goto('/system');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fsystem$/);
  });
});
