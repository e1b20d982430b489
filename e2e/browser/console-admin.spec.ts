import { expect, test } from '@playwright/test';
import { signIn } from '../support/login';

test.describe('admin pages', () => {
  test('master_admin creates a user, changes their roles and disables them', async ({ page }) => {
    const email = `e2e-${Date.now()}@example.test`;
    await signIn(page, 'master_admin', '/admin/users');
    await page.getByText('Create a user').click();
    const form = page.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('E2E Person');
    await form.getByLabel('Initial password').fill('a-long-enough-password');
    await form.getByLabel('Executive').check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByTestId('admin-message')).toHaveText(`${email} created.`);

    // The list is by email; page until the new user shows up.
    const row = page.getByRole('row').filter({ hasText: email });
    while ((await row.count()) === 0 && (await page.getByRole('button', { name: 'Next' }).isEnabled())) {
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByTestId('view-loading')).toHaveCount(0);
    }
    await expect(row).toContainText('Read only viewer, Executive');
    await row.getByRole('button', { name: `Roles of ${email}` }).click();
    await row.getByLabel('Read only viewer').uncheck();
    await row.getByRole('button', { name: 'Save roles' }).click();
    await expect(page.getByTestId('admin-message')).toHaveText(`Roles of ${email} saved.`);
    await expect(row).toContainText('Executive');
    await expect(row).not.toContainText('Read only viewer');
    await row.getByRole('button', { name: `Disable ${email}` }).click();
    await expect(row).toContainText('Disabled');
  });

  test('master_admin creates a service client and sees its secret once', async ({ page }) => {
    const id = `e2e-client-${Date.now()}`;
    await signIn(page, 'master_admin', '/admin/clients');
    await page.getByText('Create a service client').click();
    const form = page.getByRole('form', { name: 'Create a service client' });
    await form.getByLabel('Client id').fill(id);
    await form.getByLabel('Name').fill('E2E client');
    await form.getByRole('button', { name: 'Create client' }).click();
    await expect(page.getByTestId('client-secret')).toContainText(`Copy the secret of ${id} now`);
    await expect(page.getByTestId('clients')).toContainText(id);
  });

  test('the audit log filters by outcome', async ({ page }) => {
    await signIn(page, 'master_admin', '/admin/audit');
    await page.getByLabel('Outcome').selectOption('success');
    await page.getByRole('button', { name: 'Apply' }).click();
    const outcomes = page.getByRole('table', { name: 'Audit events' }).locator('tbody td:nth-child(3)');
    await expect(outcomes.first()).toHaveText('success');
    // Polled: right after Apply the unfiltered rows may still be on screen.
    await expect.poll(async () => new Set(await outcomes.allInnerTexts())).toEqual(new Set(['success']));
  });
});
