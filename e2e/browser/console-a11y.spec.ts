import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { screenshot } from '../support/console';
import { apiReader, CONSOLE_FORM_PAGES, CONSOLE_PAGES } from '../support/console-pages';
import { waitForDemoData } from '../support/demo-data';
import { signIn } from '../support/login';

test.describe('accessibility and screenshots of every console page, light and dark', () => {
  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    await waitForDemoData(request, baseURL ?? '');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`no axe violations of any impact (${theme})`, async ({ page, request, baseURL }) => {
      // About 30 pages with an axe scan and a full-page screenshot each.
      test.setTimeout(360_000);
      const api = apiReader(request, baseURL ?? '', 'master_admin');
      await page.addInitScript((value) => localStorage.setItem('sy-theme', value), theme);
      await signIn(page, 'master_admin');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const problems: string[] = [];
      for (const target of [...CONSOLE_PAGES, ...CONSOLE_FORM_PAGES]) {
        const path = await target.path(api);
        if (path === undefined) throw new Error(`${target.name}: master_admin sees no item to open`);
        await page.goto(path);
        await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('main').getByTestId('view-loading')).toHaveCount(0);
        const expected = await target.expected(api);
        if (expected !== undefined) await expect(page.getByRole('main')).toContainText(expected);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const violation of result.violations) {
          const where = violation.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ');
          problems.push(`${target.name}: ${violation.id} (${violation.impact}) ${where}`);
        }
        await screenshot(page, `${target.name}-${theme}`);
      }
      expect(problems).toEqual([]);
    });
  }

  test('the theme toggle switches and is remembered after a reload', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('sy-theme', 'light');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await signIn(page, 'executive', '/overview');
    const toggle = page.getByTestId('theme-toggle');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
  });

  test('a skip link moves focus to the page content', async ({ page }) => {
    await signIn(page, 'executive', '/portfolio/projects');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();
  });
});
