import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { signIn } from '../support/login';

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
});
