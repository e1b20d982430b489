import { expect, type Page } from '@playwright/test';
import type { Role } from '@switchyard/contracts';

/** Every demo user's password (backend demo mode); the README lists the logins. */
export const DEMO_PASSWORD = 'demo-password';

export function demoEmail(role: Role): string {
  return `${role}@demo.local`;
}

/**
 * Signs in as the demo user of `role` through the login page and waits until the console
 * has opened `returnUrl` (or the user's home page). Going through `returnUrl` instead of a
 * second `page.goto` spares one session refresh: sign-in and refresh share a rate limit.
 */
export async function signIn(page: Page, role: Role, returnUrl?: string): Promise<void> {
  await page.goto(returnUrl ? `/login?returnUrl=${encodeURIComponent(returnUrl)}` : '/login');
  await fillLoginForm(page, demoEmail(role), DEMO_PASSWORD);
  const refused = page.getByTestId('login-error');
  const outcome = await Promise.race([
    page.waitForURL((url) => url.pathname !== '/login').then(() => 'signed in' as const),
    refused.waitFor().then(() => 'refused' as const),
  ]);
  if (outcome === 'refused') {
    // A 429 here usually means the run outgrew AUTH_RATE_LIMIT_PER_MINUTE, which counts sign-ins and refreshes.
    throw new Error(`sign-in as ${demoEmail(role)} was refused: ${await refused.innerText()}`);
  }
  // Attached, not visible: on a phone the account controls fold behind the Menu button.
  await expect(page.getByRole('button', { name: 'Sign out', includeHidden: true })).toBeAttached();
}

export async function fillLoginForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
