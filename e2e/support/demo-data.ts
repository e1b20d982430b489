import { expect, type APIRequestContext } from '@playwright/test';
import type { Page, Source } from '@switchyard/contracts';
import { apiAs } from './console';

/** Waits until every demo source has synced once, so the pages have data to show. */
export async function waitForDemoData(request: APIRequestContext, baseURL: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const sources = await apiAs<Page<Source>>(request, baseURL, 'master_admin', '/api/v1/sources?pageSize=200');
        return sources.items
          .filter((s) => s.enabled && !s.status.lastSuccessAt && s.kind === 'http-pull')
          .map((s) => s.id);
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toEqual([]);
}

/** The demo simulator the e2e server runs listens 19 ports above the API (playwright.config.ts, SIMULATOR_PORT). */
export function simulatorUrl(baseURL: string): string {
  return `http://127.0.0.1:${Number(new URL(baseURL).port) + 19}`;
}
