import type { Role, DataScopes } from '@switchyard/contracts';
import * as simulatorSecrets from '@switchyard/simulator';
import { demoCredentials, demoSources, jiraProjectKeys } from '../../src/demo';
import { startSyncTestbed, type SyncTestbed } from './sync-testbed';

export const TEST_BRANDS = ['acme-fitness', 'bright-smiles'];

export interface DomainTestbed extends SyncTestbed {
  /** GET as a principal of this role (all data unless scopes are given); JSON body and headers. */
  getAs<T>(
    role: Role,
    path: string,
    options?: { scopes?: DataScopes; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T; headers: Headers }>;
}

/**
 * The demo sources (the real vendors' built-in connectors) against a fresh simulator, every
 * one synced once, so domain endpoints answer from normalized rows the sync engine wrote. Data stays still unless a test
 * advances the simulator.
 */
export async function startDomainTestbed(): Promise<DomainTestbed> {
  const bed = await startSyncTestbed({ evolveEveryMs: 3_600_000, crmBrands: TEST_BRANDS });
  const secret = `whsec_${Buffer.alloc(24, 5).toString('base64')}`;
  for (const credential of demoCredentials(simulatorSecrets, TEST_BRANDS, secret)) {
    const existing = await bed.api(`/credentials/${credential.id}`);
    if (existing.status === 404) await bed.api('/credentials', { method: 'POST', body: credential });
  }
  const keys = await jiraProjectKeys(bed.simulator.url, simulatorSecrets);
  const sources = demoSources(bed.simulator.url, TEST_BRANDS, simulatorSecrets, keys);
  for (const source of sources) await bed.createSource(source);
  for (const source of sources) {
    const run = await bed.sync(source.id).catch((error: unknown) => {
      throw new Error(`${source.id}: ${String(error)}`);
    });
    if (run.status !== 'succeeded' && run.status !== 'skipped_unchanged')
      throw new Error(`demo source ${source.id} did not sync: ${run.status} ${run.errorMessage}`);
  }
  const getAs: DomainTestbed['getAs'] = async (role, path, options = {}) => {
    const token = await bed.app.tokenFor(role, options.scopes);
    const response = await fetch(`${bed.app.baseUrl}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}`, ...options.headers },
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as never, headers: response.headers };
  };
  return Object.assign(bed, { getAs });
}
