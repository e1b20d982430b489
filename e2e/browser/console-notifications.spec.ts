import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { bearerFor } from '../support/api-auth';
import { demoEmail, signIn } from '../support/login';

const SECRET = `whsec_${Buffer.alloc(24, 4).toString('base64')}`;

test.describe('console notifications', () => {
  let server: Server;
  let url: string;
  const verified: string[] = [];

  test.beforeAll(async () => {
    // A receiver that keeps only messages whose Standard Webhooks signature verifies.
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        try {
          new Webhook(SECRET).verify(body, request.headers as Record<string, string>);
          verified.push(body);
          response.writeHead(204).end();
        } catch {
          response.writeHead(401).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('adds a signed webhook contact point, sends a test and sees it delivered in the log', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, 'master_admin', '/alerts/notifications');
    await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();

    const form = page.getByTestId('contact-point-form');
    await form.getByLabel('Kind').selectOption('webhook');
    await form.getByLabel('Id').fill('e2e-hook');
    await form.getByLabel('Name').fill('E2E receiver');
    await form.getByLabel('URL').fill(url);
    await form.getByLabel('Signing secret (whsec_…)').fill('not-a-whsec');
    await form.getByRole('button', { name: 'Save contact point' }).click();
    await expect(page.getByTestId('notifications-status')).toContainText('secret: is the signing secret');

    await form.getByLabel('Signing secret (whsec_…)').fill(SECRET);
    await form.getByRole('button', { name: 'Save contact point' }).click();
    const point = page.getByTestId('contact-points').getByRole('listitem').filter({ hasText: 'E2E receiver' });
    await expect(point).toContainText('webhook · all tenants · secret stored');

    await point.getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByTestId('notifications-status')).toContainText('Test notification queued for E2E receiver');
    const log = page.locator('sy-widget', { hasText: 'Delivery log' });
    await expect(log.getByRole('row', { name: /Test notification from Switchyard to E2E receiver/ })).toContainText(
      'sent',
      { timeout: 20_000 },
    );
    expect(verified).toHaveLength(1);
    expect(JSON.parse(verified[0])).toMatchObject({ type: 'notification.test' });
  });

  test('creates, edits, test-sends and deletes a notification policy', async ({ page, request, baseURL }) => {
    test.setTimeout(60_000);
    const headers = await bearerFor(baseURL ?? '', demoEmail('master_admin'));
    const created = await request.post('/api/v1/notifications/contact-points', {
      headers,
      data: { id: 'e2e-policy-hook', name: 'E2E policy receiver', kind: 'webhook', settings: { url }, secret: SECRET },
    });
    expect([200, 201]).toContain(created.status());
    await signIn(page, 'master_admin', '/alerts/notifications');
    const status = page.getByTestId('notifications-status');
    const form = page.getByTestId('policy-form');
    await form.getByLabel('Id', { exact: true }).fill('e2e-critical');
    await form.getByLabel('Name', { exact: true }).fill('E2E critical');
    await form.getByLabel('E2E policy receiver').check();
    await form.getByLabel('critical', { exact: true }).check();
    await form.getByLabel('Labels (name=value, comma separated, optional)').fill('env=prod');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await expect(status).toHaveText('Saved policy e2e-critical');
    const table = page.getByRole('table', { name: 'Notification policies' });
    await expect(table.getByRole('row', { name: /E2E critical/ })).toContainText('severity critical, env=prod');

    const actions = page.getByTestId('policy-actions').getByRole('listitem').filter({ hasText: 'E2E critical' });
    await actions.getByRole('button', { name: 'Edit' }).click();
    await expect(form.getByRole('heading', { name: 'Edit policy e2e-critical' })).toBeVisible();
    await expect(form.getByLabel('Id', { exact: true })).toHaveValue('e2e-critical');
    await form.getByLabel('Labels (name=value, comma separated, optional)').fill('env=staging');
    await form.getByRole('button', { name: 'Update policy' }).click();
    await expect(status).toHaveText('Updated policy e2e-critical');
    await expect(table.getByRole('row', { name: /E2E critical/ })).toContainText('env=staging');

    const before = verified.length;
    await actions.getByRole('button', { name: 'Send test' }).click();
    await expect(status).toHaveText('Test notification queued for 1 contact point of E2E critical');
    await expect.poll(() => verified.length, { timeout: 20_000 }).toBe(before + 1);

    await actions.getByRole('button', { name: 'Delete' }).click();
    await expect(status).toHaveText('Deleted E2E critical');
    await expect(table.getByRole('row', { name: /E2E critical/ })).toHaveCount(0);
    const stored = await request.get('/api/v1/notifications/policies/e2e-critical', { headers });
    expect(stored.status()).toBe(404);
  });
});
