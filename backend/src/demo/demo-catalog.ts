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
const apiKey = (credentialId: string) => ({ type: 'api-key' as const, credentialId, header: 'X-Api-Key' });
const bearer = (credentialId: string) => ({ type: 'bearer' as const, credentialId });
const pageOf = (itemsPath: string, pageSize: number) => ({
  type: 'page' as const,
  pageParam: 'page',
  sizeParam: 'per_page',
  pageSize,
  itemsPath,
  maxPages: 200,
});

/** Demo sources for every simulator vendor, with the blueprint's cadences and freshness targets. */
export function demoSources(simulatorUrl: string, brands: string[]): SourceDefinitionInput[] {
  const pmAuth = {
    type: 'oauth2-client-credentials' as const,
    credentialId: 'pm-oauth',
    tokenUrl: `${simulatorUrl}/pm/oauth/token`,
  };
  const pm = (
    id: string,
    name: string,
    path: string,
    normalizer: SourceDefinitionInput['normalizer'],
    everySeconds: number,
    warn: number,
  ) => ({
    id,
    name,
    kind: 'http-pull' as const,
    normalizer,
    // Projects: every 15 minutes or on webhook, merging deltas; a nightly full sync catches deletions.
    cadence: { type: 'interval' as const, everySeconds },
    fullSync: nightly,
    freshness: { warnAfterSeconds: warn, staleAfterSeconds: warn * 3 },
    request: {
      url: `${simulatorUrl}${path}`,
      auth: pmAuth,
      pagination: pageOf('data', 100),
      incremental: { param: 'updated_since', cursorField: 'updatedAt' },
    },
    webhookSecretCredentialId: 'pm-webhooks',
  });
  return [
    pm('pm-projects', 'PM projects', '/pm/v2/projects', 'pm.projects.v1', 900, 600),
    pm('pm-risks', 'PM risks', '/pm/v2/risks', 'pm.risks.v1', 900, 7200),
    pm('pm-financials', 'PM financials', '/pm/v2/financials', 'pm.financials.v1', 3600, 7200),
    {
      id: 'hris-people',
      name: 'HRIS departments and teams',
      kind: 'http-pull',
      normalizer: 'hris.departments.v1',
      // Hourly, plus the nightly full sync; every HRIS fetch is a full one (no delta API).
      cadence: { type: 'interval', everySeconds: 3600 },
      fullSync: nightly,
      freshness: { warnAfterSeconds: 3900, staleAfterSeconds: 7800 },
      request: {
        url: `${simulatorUrl}/hris/api/departments`,
        auth: bearer('hris-token'),
        volatileFields: ['generatedAt'],
      },
    },
    {
      id: 'calendar-events',
      name: 'Calendar events',
      kind: 'http-pull',
      normalizer: 'calendar.events.v1',
      // Change notifications trigger a refresh; polling every 10 minutes is the fallback.
      cadence: { type: 'interval', everySeconds: 600 },
      freshness: { warnAfterSeconds: 900, staleAfterSeconds: 2700 },
      request: {
        url: `${simulatorUrl}/calendar/v1/events`,
        auth: apiKey('calendar-key'),
        pagination: {
          type: 'cursor',
          cursorParam: 'cursor',
          limitParam: 'limit',
          pageSize: 25,
          itemsPath: 'items',
          nextCursorPath: 'nextCursor',
          maxPages: 100,
        },
      },
      webhookSecretCredentialId: 'calendar-webhooks',
    },
    {
      id: 'ticketing-incidents',
      name: 'Ticketing incidents and requests',
      kind: 'http-pull',
      normalizer: 'ticketing.tickets.v1',
      // Every 2 minutes in business hours, every 10 otherwise.
      cadence: {
        type: 'interval',
        everySeconds: 120,
        offHoursEverySeconds: 600,
        businessHours: { timeZone: 'America/Chicago', days: [1, 2, 3, 4, 5], startHour: 8, endHour: 18 },
      },
      fullSync: nightly,
      freshness: { warnAfterSeconds: 720, staleAfterSeconds: 1800 },
      request: {
        url: `${simulatorUrl}/ticketing/api/v3/tickets`,
        auth: bearer('ticketing-token'),
        pagination: {
          type: 'offset',
          offsetParam: 'offset',
          limitParam: 'limit',
          pageSize: 100,
          itemsPath: 'tickets',
          maxPages: 100,
        },
        incremental: { param: 'updated_after', cursorField: 'updatedAt' },
      },
    },
    {
      id: 'metrics-system',
      name: 'Operations metrics',
      kind: 'http-pull',
      normalizer: 'metrics.series.v1',
      cadence: { type: 'interval', everySeconds: 30 },
      freshness: { warnAfterSeconds: 90, staleAfterSeconds: 150 },
      timeoutMs: 5000,
      breaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 },
      request: {
        url: `${simulatorUrl}/metrics/api/v1/series`,
        auth: apiKey('metrics-key'),
        incremental: { param: 'since', cursorField: 'recordedAt' },
        volatileFields: ['asOf'],
      },
    },
    ...brands.flatMap((brand) => crmSources(simulatorUrl, brand)),
  ];
}

const CRM_FEEDS = [
  ['leads', 'crm.leads.v1', 'Leads'],
  ['pipeline', 'crm.pipeline.v1', 'Pipeline'],
  ['hot-list', 'crm.hot-list.v1', 'Hot list'],
  ['notes', 'crm.notes.v1', 'Notes'],
  ['schedule', 'crm.schedule.v1', 'Schedule'],
] as const;

function crmSources(simulatorUrl: string, brand: string): SourceDefinitionInput[] {
  return CRM_FEEDS.map(([feed, normalizer, label]) => ({
    id: `crm-${brand}-${feed}`,
    name: `${label} (${brand})`,
    kind: 'http-pull',
    normalizer,
    tenant: brand,
    // Hourly per tenant. A brand's pipeline may rightly sit still for a day, so freshness is
    // the age of the last successful sync, as the CRM blueprint asks.
    cadence: { type: 'interval', everySeconds: 3600 },
    freshness: { warnAfterSeconds: 3900, staleAfterSeconds: 7800, trackDataAge: false },
    request: { url: `${simulatorUrl}/crm/api/${feed}`, auth: apiKey(`crm-${brand}`), pagination: pageOf('data', 100) },
  }));
}
