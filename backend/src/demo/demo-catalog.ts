import type { CredentialInput, SourceDefinitionInput } from '@switchyard/contracts';

/**
 * The simulator's documented demo credentials (`@switchyard/simulator` exports them), passed
 * in so that this module does not load the simulator outside demo mode.
 */
export interface SimulatorDemoSecrets {
  CLIENTTETHER_ACCESS_TOKEN: string;
  clientTetherWebKey: (brand: string) => string;
  JIRA_EMAIL: string;
  JIRA_API_TOKEN: string;
  BAMBOOHR_API_KEY: string;
  BAMBOOHR_COMPANY_DOMAIN: string;
  GOOGLE_CALENDAR_ID: string;
  GOOGLE_DEMO_SERVICE_ACCOUNT: object;
  SERVICENOW_USER: string;
  SERVICENOW_PASSWORD: string;
  PM_CLIENT_ID: string;
  PM_CLIENT_SECRET: string;
}

/** The demo Jira site's project keys, listed the way an admin would look them up. */
export async function jiraProjectKeys(simulatorUrl: string, sim: SimulatorDemoSecrets): Promise<string[]> {
  const basic = Buffer.from(`${sim.JIRA_EMAIL}:${sim.JIRA_API_TOKEN}`).toString('base64');
  const response = await fetch(`${simulatorUrl}/jira/rest/api/3/project/search?maxResults=100`, {
    headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`the simulator's Jira answered ${response.status} to the project search`);
  const page = (await response.json()) as { values: Array<{ key: string }> };
  return page.values.map((project) => project.key);
}

/** Demo credentials, one per vendor account (one per brand for ClientTether). */
export function demoCredentials(sim: SimulatorDemoSecrets, brands: string[], webhookSecret: string): CredentialInput[] {
  return [
    { id: 'jira', name: 'Jira Cloud API token', kind: 'basic', clientId: sim.JIRA_EMAIL, secret: sim.JIRA_API_TOKEN },
    {
      id: 'ppm-oauth',
      name: 'PPM OAuth client (demo vendor)',
      kind: 'client-credentials',
      clientId: sim.PM_CLIENT_ID,
      secret: sim.PM_CLIENT_SECRET,
    },
    { id: 'ppm-webhooks', name: 'PPM webhook signing secret', kind: 'webhook-secret', secret: webhookSecret },
    { id: 'bamboohr', name: 'BambooHR API key', kind: 'token', secret: sim.BAMBOOHR_API_KEY },
    {
      id: 'google-calendar',
      name: 'Google service account (calendar reader)',
      kind: 'service-account',
      secret: JSON.stringify(sim.GOOGLE_DEMO_SERVICE_ACCOUNT),
    },
    {
      id: 'servicenow',
      name: 'ServiceNow integration user',
      kind: 'basic',
      clientId: sim.SERVICENOW_USER,
      secret: sim.SERVICENOW_PASSWORD,
    },
    ...brands.map((brand) => ({
      id: `clienttether-${brand}`,
      name: `ClientTether access token and web key for ${brand}`,
      kind: 'token' as const,
      tenant: brand,
      secret: sim.CLIENTTETHER_ACCESS_TOKEN,
      fields: { webKey: sim.clientTetherWebKey(brand) },
    })),
  ];
}

/** Ids of the sources earlier versions of the demo defined on the simulator's own dialects. */
const RETIRED_DEMO_SOURCE =
  /^(pm-projects|hris-people|calendar-events|ticketing-incidents|metrics-system|crm-[a-z0-9-]+)$/;

/**
 * Which sources of a demo database from before the demo used the real vendors' connectors to
 * delete, so the new sources do not show the same projects, people and leads twice: those
 * with an old demo id that still read a simulator dialect. An operator's own sources, and the
 * demo PPM vendor's risks and financials, stay.
 */
export function retiredDemoSources(sources: ReadonlyArray<{ id: string; connector: { id: string } }>): string[] {
  return sources
    .filter((source) => source.connector.id.startsWith('simulator-') && RETIRED_DEMO_SOURCE.test(source.id))
    .map((source) => source.id);
}

const nightly = { expression: '0 2 * * *', timeZone: 'UTC' };

/**
 * Demo sources: the built-in connectors of the real vendors, pointed at the simulator, with the
 * blueprints' cadences and freshness targets. Risks and monthly financials come from the
 * simulator's demo PPM vendor, the one feed no real vendor here has (docs/connectors.md).
 */
export function demoSources(
  simulatorUrl: string,
  brands: string[],
  sim: SimulatorDemoSecrets,
  jiraProjectKeys: string[],
): SourceDefinitionInput[] {
  const ppm = (id: string, name: string, stream: string, everySeconds: number, warn: number) => ({
    id,
    name,
    kind: 'http-pull' as const,
    connector: { id: 'simulator-pm', stream, credentialId: 'ppm-oauth', config: { baseUrl: simulatorUrl } },
    cadence: { type: 'interval' as const, everySeconds },
    fullSync: nightly,
    freshness: { warnAfterSeconds: warn, staleAfterSeconds: warn * 3 },
    webhookSecretCredentialId: 'ppm-webhooks',
  });
  return [
    {
      id: 'jira-projects',
      name: 'Jira projects',
      kind: 'http-pull',
      connector: {
        id: 'jira',
        stream: 'projects',
        credentialId: 'jira',
        config: { siteUrl: `${simulatorUrl}/jira`, projectKeys: jiraProjectKeys.join(', ') },
      },
      // Projects every 15 minutes, merging what changed; a nightly full sync catches deletions.
      cadence: { type: 'interval', everySeconds: 900 },
      fullSync: nightly,
      freshness: { warnAfterSeconds: 1200, staleAfterSeconds: 3600 },
    },
    ppm('pm-risks', 'PPM risks', 'risks', 900, 7200),
    ppm('pm-financials', 'PPM monthly financials', 'financials', 3600, 7200),
    {
      id: 'bamboohr-people',
      name: 'BambooHR departments and teams',
      kind: 'http-pull',
      connector: {
        id: 'bamboohr',
        stream: 'directory',
        credentialId: 'bamboohr',
        config: { baseUrl: `${simulatorUrl}/bamboohr`, companyDomain: sim.BAMBOOHR_COMPANY_DOMAIN },
      },
      // Hourly, plus the nightly full sync; the directory is always read whole.
      cadence: { type: 'interval', everySeconds: 3600 },
      fullSync: nightly,
      freshness: { warnAfterSeconds: 3900, staleAfterSeconds: 7800 },
    },
    {
      id: 'google-calendar-events',
      name: 'Google Calendar events',
      kind: 'http-pull',
      connector: {
        id: 'google-calendar',
        stream: 'events',
        credentialId: 'google-calendar',
        config: {
          baseUrl: `${simulatorUrl}/google`,
          tokenUrl: `${simulatorUrl}/google/token`,
          calendarId: sim.GOOGLE_CALENDAR_ID,
        },
      },
      // Sync tokens make every 10-minute poll cheap; a nightly full sync re-reads the calendar.
      cadence: { type: 'interval', everySeconds: 600 },
      fullSync: nightly,
      freshness: { warnAfterSeconds: 900, staleAfterSeconds: 2700 },
    },
    {
      id: 'servicenow-incidents',
      name: 'ServiceNow incidents',
      kind: 'http-pull',
      connector: {
        id: 'servicenow',
        stream: 'incidents',
        credentialId: 'servicenow',
        config: { instanceUrl: `${simulatorUrl}/servicenow` },
      },
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
      id: 'prometheus-metrics',
      name: 'Prometheus operations metrics',
      kind: 'http-pull',
      connector: {
        id: 'prometheus',
        stream: 'query_range',
        credentialId: null,
        // The simulator scrapes every 10 s; the first run reads the last hour.
        config: { url: `${simulatorUrl}/prometheus`, query: '{job="switchyard"}', step: '10', lookbackSeconds: '3600' },
      },
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
    name: `ClientTether ${label.toLowerCase()} (${brand})`,
    kind: 'http-pull',
    connector: {
      id: 'clienttether',
      stream,
      credentialId: `clienttether-${brand}`,
      config: { apiUrl: `${simulatorUrl}/clienttether/v2/api` },
    },
    tenant: brand,
    // Hourly per brand. A brand's pipeline may rightly sit still for a day, so freshness is
    // the age of the last successful sync, as the CRM blueprint asks.
    cadence: { type: 'interval', everySeconds: 3600 },
    freshness: { warnAfterSeconds: 3900, staleAfterSeconds: 7800, trackDataAge: false },
  }));
}
