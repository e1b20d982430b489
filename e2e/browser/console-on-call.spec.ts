import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { AlertView, CrmSyncStatus, OpsSnapshot, Page, Role, Source } from '@switchyard/contracts';
import { bearerFor } from '../support/api-auth';
import { apiAs, collectConsoleErrors } from '../support/console';
import { simulatorUrl, waitForDemoData } from '../support/demo-data';
import { demoEmail, signIn } from '../support/login';

async function postAsAdmin(request: APIRequestContext, base: string, path: string, body: unknown): Promise<void> {
  const headers = await bearerFor(base, demoEmail('master_admin'));
  const response = await request.post(path, { headers, data: body });
  if (!response.ok()) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
}

async function fault(request: APIRequestContext, base: string, vendor: string, spec: object): Promise<void> {
  const response = await request.post(`${simulatorUrl(base)}/_control/vendors/${vendor}/faults`, { data: spec });
  if (!response.ok()) throw new Error(`fault on ${vendor}: ${response.status()} ${await response.text()}`);
}

async function clearFaults(request: APIRequestContext, base: string, vendor: string): Promise<void> {
  await request.delete(`${simulatorUrl(base)}/_control/vendors/${vendor}/faults`);
}

/** "3 min 12 s" / "42 s" / "in 1 min 5 s" → seconds. */
function seconds(text: string): number {
  const minutes = /(\d+) min/.exec(text);
  const secs = /(\d+) s\b/.exec(text);
  return (minutes ? Number(minutes[1]) * 60 : 0) + (secs ? Number(secs[1]) : 0);
}

const ROLES: Role[] = [
  'master_admin',
  'technical_admin',
  'business_admin',
  'compliance_admin',
  'operations_admin',
  'read_only_viewer',
  'executive',
  'team_manager',
];

test.describe('a console that never misleads on-call', () => {
  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    await waitForDemoData(request, baseURL ?? '');
  });

  test("deep links to each role's home page, and to pages without a topic, say Live", async ({ page }) => {
    test.setTimeout(180_000);
    for (const role of ROLES) {
      await signIn(page, role);
      const home = new URL(page.url()).pathname;
      // A reload is a deep link: the console starts on this page, not by a click from another one.
      await page.reload();
      await expect(page.getByTestId('live-state'), `${role} at ${home}`).toHaveText('Live');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);
    }
    await signIn(page, 'master_admin');
    for (const path of ['/sources', '/system', '/admin/users', '/admin/clients', '/admin/audit']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByTestId('live-state'), path).toHaveText('Live');
    }
  });

  test('a critical alert raised while on /sources updates the bell and pops up readably', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const base = baseURL ?? '';
    const suffix = Date.now().toString(36);
    const metric = `e2e_oncall_${suffix}`;
    await postAsAdmin(request, base, '/api/v1/ops/alert-rules', {
      id: `e2e-oncall-${suffix}`,
      name: `E2E on-call ${suffix}`,
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
    await page.goto('/login');
    await signIn(page, 'technical_admin', '/sources');
    await page.reload();
    await expect(page.getByTestId('live-state')).toHaveText('Live');
    const errors = collectConsoleErrors(page);
    await postAsAdmin(request, base, '/api/v1/ops/data-points', {
      points: [{ source: 'e2e', category: 'system_health', metric, value: 97 }],
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
    const toast = page.getByTestId('critical-toast').filter({ hasText: alert?.message ?? '' });
    await expect(toast).toBeVisible();
    await expect(toast).toContainText('Critical alert:');
    // The bell counts what the API counts, without a reload.
    const firing = await apiAs<{ items: AlertView[] }>(
      request,
      base,
      'technical_admin',
      '/api/v1/ops/alerts?state=firing',
    );
    await expect(page.getByTestId('firing-alerts')).toContainText(String(firing.items.length));
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.getByTestId('theme-toggle').click();
      const result = await new AxeBuilder({ page }).include('[data-testid="critical-toast"]').analyze();
      expect(result.violations, `${theme}: ${JSON.stringify(result.violations.map((v) => v.id))}`).toEqual([]);
    }
    await page.getByTestId('theme-toggle').click();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect(toast).toBeHidden();
    expect(errors()).toEqual([]);
  });

  test('a frozen metrics vendor turns the operations cards Late, then Stale, with the true age', async ({
    page,
    request,
    baseURL,
  }) => {
    // The demo reads metrics through Prometheus, whose range queries carry the last sample forward
    // (its 5-minute lookback), so a frozen exporter still yields new timestamps. The freeze is
    // shown with the simulator's own metrics vendor, which leaves a gap: a source with short
    // thresholds (late past 30 s, stale past 60 s) feeds the cards while the Prometheus one rests.
    test.setTimeout(240_000);
    const base = baseURL ?? '';
    const headers = await bearerFor(base, demoEmail('master_admin'));
    const send = async (method: 'put' | 'patch' | 'post' | 'delete', path: string, data?: unknown) => {
      const response = await request[method](path, { headers, data });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    };
    const sources = await apiAs<Page<Source>>(request, base, 'master_admin', '/api/v1/sources?pageSize=200');
    const feeding = sources.items.filter((s) => s.domain === 'metrics' && s.enabled).map((s) => s.id);
    const id = `e2e-frozen-metrics-${Date.now().toString(36)}`;
    await send('put', '/api/v1/credentials/e2e-metrics-key', {
      id: 'e2e-metrics-key',
      name: 'E2E simulator metrics key',
      kind: 'token',
      secret: 'metrics-demo-key',
    });
    await clearFaults(request, base, 'metrics');
    try {
      for (const source of feeding) await send('patch', `/api/v1/sources/${source}`, { enabled: false });
      await send('post', '/api/v1/sources', {
        id,
        name: 'E2E frozen metrics',
        kind: 'http-pull',
        connector: {
          id: 'simulator-metrics',
          stream: 'series',
          credentialId: 'e2e-metrics-key',
          config: { baseUrl: simulatorUrl(base) },
        },
        cadence: { type: 'interval', everySeconds: 10 },
        freshness: { warnAfterSeconds: 30, staleAfterSeconds: 60 },
        retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
      });
      await signIn(page, 'master_admin', '/operations');
      const card = page.getByTestId('ops-module-systemHealth');
      const state = card.getByTestId('freshness-state');
      await expect(state).toHaveText('Fresh', { timeout: 60_000 });
      await fault(request, base, 'metrics', { type: 'frozen', durationMs: 180_000 });
      await expect(state).toHaveText('Late', { timeout: 60_000 });
      await expect(state).toHaveText('Stale', { timeout: 60_000 });
      const snapshot = await apiAs<OpsSnapshot>(request, base, 'master_admin', '/api/v1/ops/snapshot');
      const dataAsOf = Date.parse(snapshot.moduleClocks?.systemHealth?.dataAsOf ?? '');
      const shown = seconds(await card.getByTestId('freshness').innerText());
      const trueAge = (Date.now() - dataAsOf) / 1000;
      expect(Math.abs(shown - trueAge)).toBeLessThan(5);
      expect(shown).toBeGreaterThan(60);
    } finally {
      await clearFaults(request, base, 'metrics');
      await send('delete', `/api/v1/sources/${id}`).catch(() => undefined);
      for (const source of feeding) await send('patch', `/api/v1/sources/${source}`, { enabled: true });
    }
  });

  test('a 503 burst on the project tool shows "Failed" on Projects within seconds', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const base = baseURL ?? '';
    await signIn(page, 'master_admin', '/portfolio/projects');
    const badge = page.getByRole('region', { name: 'All projects' }).getByTestId('freshness-state');
    await expect(badge).toBeVisible();
    await fault(request, base, 'jira', { type: 'server_error', status: 503, durationMs: 90_000 });
    try {
      await postAsAdmin(request, base, '/api/v1/sources/jira-projects/refresh', null);
      await expect(badge).toHaveText(/^Failed .* — showing data from \d\d:\d\d:\d\d$/, { timeout: 45_000 });
    } finally {
      await clearFaults(request, base, 'jira');
      await postAsAdmin(request, base, '/api/v1/sources/jira-projects/refresh', null).catch(() => undefined);
    }
  });

  test('a rate-limited CRM brand counts down to its next try', async ({ page, request, baseURL }) => {
    test.setTimeout(120_000);
    const base = baseURL ?? '';
    const status = await apiAs<CrmSyncStatus>(request, base, 'master_admin', '/api/v1/crm/sync-status');
    const brand = status.tenants[0].tenant;
    const sources = await apiAs<Page<Source>>(request, base, 'master_admin', '/api/v1/sources?pageSize=200');
    const leads = sources.items.find((s) => s.tenant === brand && s.id.endsWith('-leads'));
    if (!leads) throw new Error(`no leads source for ${brand}`);
    await fault(request, base, 'clienttether', {
      type: 'rate_limit',
      retryAfterSeconds: 300,
      durationMs: 60_000,
      brand,
    });
    await fault(request, base, 'crm', { type: 'rate_limit', retryAfterSeconds: 300, durationMs: 60_000, brand });
    try {
      await postAsAdmin(request, base, `/api/v1/sources/${leads.id}/refresh`, null);
      await signIn(page, 'master_admin', `/crm/leads?tenant=${brand}`);
      const badge = page.getByRole('region', { name: 'Lead list' }).getByTestId('freshness-state');
      await expect(badge).toHaveText(/^Rate limited — next try \d\d:\d\d:\d\d \(in .+\)$/, { timeout: 45_000 });
      const first = seconds(/\(in (.+)\)/.exec(await badge.innerText())?.[1] ?? '');
      await expect
        .poll(async () => seconds(/\(in (.+)\)/.exec(await badge.innerText())?.[1] ?? ''))
        .toBeLessThan(first);
    } finally {
      await clearFaults(request, base, 'clienttether');
      await clearFaults(request, base, 'crm');
    }
  });
});
