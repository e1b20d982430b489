import type { CredentialInput, SourceDefinitionInput } from '@switchyard/contracts';

/** Demo credentials for the simulator's vendors (its documented demo values). */
export function demoCredentials(brands: string[], webhookSecret: string): CredentialInput[] {
  return [
    {
      id: 'pm-oauth',
      name: 'PM OAuth client',
      kind: 'client-credentials',
      clientId: 'switchyard',
      secret: 'pm-demo-secret',
    },
    { id: 'pm-webhooks', name: 'PM webhook signing secret', kind: 'webhook-secret', secret: webhookSecret },
    { id: 'hris-token', name: 'HRIS API token', kind: 'token', secret: 'hris-demo-token' },
    { id: 'calendar-key', name: 'Calendar API key', kind: 'token', secret: 'calendar-demo-key' },
    { id: 'calendar-webhooks', name: 'Calendar webhook signing secret', kind: 'webhook-secret', secret: webhookSecret },
    { id: 'ticketing-token', name: 'Ticketing API token', kind: 'token', secret: 'ticketing-demo-token' },
    { id: 'metrics-key', name: 'Metrics API key', kind: 'token', secret: 'metrics-demo-key' },
    ...brands.map((brand) => ({
      id: `crm-${brand}`,
      name: `ClientTether key for ${brand}`,
      kind: 'token' as const,
      tenant: brand,
      secret: `ct-${brand}-key`,
    })),
  ];
}

const nightly = { expression: '0 2 * * *', timeZone: 'UTC' };

/** Demo sources for every simulator vendor, with the blueprint's cadences and freshness targets. */
export function demoSources(simulatorUrl: string, brands: string[]): SourceDefinitionInput[] {
  const via = (id: string, stream: string, credentialId: string) => ({
    id,
    stream,
    credentialId,
    config: { baseUrl: simulatorUrl },
  });
  const pm = (id: string, name: string, stream: string, everySeconds: number, warn: number) => ({
    id,
    name,
    kind: 'http-pull' as const,
    connector: via('simulator-pm', stream, 'pm-oauth'),
    // Projects: every 15 minutes or on webhook, merging deltas; a nightly full sync catches deletions.
    cadence: { type: 'interval' as const, everySeconds },
    fullSync: nightly,
    freshness: { warnAfterSeconds: warn, staleAfterSeconds: warn * 3 },
    webhookSecretCredentialId: 'pm-webhooks',
  });
  return [
    pm('pm-projects', 'PM projects', 'projects', 900, 600),
    pm('pm-risks', 'PM risks', 'risks', 900, 7200),
    pm('pm-financials', 'PM financials', 'financials', 3600, 7200),
    {
      id: 'hris-people',
      name: 'HRIS departments and teams',
      kind: 'http-pull',
      connector: via('simulator-hris', 'departments', 'hris-token'),
      // Hourly, plus the nightly full sync; every HRIS fetch is a full one (no delta API).
      cadence: { type: 'interval', everySeconds: 3600 },
      fullSync: nightly,
      freshness: { warnAfterSeconds: 3900, staleAfterSeconds: 7800 },
    },
    {
      id: 'calendar-events',
      name: 'Calendar events',
      kind: 'http-pull',
      connector: via('simulator-calendar', 'events', 'calendar-key'),
      // Change notifications trigger a refresh; polling every 10 minutes is the fallback.
      cadence: { type: 'interval', everySeconds: 600 },
      freshness: { warnAfterSeconds: 900, staleAfterSeconds: 2700 },
      webhookSecretCredentialId: 'calendar-webhooks',
    },
    {
      id: 'ticketing-incidents',
      name: 'Ticketing incidents and requests',
      kind: 'http-pull',
      connector: via('simulator-ticketing', 'tickets', 'ticketing-token'),
      // Every 2 minutes in business hours, every 10 otherwise.
      cadence: {
        type: 'interval',
        everySeconds: 120,
        offHoursEverySeconds: 600,
        businessHours: { timeZone: 'America/Chicago', days: [1, 2, 3, 4, 5], startHour: 8, endHour: 18 },
      },
      fullSync: nightly,
      freshness: { warnAfterSeconds: 720, staleAfterSeconds: 1800 },
    },
    {
      id: 'metrics-system',
      name: 'Operations metrics',
      kind: 'http-pull',
      connector: via('simulator-metrics', 'series', 'metrics-key'),
      cadence: { type: 'interval', everySeconds: 30 },
      freshness: { warnAfterSeconds: 90, staleAfterSeconds: 150 },
      timeoutMs: 5000,
      breaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 },
    },
    ...brands.flatMap((brand) => crmSources(simulatorUrl, brand)),
  ];
}

const CRM_FEEDS = [
  ['leads', 'leads', 'Leads'],
  ['pipeline', 'pipeline', 'Pipeline'],
  ['hot-list', 'hot_list', 'Hot list'],
  ['notes', 'notes', 'Notes'],
  ['schedule', 'schedule', 'Schedule'],
] as const;

function crmSources(simulatorUrl: string, brand: string): SourceDefinitionInput[] {
  return CRM_FEEDS.map(([feed, stream, label]) => ({
    id: `crm-${brand}-${feed}`,
    name: `${label} (${brand})`,
    kind: 'http-pull',
    connector: { id: 'simulator-crm', stream, credentialId: `crm-${brand}`, config: { baseUrl: simulatorUrl } },
    tenant: brand,
    // Hourly per tenant. A brand's pipeline may rightly sit still for a day, so freshness is
    // the age of the last successful sync, as the CRM blueprint asks.
    cadence: { type: 'interval', everySeconds: 3600 },
    freshness: { warnAfterSeconds: 3900, staleAfterSeconds: 7800, trackDataAge: false },
  }));
}
