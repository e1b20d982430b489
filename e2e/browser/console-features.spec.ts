import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { CrmNotePage, CrmSyncStatus, Freshness, IncidentsPage } from '@switchyard/contracts';
import { readFileSync } from 'node:fs';
import { apiAs } from '../support/console';
import { waitForDemoData } from '../support/demo-data';
import { signIn } from '../support/login';

/** axe finds nothing of any impact on the page as it is now, in the light theme and then in the dark one. */
async function expectAccessibleInBothThemes(page: Page): Promise<void> {
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme)
      await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const violation of result.violations) {
      problems.push(
        `${theme}: ${violation.id} (${violation.impact}) ${violation.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      );
    }
  }
  expect(problems).toEqual([]);
}

test.describe('console features: freshness, data delayed, refresh now, search, CSV, offline', () => {
  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    await waitForDemoData(request, baseURL ?? '');
  });

  test('a late source shows the data-delayed banner with its name, age and reason, and refresh now runs it', async ({
    page,
  }) => {
    // The demo sources are on time at this point; make the incidents answer say otherwise.
    await page.route('**/api/v1/incidents?**', async (route) => {
      const response = await route.fetch();
      // A refetch (live update, refresh) cancels the request before it is answered: nothing to rewrite then.
      const body = (await response.json().catch(() => null)) as (IncidentsPage & { freshness: Freshness }) | null;
      if (!body) return;
      const [source] = body.freshness.sources;
      body.freshness = {
        ...body.freshness,
        state: 'stale',
        sources: [{ ...source, state: 'stale', ageSeconds: 7200, reason: 'upstream answered 503 three times' }],
      };
      await route.fulfill({ response, json: body });
    });
    await signIn(page, 'master_admin', '/workplace/incidents');
    const banner = page.getByTestId('data-delayed');
    await expect(banner).toContainText('Data delayed');
    await expect(banner).toContainText('Stale · data 2 h 0 min old · upstream answered 503 three times');
    // The card's own clock: the oldest data behind it, in the banner's words ("data N old").
    await expect(page.getByTestId('freshness').first()).toContainText(/data (\d+ s|\d+ min \d+ s|\d+ h \d+ min) old/);
    // The banner is readable: nothing for axe with it shown, light and dark.
    await expectAccessibleInBothThemes(page);
    await banner.getByRole('button', { name: /Refresh now/ }).click();
    await expect(banner.getByTestId('refresh-progress')).toHaveText(/Run (succeeded|skipped unchanged|partial)/, {
      timeout: 30_000,
    });
  });

  test('"data N old" ticks while the page is open', async ({ page }) => {
    await signIn(page, 'executive', '/portfolio/projects');
    const freshness = page.getByTestId('freshness').first();
    await expect(freshness).toContainText(/data .* old/);
    const first = await freshness.innerText();
    await expect(freshness).not.toHaveText(first, { timeout: 15_000 });
  });

  test('notes: full-text search goes to the API and shows what matches', async ({ page, request, baseURL }) => {
    const tenant = (await apiAs<CrmSyncStatus>(request, baseURL ?? '', 'executive', '/api/v1/crm/sync-status'))
      .tenants[0].tenant;
    const notes = await apiAs<CrmNotePage>(
      request,
      baseURL ?? '',
      'executive',
      `/api/v1/crm/notes?tenant=${tenant}&pageSize=1`,
    );
    const word = notes.items[0].body.split(/\W+/).find((w) => w.length > 5) ?? 'called';
    const matching = await apiAs<CrmNotePage>(
      request,
      baseURL ?? '',
      'executive',
      `/api/v1/crm/notes?tenant=${tenant}&q=${encodeURIComponent(word)}&pageSize=20`,
    );
    await signIn(page, 'executive', `/crm/notes?tenant=${tenant}`);
    await page.getByTestId('notes-search').fill(word);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('pager-range')).toHaveText(new RegExp(`of ${matching.total}$`));
    await expect(page.getByTestId('notes')).toContainText(matching.items[0].summary.slice(0, 40));
  });

  test('a table exports the rows on screen as CSV', async ({ page }) => {
    await signIn(page, 'executive', '/portfolio/risks');
    const firstTitle = page
      .getByRole('table', { name: 'Risk register' })
      .locator('tbody tr')
      .first()
      .locator('td')
      .first();
    await expect(firstTitle).not.toBeEmpty();
    const title = (await firstTitle.innerText()).trim();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('risks.csv');
    const csv = readFileSync(await file.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Risk,Project,Level,Score,Probability,Impact,Status,Urgency,Age (days),Owner');
    expect(lines).toHaveLength(26);
    expect(lines[1]).toContain(title);
  });

  test('sorting a column reorders the rows on screen', async ({ page }) => {
    await signIn(page, 'executive', '/portfolio/projects');
    const table = page.getByRole('table', { name: 'Projects' });
    await expect(table.locator('tbody tr').nth(2)).toBeVisible();
    await table.getByRole('button', { name: 'Health' }).click();
    await expect(table.getByRole('columnheader', { name: /Health/ })).toHaveAttribute('aria-sort', 'ascending');
    const health = await table.locator('tbody tr td:nth-child(5)').allInnerTexts();
    const values = health.map(Number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  test('when the live stream is unreachable the indicator says offline and the data stays on screen with its age', async ({
    page,
  }) => {
    // Cut both live transports (Socket.IO and the SSE fallback): the console must degrade, not break.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
    await page.route('**/socket.io/**', (route) => route.abort());
    await page.route('**/api/v1/stream**', (route) => route.abort());
    await signIn(page, 'executive', '/workplace/people');
    await expect(page.getByTestId('live-state')).toHaveText('Offline', { timeout: 45_000 });
    await expect(page.getByTestId('view-offline')).toContainText('Live updates are offline: showing data received');
    await expect(page.getByTestId('people-totals')).toBeVisible();
    // The offline banner is readable too, light and dark.
    await expectAccessibleInBothThemes(page);
  });
});
