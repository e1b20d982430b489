import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Principal } from '@switchyard/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from '../support/console';
import { apiReader, CONSOLE_FORM_PAGES, CONSOLE_PAGES } from '../support/console-pages';
import { waitForDemoData } from '../support/demo-data';
import { signIn } from '../support/login';

const PHONE = { width: 390, height: 844 };

/** How the open page sits on the phone: page width against the viewport, and where its title is. */
async function layoutOf(page: Page) {
  return page.evaluate(() => {
    const title = document.querySelector('main h1')?.getBoundingClientRect();
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      titleTop: title ? Math.round(title.top) : -1,
      titleBottom: title ? Math.round(title.bottom) : Number.POSITIVE_INFINITY,
    };
  });
}

/** The first rgb() colour of a computed style value ("rgb(31, 122, 77) 0px 0px 0px 1px inset"). */
const rgbOf = (value: string) => /rgba?\([^)]*\)/.exec(value)?.[0] ?? value;

test.describe('the console on a phone (390 × 844)', () => {
  test.use({ viewport: PHONE });

  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    await waitForDemoData(request, baseURL ?? '');
  });

  test('every page fits the width, shows its title in the first screen and has no axe violation', async ({
    page,
    request,
    baseURL,
  }) => {
    // About 30 pages, one sign-in: a layout measure, an axe scan and a screenshot each.
    test.setTimeout(360_000);
    const api = apiReader(request, baseURL ?? '', 'master_admin');
    await signIn(page, 'master_admin');
    const problems: string[] = [];
    for (const target of [...CONSOLE_PAGES, ...CONSOLE_FORM_PAGES]) {
      const path = await target.path(api);
      if (path === undefined) throw new Error(`${target.name}: master_admin sees no item to open`);
      await page.goto(path);
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('main').getByTestId('view-loading')).toHaveCount(0);
      const expected = await target.expected(api);
      if (expected !== undefined) await expect(page.getByRole('main')).toContainText(expected);
      const layout = await layoutOf(page);
      if (layout.scrollWidth > layout.innerWidth)
        problems.push(`${target.name}: page is ${layout.scrollWidth} px wide on a ${layout.innerWidth} px screen`);
      if (layout.titleTop < 0 || layout.titleBottom > PHONE.height)
        problems.push(`${target.name}: title at ${layout.titleTop}–${layout.titleBottom} px, not in the first screen`);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const violation of result.violations)
        problems.push(
          `${target.name}: ${violation.id} (${violation.impact}) ${violation.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
        );
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `phone-${target.name}.png`) });
    }
    expect(problems).toEqual([]);
  });

  test('the navigation folds behind a Menu button and closes when a page is chosen', async ({ page }) => {
    await signIn(page, 'executive', '/overview');
    const menu = page.getByTestId('menu-toggle');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await nav.getByRole('link', { name: 'Projects' }).click();
    await expect(page).toHaveURL(/\/portfolio\/projects$/);
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    // A table is a list of "header: value" rows here: each cell carries its column's name.
    const firstRow = page.getByRole('main').locator('table.sy-table tbody tr').first();
    await expect(firstRow.locator('td').first()).toHaveAttribute('data-label', 'Project');
  });
});

test('a project status has the same colour in the chart legend as its badge in the table, light and dark', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('sy-theme', 'light');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await signIn(page, 'executive', '/portfolio/projects');
  const main = page.getByRole('main');
  const legend = main.getByRole('list', { name: 'Legend: Projects per status' });
  await expect(legend.getByRole('listitem').first()).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await page.getByTestId('theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    }
    // The legend of every project's statuses first: filtering by status leaves one slice (and no legend).
    const sliceColors = new Map<string, string>();
    for (const item of await legend.getByRole('listitem').all()) {
      const name = (await item.innerText()).trim();
      sliceColors.set(
        name,
        rgbOf(await item.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor)),
      );
    }
    expect(sliceColors.size).toBeGreaterThan(1);
    const status = main.getByRole('combobox', { name: 'Status' });
    for (const [name, slice] of sliceColors) {
      await status.selectOption(name);
      const badge = main.locator('table.sy-table .sy-badge', { hasText: name }).first();
      await expect(badge).toBeVisible();
      // Polled: the table re-renders for the filter, and a row on its way out has no style.
      await expect
        .poll(async () => `${theme} ${name}: ${rgbOf(await badge.evaluate((el) => getComputedStyle(el).boxShadow))}`)
        .toBe(`${theme} ${name}: ${slice}`);
    }
    await status.selectOption('');
    await expect(legend.getByRole('listitem')).toHaveCount(sliceColors.size);
  }
});

test("team_manager's portfolio filter offers only the portfolios its data scope covers", async ({
  page,
  request,
  baseURL,
}) => {
  const me = await apiReader(request, baseURL ?? '', 'team_manager').get<Principal>('/auth/me');
  const scope = me.dataScopes.portfolios;
  // The demo team_manager sees part of the portfolio, not all of it.
  if (scope === '*') throw new Error('the demo team_manager should have a limited portfolio scope');
  expect(scope.length).toBeGreaterThan(0);
  await signIn(page, 'team_manager', '/portfolio/projects');
  const options = await page
    .getByRole('main')
    .getByRole('combobox', { name: 'Portfolio' })
    .locator('option')
    .allInnerTexts();
  expect(options[0]?.trim()).toBe('All');
  expect(
    options
      .slice(1)
      .map((o) => o.trim())
      .sort(),
  ).toEqual([...scope].sort());
});
