import { expect, test } from '@playwright/test';
import { signIn } from '../support/login';

const expectedDatabase = process.env.DATABASE_URL ? 'PostgreSQL server' : 'Embedded PGlite';

test.describe('console in Chromium', () => {
  test('opens on the System status page with readiness and database kind', async ({ page, browser }) => {
    test.info().annotations.push({ type: 'browser', description: `Chromium ${browser.version()}` });
    process.stdout.write(`browser test running in Chromium ${browser.version()}\n`);
    // Signing in without a return URL opens the console home, the first page the user may
    // open: System status for a compliance admin (no dashboards).
    await signIn(page, 'compliance_admin');
    await expect(page).toHaveURL(/\/system$/);
    await expect(page.getByRole('heading', { name: 'System status' })).toBeVisible();
    await expect(page.getByTestId('readiness')).toHaveText('Ready');
    await expect(page.getByTestId('database-kind')).toHaveText(expectedDatabase);
    await expect(page.getByTestId('instances')).toContainText('running');
    await expect(page.getByTestId('updated')).toContainText('updated');
  });

  test('keeps working after a reload on a deep link', async ({ page }) => {
    await signIn(page, 'master_admin', '/system');
    await page.reload();
    await expect(page.getByTestId('readiness')).toHaveText('Ready');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System status' }),
    ).toBeVisible();
  });

  test('shows a not-found page for unknown console paths', async ({ page }) => {
    await signIn(page, 'master_admin', '/portfolio/nowhere');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to System status' }).click();
    await expect(page.getByTestId('readiness')).toHaveText('Ready');
  });

  test('loads without console errors or CSP violations', async ({ page }) => {
    // Signed in first: the login page's start-up refresh is refused (no cookie yet), and
    // Chromium logs every refused request as a console error.
    await signIn(page, 'master_admin');
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto('/system');
    await expect(page.getByTestId('readiness')).toHaveText('Ready');
    expect(problems).toEqual([]);
  });
});
