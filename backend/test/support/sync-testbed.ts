import type { CredentialInput, RefreshAccepted, Source, SourceDefinitionInput, SyncRun } from '@switchyard/contracts';
import type { DataSource } from 'typeorm';
import { createSimulator, type Simulator, type SimulatorOptions } from '@switchyard/simulator';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

export interface SyncTestbed {
  app: TestApp;
  simulator: Simulator;
  api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  createSource(definition: SourceDefinitionInput): Promise<Source>;
  refresh(sourceId: string, mode?: 'full' | 'incremental'): Promise<RefreshAccepted>;
  /** Refreshes and waits until the run has finished. */
  sync(sourceId: string, mode?: 'full' | 'incremental'): Promise<SyncRun>;
  waitForRun(runId: string): Promise<SyncRun>;
  source(sourceId: string): Promise<Source>;
  close(): Promise<void>;
}

const FINISHED = new Set(['succeeded', 'partial', 'failed', 'skipped_unchanged', 'skipped_breaker_open']);

/** The simulator's demo credentials, as the API stores them. */
export const SIMULATOR_CREDENTIALS: CredentialInput[] = [
  {
    id: 'pm-oauth',
    name: 'PM OAuth client',
    kind: 'client-credentials',
    clientId: 'switchyard',
    secret: 'pm-demo-secret',
  },
  { id: 'hris-token', name: 'HRIS token', kind: 'token', secret: 'hris-demo-token' },
  { id: 'metrics-key', name: 'Metrics key', kind: 'token', secret: 'metrics-demo-key' },
  { id: 'crm-acme-fitness', name: 'CRM acme', kind: 'token', tenant: 'acme-fitness', secret: 'ct-acme-fitness-key' },
];

/**
 * The backend on a real port with a fresh database, the simulator on another, and the
 * coordinator's timer off so each test decides when syncs happen (through the API).
 */
export async function startSyncTestbed(
  simulatorOptions: SimulatorOptions = {},
  env: NodeJS.ProcessEnv = {},
  appOptions: TestAppOptions = {},
): Promise<SyncTestbed> {
  const simulator = await createSimulator({ port: 0, ...simulatorOptions });
  const app = await startTestApp({ SYNC_ENABLED: 'false', SOURCE_ALLOWED_HOSTS: '127.0.0.1', ...env }, appOptions);
  const auth = await app.adminHeaders();
  const api: SyncTestbed['api'] = async (path, init = {}) => {
    const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { ...auth, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as never };
  };
  const expectStatus = async <T>(
    path: string,
    status: number,
    init?: { method?: string; body?: unknown },
  ): Promise<T> => {
    const result = await api<T>(path, init);
    if (result.status !== status)
      throw new Error(`${init?.method ?? 'GET'} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
  for (const credential of SIMULATOR_CREDENTIALS)
    await expectStatus('/credentials', 201, { method: 'POST', body: credential });

  const waitForRun = async (runId: string): Promise<SyncRun> => {
    for (let i = 0; i < 400; i += 1) {
      const run = await expectStatus<SyncRun>(`/sync-runs/${runId}`, 200);
      if (FINISHED.has(run.status)) return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`run ${runId} did not finish`);
  };
  const refresh = (sourceId: string, mode: 'full' | 'incremental' = 'incremental') =>
    expectStatus<RefreshAccepted>(`/sources/${sourceId}/refresh?mode=${mode}`, 202, { method: 'POST' });
  return {
    app,
    simulator,
    api,
    createSource: (definition) => expectStatus<Source>('/sources', 201, { method: 'POST', body: definition }),
    refresh,
    sync: async (sourceId, mode) => waitForRun((await refresh(sourceId, mode)).runId),
    waitForRun,
    source: (sourceId) => expectStatus<Source>(`/sources/${sourceId}`, 200),
    close: async () => {
      await app.close();
      await simulator.close();
    },
  };
}

/** A pulled source against the simulator with quick policies, for tests. */
export function testSource(
  simulatorUrl: string,
  overrides: Partial<SourceDefinitionInput> & Pick<SourceDefinitionInput, 'id'>,
): SourceDefinitionInput {
  return {
    name: overrides.id,
    kind: 'http-pull',
    connector: simulatorConnector(simulatorUrl, 'simulator-hris', 'departments', 'hris-token'),
    cadence: { type: 'interval', everySeconds: 3600 },
    freshness: { warnAfterSeconds: 600, staleAfterSeconds: 1800 },
    timeoutMs: 2000,
    retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
    breaker: { failureThreshold: 5, halfOpenAfterMs: 60_000 },
    ...overrides,
  };
}

/** A typed raw query for assertions on what the sync engine wrote. */
export async function selectRows<T>(db: DataSource, text: string, params: unknown[] = []): Promise<T[]> {
  const rows: T[] = await db.query(text, params);
  return rows;
}

/** A pulled CRM feed of one brand, paged the ClientTether way, with quick test policies. */
export function crmTestSource(
  simulatorUrl: string,
  id: string,
  feed: 'leads' | 'notes',
  options: { tenant?: string } = {},
): SourceDefinitionInput {
  const tenant = options.tenant ?? 'acme-fitness';
  return testSource(simulatorUrl, {
    id,
    connector: simulatorConnector(simulatorUrl, 'simulator-crm', feed, 'crm-acme-fitness'),
    tenant,
  });
}

/** A source's reference to one of the built-in simulator connectors. */
export function simulatorConnector(
  simulatorUrl: string,
  id: string,
  stream: string,
  credentialId: string | null,
): SourceDefinitionInput['connector'] {
  return { id, stream, credentialId, config: { baseUrl: simulatorUrl } };
}

/**
 * Makes CRM tenants exist (a tenant exists when a CRM source serves it) in an app without a
 * simulator: one leads source per tenant, pointing nowhere, never synced (SYNC_ENABLED=false).
 * The app needs SOURCE_ALLOWED_HOSTS=127.0.0.1.
 */
export async function seedCrmTenants(app: TestApp, tenants: string[]): Promise<void> {
  const headers = { ...(await app.adminHeaders()), 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  };
  for (const tenant of tenants) {
    await post('/credentials', { id: `crm-${tenant}`, name: `CRM ${tenant}`, kind: 'token', tenant, secret: 'unused' });
    const source = crmTestSource('http://127.0.0.1:9', `${tenant}-leads`, 'leads', { tenant });
    await post('/sources', { ...source, connector: { ...source.connector, credentialId: `crm-${tenant}` } });
  }
}
