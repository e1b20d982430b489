import { expect, test, type APIRequestContext } from '@playwright/test';
import type { AlertView, IntegrationEventView, IntegrationList, OpsStatus, Page, Source } from '@switchyard/contracts';
import { bearerFor } from '../support/api-auth';
import { apiAs, collectConsoleErrors } from '../support/console';
import { waitForDemoData } from '../support/demo-data';
import { demoEmail, signIn } from '../support/login';

async function postAsAdmin(request: APIRequestContext, baseURL: string, path: string, body: unknown): Promise<number> {
  const headers = await bearerFor(baseURL, demoEmail('master_admin'));
  const response = await request.post(path, { headers, data: body });
  if (!response.ok()) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
  return response.status();
}

test.describe('operations, alerts and integrations pages', () => {
  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    await waitForDemoData(request, baseURL ?? '');
  });

  test('master_admin: operations, alerts and integrations show the API data without console errors', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const base = baseURL ?? '';
    await signIn(page, 'master_admin');
    const errors = collectConsoleErrors(page);
    const main = page.getByRole('main');

    await page.goto('/operations');
    await expect(main.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible();
    for (const heading of [
      'System health',
      'Business',
      'Workflow',
      'Customer',
      'Security and compliance',
      'Executive summary',
    ]) {
      await expect(main.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
    }
    const status = await apiAs<OpsStatus>(request, base, 'master_admin', '/api/v1/ops/status');
    await expect(main.getByTestId('aggregator-running')).toHaveText(status.running ? 'yes' : 'no');
    await expect(main.getByTestId('ops-controls').getByRole('button', { name: 'Aggregate now' })).toBeVisible();
    await expect(main.getByRole('img', { name: /with thresholds and forecast/ })).toBeVisible();
    await main.getByRole('button', { name: 'Aggregate now' }).click();
    await expect(main.getByTestId('ops-control-status')).toHaveText('Aggregation done');

    const integrations = await apiAs<IntegrationList>(request, base, 'master_admin', '/api/v1/integrations');
    await page.goto('/integrations');
    for (const item of integrations.items) {
      const card = main.getByTestId(`integration-${item.id}`);
      await expect(card.getByRole('heading', { name: item.name })).toBeVisible();
    }
    await expect(main.getByRole('img', { name: 'Hourly success rate of each integration' })).toBeVisible();
    await expect(main.getByTestId('issues-list').or(main.getByText('No issues in this state.'))).toBeVisible();

    // An integration with failures: its events carry a classification shown in the detail.
    const target = integrations.items.find((i) => i.errors24h > 0) ?? integrations.items[0];
    const failures = await apiAs<Page<IntegrationEventView>>(
      request,
      base,
      'master_admin',
      `/api/v1/integrations/${target.id}/events?status=failure&pageSize=1`,
    );
    await main.getByRole('link', { name: `Events and details of ${target.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/integrations/${target.id}$`));
    await expect(main.getByTestId('integration-name')).toHaveText(target.name);
    await expect(main.getByTestId('events-table')).toBeVisible();
    const failure = failures.items[0];
    if (failure?.classification) {
      await main.getByTestId('event-status').selectOption('failure');
      await main.locator(`tr[data-event-id="${failure.id}"]`).getByRole('button').click();
      await expect(main.getByTestId('event-category')).toHaveText(failure.classification.category.replace('_', ' '));
      await main.getByRole('button', { name: 'Helpful', exact: true }).click();
      await expect(main.getByTestId('feedback-status')).toHaveText('Thanks: marked helpful');
    }
    // Deep-link reload lands on the same view.
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`/integrations/${target.id}$`));
    await expect(main.getByTestId('integration-name')).toHaveText(target.name);
    expect(errors()).toEqual([]);
  });

  test('the time range and auto-refresh change the series request, live in the URL and survive a reload', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const seriesRequest = () =>
      page.waitForRequest((r) => r.method() === 'GET' && /\/api\/v1\/ops\/metrics\/[^/]+\/series\?/.test(r.url()));
    const window = (url: string) => {
      const q = new URL(url).searchParams;
      return { seconds: (Date.parse(q.get('to') ?? '') - Date.parse(q.get('from') ?? '')) / 1000, step: q.get('step') };
    };
    await signIn(page, 'master_admin');
    const errors = collectConsoleErrors(page);
    const main = page.getByRole('main');
    let asked = seriesRequest();
    await page.goto('/operations?range=15m');
    expect(window((await asked).url())).toEqual({ seconds: 900, step: '10' });
    await expect(main.getByLabel('Chart range')).toHaveValue('15m');

    asked = seriesRequest();
    await main.getByLabel('Chart range').selectOption({ label: 'Last 6 hours' });
    expect(window((await asked).url())).toEqual({ seconds: 21_600, step: '300' });
    await expect(page).toHaveURL(/\/operations\?range=6h$/);
    await expect(main.getByRole('img', { name: /^Last 6 hours of .* with thresholds and forecast$/ })).toBeVisible();

    // Auto-refresh: the chart's series is asked again with nobody touching the page.
    await main.getByLabel('Auto-refresh').selectOption('10s');
    await expect(page).toHaveURL(/range=6h&refresh=10s$/);
    asked = seriesRequest();
    expect(window((await asked).url())).toEqual({ seconds: 21_600, step: '300' });

    // A deep link opens the same view.
    asked = seriesRequest();
    await page.reload();
    expect(window((await asked).url()).step).toBe('300');
    await expect(main.getByLabel('Chart range')).toHaveValue('6h');
    await expect(main.getByLabel('Auto-refresh')).toHaveValue('10s');
    await main.getByLabel('Auto-refresh').selectOption({ label: 'Off' });
    await expect(page).toHaveURL(/\/operations\?range=6h$/);

    // Financials: the range is the API's dateRange.
    const financials = page.waitForRequest((r) => r.url().includes('/api/v1/financial-metrics?dateRange=1Y'));
    await page.goto('/portfolio/financials');
    await main.getByLabel('Date range').selectOption({ label: 'Last 12 months' });
    await financials;
    await expect(page).toHaveURL(/\/portfolio\/financials\?range=1Y$/);

    // A source's runs: the range asks only the runs queued since its start.
    const sources = await apiAs<Page<Source>>(request, baseURL ?? '', 'master_admin', '/api/v1/sources?pageSize=1');
    const source = sources.items[0];
    await page.goto(`/sources/${source.id}`);
    await expect(main.getByRole('table', { name: 'Sync runs' })).toBeVisible();
    const runs = page.waitForRequest((r) => r.url().includes('/api/v1/sync-runs?') && r.url().includes('since='));
    await main.getByRole('combobox', { name: 'Runs', exact: true }).selectOption({ label: 'Last 24 hours' });
    const since = Date.parse(new URL((await runs).url()).searchParams.get('since') ?? '');
    expect(Date.now() - since).toBeGreaterThanOrEqual(86_400_000);
    expect(Date.now() - since).toBeLessThan(2 * 86_400_000);
    await expect(page).toHaveURL(new RegExp(`/sources/${source.id}\\?range=24h$`));
    expect(errors()).toEqual([]);
  });

  test('acknowledging a firing alert with a comment is recorded and shown', async ({ page, request, baseURL }) => {
    test.setTimeout(120_000);
    const base = baseURL ?? '';
    const suffix = Date.now().toString(36);
    const metric = `e2e_ack_${suffix}`;
    await postAsAdmin(request, base, '/api/v1/ops/alert-rules', {
      id: `e2e-ack-${suffix}`,
      name: `E2E ack ${suffix}`,
      metric,
      warning: 50,
      critical: 90,
      direction: 'above',
      holdSeconds: 0,
      noDataAfterSeconds: 3600,
      alertOnNoData: false,
      labels: {},
      enabled: true,
    });
    await signIn(page, 'master_admin', '/alerts');
    const errors = collectConsoleErrors(page);
    await postAsAdmin(request, base, '/api/v1/ops/data-points', {
      points: [{ source: 'e2e', category: 'system_health', metric, value: 95 }],
    });
    let alert: AlertView | undefined;
    await expect
      .poll(
        async () => {
          await postAsAdmin(request, base, '/api/v1/ops/aggregate', {});
          const open = await apiAs<{ items: AlertView[] }>(
            request,
            base,
            'master_admin',
            '/api/v1/ops/alerts?state=open',
          );
          alert = open.items.find((a) => a.metric === metric);
          return alert?.state;
        },
        { timeout: 30_000 },
      )
      .toBe('firing');
    if (!alert) throw new Error('no alert');
    // The shell raises a toast for the new critical alert, live.
    await expect(page.getByTestId('critical-toast').filter({ hasText: alert.message })).toBeVisible();

    const row = page.locator(`tr[data-alert-id="${alert.id}"]`);
    await row.getByRole('button', { name: `Acknowledge ${alert.message}` }).click();
    const comment = `Looking into it (${suffix})`;
    await page.getByTestId('ack-form').getByLabel('Comment').fill(comment);
    await page.getByTestId('ack-form').getByRole('button', { name: 'Acknowledge' }).click();
    await expect(row.getByTestId('alert-ack')).toContainText(comment);

    const stored = await apiAs<AlertView>(request, base, 'master_admin', `/api/v1/ops/alerts/${alert.id}`);
    expect(stored.acknowledgement?.comment).toBe(comment);
    expect(stored.acknowledgement?.by).toBeTruthy();
    await expect(row.getByTestId('alert-ack')).toContainText(stored.acknowledgement?.by ?? '');
    expect(errors()).toEqual([]);
  });

  test('a viewer sees no alerts or integrations navigation, is refused those URLs, and gets no ops controls', async ({
    page,
  }) => {
    await signIn(page, 'read_only_viewer', '/operations');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Operations center' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Alerts' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Integrations' })).toHaveCount(0);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2, name: 'Executive summary' })).toBeVisible();
    await expect(main.getByTestId('aggregator-status')).toBeVisible();
    await expect(main.getByTestId('ops-controls')).toHaveCount(0);
    await expect(page.getByTestId('firing-alerts')).toHaveCount(0);
    for (const [path, permission] of [
      ['/alerts', 'alerts.read'],
      ['/integrations', 'integrations.read'],
      ['/integrations/procore', 'integrations.read'],
    ]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden\?permission=/);
      await expect(page.getByTestId('missing-permission')).toHaveText(permission);
    }
  });

  test('an executive reads operations and alerts but gets no control or acknowledge buttons', async ({ page }) => {
    await signIn(page, 'executive', '/operations');
    const main = page.getByRole('main');
    await expect(main.getByTestId('aggregator-status')).toBeVisible();
    await expect(main.getByTestId('ops-controls')).toHaveCount(0);
    await page.goto('/alerts');
    await expect(main.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    await expect(main.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);
    await expect(main.getByTestId('silence-form')).toHaveCount(0);
  });
});
