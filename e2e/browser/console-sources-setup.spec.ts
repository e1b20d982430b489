import { expect, test } from '@playwright/test';
import type { IncidentsPage, Source } from '@switchyard/contracts';
import { apiAs, collectConsoleErrors, screenshot } from '../support/console';
import { simulatorUrl, waitForDemoData } from '../support/demo-data';
import { signIn } from '../support/login';

/** The simulator's documented ServiceNow integration user (`@switchyard/simulator`). */
const SERVICENOW_USER = 'switchyard.integration';
const SERVICENOW_PASSWORD = 'servicenow-demo-password';

test.describe('setting up sources from the console', () => {
  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    await waitForDemoData(request, baseURL ?? '');
  });

  test('master_admin creates a credential and a source, tests, previews, saves and sees its data', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const credentialId = `e2e-servicenow-${stamp}`;
    const sourceId = `e2e-incidents-${stamp}`;
    await signIn(page, 'master_admin', '/sources/credentials');
    const errors = collectConsoleErrors(page);

    await page.getByText('Create a credential').click();
    const create = page.getByRole('form', { name: 'Create a credential' });
    await create.getByLabel('Credential id').fill(credentialId);
    await create.getByLabel('Kind').selectOption('basic');
    await create.getByLabel('Name', { exact: true }).fill('E2E ServiceNow integration user');
    await create.getByLabel('User name').fill(SERVICENOW_USER);
    await create.getByLabel('Password').fill(SERVICENOW_PASSWORD);
    await create.getByRole('button', { name: 'Create credential' }).click();
    await expect(page.getByTestId('credentials-message')).toHaveText(`${credentialId} created.`);
    // Write-only: cleared after saving, and never shown back.
    await expect(create.getByLabel('Password')).toHaveValue('');
    const credentialRow = page.getByTestId('credentials').getByRole('row').filter({ hasText: credentialId });
    await expect(credentialRow).toContainText('unused');
    await expect(page.getByRole('main')).not.toContainText(SERVICENOW_PASSWORD);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources', exact: true }).click();
    await page.getByRole('link', { name: 'New source' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New source' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Source' });
    await form.getByLabel('Connector', { exact: true }).selectOption({ label: 'ServiceNow incidents' });
    await expect(form.getByTestId('connector-description')).toContainText('auth: basic');
    await expect(form.getByLabel('Stream')).toHaveValue('incidents');
    await expect(form.getByTestId('stream-target')).toContainText('incidents');
    await form.getByLabel(/^Credential/).selectOption(credentialId);
    await form.getByLabel(/Instance URL/).fill(`${simulatorUrl(baseURL ?? '')}/servicenow`);
    await form.getByLabel('Id', { exact: true }).fill(sourceId);
    await form.getByLabel('Name', { exact: true }).fill('E2E ServiceNow incidents');
    await form.getByLabel('Interval (seconds)').fill('600');
    await expect(form.getByLabel('Late after (seconds)')).toHaveValue('1800');

    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByTestId('test-ok')).toContainText('Connection OK');
    await expect(form.getByTestId('test-ok')).toContainText('/servicenow/api/now/table/incident');

    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = form.getByTestId('preview-table');
    await expect(preview).toBeVisible();
    await expect(preview.getByRole('columnheader', { name: 'severity' })).toBeVisible();
    await expect(preview.getByTestId('preview-row').first()).toBeVisible();
    expect(await preview.getByTestId('preview-row').count()).toBeGreaterThan(1);
    await expect(form.getByTestId('preview-cell-error')).toHaveCount(0);
    await expect(preview.getByTestId('preview-row').first().locator('td').nth(2)).not.toBeEmpty();
    await screenshot(page, 'source-form-preview');

    // The demo's fault schedule may be holding ServiceNow in a 503 burst: end it, so the first run
    // shows the new source working rather than the schedule's outage.
    await request.delete(`${simulatorUrl(baseURL ?? '')}/_control/vendors/servicenow/faults`);
    await form.getByRole('button', { name: 'Save source' }).click();
    await expect(page).toHaveURL(new RegExp(`/sources/${sourceId}$`));
    await expect(page.getByTestId('source-name')).toHaveText('E2E ServiceNow incidents');
    // The first run starts when the source is saved; the detail page follows it live. The demo
    // simulator injects faults, so a run may need its retries (each up to the 10 s timeout).
    await expect(page.getByRole('table', { name: 'Sync runs' })).toContainText('Succeeded', { timeout: 90_000 });

    await expect
      .poll(async () => {
        const answer = await apiAs<IncidentsPage>(
          request,
          baseURL ?? '',
          'master_admin',
          '/api/v1/incidents?pageSize=1',
        );
        return answer.freshness.sources.map((s) => s.id);
      })
      .toContain(sourceId);
    // The incidents page's own query now reads the new source too: its answer names the source
    // behind the rows (with its freshness), and the page shows that answer's total.
    const answered = page.waitForResponse((r) => /\/api\/v1\/incidents\?/.test(r.url()) && r.status() === 200);
    await page.goto('/workplace/incidents');
    const shown = (await (await answered).json()) as IncidentsPage;
    expect(shown.freshness.sources.map((s) => s.id)).toContain(sourceId);
    await expect(page.getByRole('navigation', { name: 'Incident pages' })).toContainText(`of ${shown.total}`);

    await page.goto('/sources/credentials');
    await expect(credentialRow).toContainText(sourceId);
    const source = await apiAs<Source>(request, baseURL ?? '', 'master_admin', `/api/v1/sources/${sourceId}`);
    expect(source.connector).toMatchObject({ id: 'servicenow', stream: 'incidents', credentialId });
    expect(errors()).toEqual([]);
  });

  test('a custom connector mapping an enum to a wrong value: validation by path and highlighted preview cells', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, 'master_admin', '/sources/connectors');
    await page.getByRole('link', { name: 'Copy ServiceNow incidents' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New custom connector' })).toBeVisible();
    const editor = page.getByLabel('Definition (JSON)');
    await expect(editor).toHaveValue(/"servicenow-copy"/);
    const definition = JSON.parse(await editor.inputValue()) as {
      id: string;
      streams: Array<{ records: Array<{ fields: Record<string, unknown> }> }>;
    };
    const fields = definition.streams[0].records[0].fields;

    // A field the incidents record does not have: refused with its JSON path.
    await editor.fill(
      JSON.stringify(
        {
          ...definition,
          streams: [
            {
              ...definition.streams[0],
              records: [{ ...definition.streams[0].records[0], fields: { ...fields, status: 'state.value' } }],
            },
          ],
        },
        null,
        2,
      ),
    );
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByTestId('connector-problems')).toContainText('streams.0.records.0.fields.status');

    // Priority 2 mapped to "urgent", which incidents do not accept as a severity.
    const severity = fields['severity'] as { transforms: Array<{ map: Record<string, string> }> };
    severity.transforms[0].map['2'] = 'urgent';
    definition.id = `e2e-bad-${Date.now().toString(36)}`;
    await editor.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByTestId('connector-message')).toHaveText('The definition is valid.');

    await page.getByLabel('Stream').selectOption('incidents');
    await page.getByLabel(/^Credential/).selectOption('servicenow');
    await page.getByLabel(/Instance URL/).fill(`${simulatorUrl(baseURL ?? '')}/servicenow`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-summary')).toContainText('Mapped with errors');
    const bad = page.getByTestId('preview-cell-error').first();
    await expect(bad).toContainText('"urgent" is not one of critical, high, medium, low');
    await expect(page.getByTestId('preview-failed-row').first()).toContainText('not mapped');
    await expect(page.getByTestId('preview-field-errors')).toContainText('incidents.severity');
    await screenshot(page, 'connector-editor-preview-errors');
  });
});
