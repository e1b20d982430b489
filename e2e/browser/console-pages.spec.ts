import { expect, test, type Page as BrowserPage } from '@playwright/test';
import { permissionsOf, type Role } from '@switchyard/contracts';
import { collectConsoleErrors } from '../support/console';
import { apiReader, CONSOLE_PAGES, type ConsolePage } from '../support/console-pages';
import { waitForDemoData } from '../support/demo-data';
import { signIn } from '../support/login';

const ROLES_UNDER_TEST: Role[] = ['master_admin', 'executive', 'team_manager', 'read_only_viewer', 'business_admin'];

async function expectPageShowsData(
  page: BrowserPage,
  target: ConsolePage,
  expected: string | undefined,
): Promise<void> {
  const main = page.getByRole('main');
  if (typeof target.heading === 'string') {
    await expect(main.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
  } else {
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(target.heading);
  }
  if (expected !== undefined) await expect(main).toContainText(expected);
  await expect(main.getByTestId('view-loading')).toHaveCount(0);
  await expect(main.getByTestId('view-error')).toHaveCount(0);
}

test.describe('console pages with real data, per role', () => {
  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    await waitForDemoData(request, baseURL ?? '');
  });

  for (const role of ROLES_UNDER_TEST) {
    test(`${role}: every permitted page renders its data, without console errors`, async ({
      page,
      request,
      baseURL,
    }) => {
      test.setTimeout(180_000);
      const permissions = new Set(permissionsOf([role]));
      const api = apiReader(request, baseURL ?? '', role);
      const permitted = CONSOLE_PAGES.filter((p) => permissions.has(p.permission));
      await signIn(page, role);
      // After signing in: the login page's start-up refresh is refused (no cookie yet), and
      // Chromium logs every refused request as a console error.
      const errors = collectConsoleErrors(page);
      for (const target of permitted) {
        const path = await target.path(api);
        if (path === undefined) {
          test.info().annotations.push({ type: 'no item', description: `${target.name}: nothing in ${role}'s scope` });
          continue;
        }
        const expected = await target.expected(api);
        await test.step(`${target.name} at ${path}`, async () => {
          await page.goto(path);
          await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, '\\$&')}(\\?.*)?$`));
          await expectPageShowsData(page, target, expected);
        });
      }
      // Navigation shows exactly the pages the role may open.
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const target of CONSOLE_PAGES.filter((p) => !p.name.endsWith('-detail'))) {
        const path = (await target.path(api)) ?? '';
        await expect(nav.locator(`a[href="${path}"]`)).toHaveCount(permissions.has(target.permission) ? 1 : 0);
      }
      expect(errors()).toEqual([]);
    });
  }

  test('a viewer sees no admin navigation and is sent to the not-permitted page from admin URLs', async ({ page }) => {
    await signIn(page, 'read_only_viewer');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Overview' })).toBeVisible();
    await expect(nav.getByRole('heading', { name: 'Admin' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    for (const [path, permission] of [
      ['/admin/users', 'users.read'],
      ['/admin/clients', 'clients.manage'],
      ['/admin/audit', 'audit.read'],
      ['/sources', 'sources.read'],
    ]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden\?permission=/);
      await expect(page.getByTestId('missing-permission')).toHaveText(permission);
    }
  });

  test('reloading deep links lands on the same view', async ({ page, request, baseURL }) => {
    const api = apiReader(request, baseURL ?? '', 'master_admin');
    await signIn(page, 'master_admin');
    for (const name of ['project-detail', 'source-detail', 'crm-notes', 'incidents', 'admin-audit']) {
      const target = CONSOLE_PAGES.find((p) => p.name === name);
      if (!target) throw new Error(`no console page ${name}`);
      const path = (await target.path(api)) ?? '';
      await page.goto(path);
      await expectPageShowsData(page, target, await target.expected(api));
      await page.reload();
      await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, '\\$&')}(\\?.*)?$`));
      await expectPageShowsData(page, target, await target.expected(api));
    }
  });
});
