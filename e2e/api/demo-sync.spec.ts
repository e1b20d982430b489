import { expect, test } from '@playwright/test';
import type { Page, Source, UpstreamHealth } from '@switchyard/contracts';
import { bearerFor } from '../support/api-auth';

const VENDOR_SOURCES = [
  'jira-projects',
  'pm-risks',
  'bamboohr-people',
  'google-calendar-events',
  'servicenow-incidents',
  'prometheus-metrics',
  'crm-acme-fitness-leads',
];
/** The connector behind each demo source: the real vendors' built-ins, the demo PPM for risks. */
const CONNECTORS: Record<string, string> = {
  'jira-projects': 'jira',
  'pm-risks': 'simulator-pm',
  'pm-financials': 'simulator-pm',
  'bamboohr-people': 'bamboohr',
  'google-calendar-events': 'google-calendar',
  'servicenow-incidents': 'servicenow',
  'prometheus-metrics': 'prometheus',
};

test.describe('demo mode: simulator and demo sources on start', () => {
  test('defines a source for every simulator vendor and syncs them without being asked', async ({
    request,
    baseURL,
  }) => {
    const auth = await bearerFor(baseURL ?? '', 'technical_admin@demo.local');
    let sources: Source[] = [];
    await expect
      .poll(
        async () => {
          sources = (
            (await (await request.get('/api/v1/sources?pageSize=200', { headers: auth })).json()) as Page<Source>
          ).items;
          return VENDOR_SOURCES.filter((id) => sources.find((s) => s.id === id)?.status.lastSuccessAt);
        },
        { timeout: 60_000, intervals: [500] },
      )
      .toEqual(VENDOR_SOURCES);
    expect(sources).toHaveLength(22);
    expect(Object.fromEntries(sources.map((s) => [s.id, s.connector.id]))).toEqual({
      ...CONNECTORS,
      ...Object.fromEntries(sources.filter((s) => s.id.startsWith('crm-')).map((s) => [s.id, 'clienttether'] as const)),
    });
    expect(sources.filter((s) => s.id.startsWith('crm-'))).toHaveLength(15);
    expect(new Set(sources.map((s) => s.domain)).size).toBe(12);
    for (const source of sources) expect(JSON.stringify(source)).not.toContain('demo-secret');
  });

  test('reports upstream status per source at /api/v1/health: counts for anyone, detail when signed in', async ({
    request,
    baseURL,
  }) => {
    const anonymous = (await (await request.get('/api/v1/health')).json()) as UpstreamHealth;
    expect(anonymous.sources).toBeNull();
    const response = await request.get('/api/v1/health', {
      headers: await bearerFor(baseURL ?? '', 'operations_admin@demo.local'),
    });
    expect(response.status()).toBe(200);
    const health = (await response.json()) as UpstreamHealth;
    expect(Object.values(health.counts).reduce((a, b) => a + b, 0)).toBe(22);
    expect(health.sources?.find((s) => s.id === 'prometheus-metrics')).toMatchObject({
      domain: 'metrics',
      enabled: true,
    });
  });
});
