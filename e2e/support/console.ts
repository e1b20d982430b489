import type { APIRequestContext, Page } from '@playwright/test';
import type { Role } from '@switchyard/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bearerFor } from './api-auth';
import { demoEmail } from './login';

export const SCREENSHOT_DIR = join(__dirname, '..', 'output', 'screenshots');

/** Console errors and uncaught exceptions a page logs; a passing page has none. */
export function collectConsoleErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    errors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return () => [...errors];
}

const tokens = new Map<Role, Record<string, string>>();

/** GET an API path as the demo user of `role` (the same data the console shows them). */
export async function apiAs<T>(request: APIRequestContext, baseURL: string, role: Role, path: string): Promise<T> {
  let auth = tokens.get(role);
  if (!auth) {
    auth = await bearerFor(baseURL, demoEmail(role));
    tokens.set(role, auth);
  }
  const response = await request.get(path, { headers: auth });
  if (!response.ok()) throw new Error(`GET ${path} as ${role}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
