import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Page as ApiPage, CrmSyncStatus, RefreshAccepted, SyncRun } from '@switchyard/contracts';
import { bearerFor } from '../support/api-auth';
import { collectConsoleErrors } from '../support/console';
import { waitForDemoData } from '../support/demo-data';
import { demoEmail, signIn } from '../support/login';

const SOURCE = 'servicenow-incidents';

/** The e2e server's in-process simulator listens 19 ports above the API (playwright.config.ts). */
function simulatorUrl(baseURL: string): string {
  const url = new URL(baseURL);
  url.port = String(Number(url.port) + 19);
  return url.origin;
}

async function refresh(
  request: APIRequestContext,
  auth: Record<string, string>,
  sourceId = SOURCE,
): Promise<RefreshAccepted> {
  const response = await request.post(`/api/v1/sources/${sourceId}/refresh`, { headers: auth });
  expect(response.status()).toBe(202);
  return (await response.json()) as RefreshAccepted;
}

test.describe('console live: updates arrive on screen without a reload', () => {
  let auth: Record<string, string>;

  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    await waitForDemoData(request, baseURL ?? '');
    auth = await bearerFor(baseURL ?? '', demoEmail('master_admin'));
  });

  test.afterEach(async ({ request, baseURL }) => {
    await request.delete(`${simulatorUrl(baseURL ?? '')}/_control/vendors/servicenow/faults`);
    await request.delete(`${simulatorUrl(baseURL ?? '')}/_control/vendors/clienttether/faults`);
  });

  test('a refresh triggered through the API shows up in the open source page, live', async ({ page, request }) => {
    await signIn(page, 'master_admin', `/sources/${SOURCE}`);
    // From here on (the sign-in page's refused silent refresh is expected to log a 401).
    const errors = collectConsoleErrors(page);
    await expect(page.getByTestId('live-state')).toHaveText('Live');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const before = (await (
      await request.get(`/api/v1/sync-runs?sourceId=${SOURCE}&pageSize=1`, { headers: auth })
    ).json()) as ApiPage<SyncRun>;
    await expect(page.getByTestId('pager-range').first()).toContainText(`of ${before.total}`);

    const { runId } = await refresh(request, auth);
    await expect
      .poll(
        async () =>
          ((await (await request.get(`/api/v1/sync-runs/${runId}`, { headers: auth })).json()) as SyncRun).status,
        {
          timeout: 30_000,
        },
      )
      .toMatch(/succeeded|skipped_unchanged|partial/);
    // The run list on screen grew without anyone reloading it.
    await expect(page.getByTestId('pager-range').first()).toContainText(
      new RegExp(`of (${before.total + 1}|${before.total + 2})\\b`),
      {
        timeout: 15_000,
      },
    );
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(errors()).toEqual([]);
  });

  test('a rate-limited upstream raises the data-delayed banner live, and its recovery clears it', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, 'master_admin', '/workplace/incidents');
    await expect(page.getByTestId('live-state')).toHaveText('Live');
    await expect(page.getByTestId('data-delayed')).toHaveCount(0);

    const fault = await request.post(`${simulatorUrl(baseURL ?? '')}/_control/vendors/servicenow/faults`, {
      data: { type: 'rate_limit', retryAfterSeconds: 3 },
    });
    expect(fault.status()).toBe(201);
    await refresh(request, auth);
    const banner = page.getByTestId('data-delayed');
    await expect(banner).toContainText('ServiceNow incidents', { timeout: 30_000 });
    // The state, how old the data is, and why.
    await expect(banner).toContainText(/Rate limited · data .+ old/);

    await request.delete(`${simulatorUrl(baseURL ?? '')}/_control/vendors/servicenow/faults`);
    await refresh(request, auth);
    await expect(page.getByTestId('data-delayed')).toHaveCount(0, { timeout: 45_000 });
  });

  test('a failed CRM sync shows at once with the data age and next try, and clears when a sync succeeds', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const status = await request.get('/api/v1/crm/sync-status', { headers: auth });
    const tenant = ((await status.json()) as CrmSyncStatus).tenants[0].tenant;
    const leads = `crm-${tenant}-leads`;
    await signIn(page, 'master_admin', `/crm/leads?tenant=${tenant}`);
    await expect(page.getByTestId('live-state')).toHaveText('Live');
    await expect(page.getByTestId('lead-total')).toBeVisible();
    await expect(page.getByTestId('data-delayed')).toHaveCount(0);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const fault = await request.post(`${simulatorUrl(baseURL ?? '')}/_control/vendors/clienttether/faults`, {
      data: { type: 'server_error', status: 503, brand: tenant },
    });
    expect(fault.status()).toBe(201);
    await refresh(request, auth, leads);
    // Hourly data an instant old is not late: the banner is about the failed sync itself.
    const failed = page.getByTestId('sync-failed');
    await expect(failed).toContainText(
      /Last sync failed (just now|\d+ s ago|\d+ min ago) \(.*HTTP 503.*\); showing data from \d\d:\d\d; next try \d\d:\d\d/,
      { timeout: 30_000 },
    );
    await expect(page.getByTestId('data-delayed')).toContainText(`ClientTether leads (${tenant})`);

    await request.delete(`${simulatorUrl(baseURL ?? '')}/_control/vendors/clienttether/faults`);
    await refresh(request, auth, leads);
    await expect(page.getByTestId('data-delayed')).toHaveCount(0, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
