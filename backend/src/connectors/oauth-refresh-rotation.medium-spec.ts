import type { ConnectorDefinitionInput, Credential, SyncRun } from '@switchyard/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FIRST_REFRESH_TOKEN,
  ROTATING_CLIENT_ID,
  ROTATING_CLIENT_SECRET,
  startRotatingOAuthApi,
  type RotatingOAuthApi,
} from '../../test/support/rotating-oauth-api';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';

const connector = (): ConnectorDefinitionInput => ({
  id: 'rotating-desk',
  name: 'Rotating help desk',
  baseUrl: '{{config.host}}/api',
  config: [{ name: 'host', label: 'Host', required: true }],
  auth: { type: 'oauth2-refresh-token', tokenUrl: '{{config.host}}/oauth/token' },
  streams: [
    {
      name: 'tickets',
      domain: 'incidents',
      request: { path: '/tickets' },
      records: [
        {
          target: 'incidents',
          selector: 'tickets',
          primaryKey: 'id',
          fields: {
            kind: { const: 'request' },
            title: 'title',
            severity: { const: 'low' },
            state: { const: 'new' },
            reportedAt: 'opened',
          },
        },
      ],
    },
  ],
});

async function call<T>(
  app: TestApp,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(await app.adminHeaders()), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function syncOnce(app: TestApp): Promise<SyncRun> {
  const accepted = await call<{ runId: string }>(app, '/sources/desk-tickets/refresh?mode=full', 'POST');
  expect(accepted.status).toBe(202);
  for (let i = 0; i < 200; i += 1) {
    const run = await call<SyncRun>(app, `/sync-runs/${accepted.body.runId}`);
    if (!['queued', 'running'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('run did not finish');
}

describe('OAuth2 refresh-token rotation', () => {
  let upstream: RotatingOAuthApi;
  let database: TestDatabase;
  let folder: string | null = null;
  const env = { SYNC_ENABLED: 'false', SOURCE_ALLOWED_HOSTS: '127.0.0.1' };

  beforeAll(async () => {
    upstream = await startRotatingOAuthApi();
    database = await createTestDatabase();
    if (database.database.kind === 'pglite') {
      // A restart needs a database that outlives the process's first app: a folder, not memory.
      folder = mkdtempSync(join(tmpdir(), 'switchyard-rotation-'));
      database.database = { ...database.database, dataDir: folder };
    }
  });

  afterAll(async () => {
    await upstream.close();
    await database.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the newest refresh token sealed, so syncs in a row and across a restart all succeed', async () => {
    const first = await startTestApp(env, { database: database.database });
    try {
      await defineAndSyncTwice(first);
    } finally {
      await first.app.close();
    }

    const second = await startTestApp(env, { database: database.database });
    try {
      const third = await syncOnce(second);
      expect(third).toMatchObject({ errorCode: null, recordsFetched: 2 });
      expect(['succeeded', 'skipped_unchanged']).toContain(third.status);
      const stored = await call<Credential>(second, '/credentials/desk-oauth');
      expect(stored.body).toMatchObject({ fieldNames: ['refreshToken'], usedBy: ['desk-tickets'] });
      expect(JSON.stringify(stored.body)).not.toContain('rt-');
    } finally {
      await second.app.close();
    }
    expect(upstream.spent).toEqual(['rt-0', 'rt-1', 'rt-2']);
    expect(upstream.refused).toEqual([]);
  });

  async function defineAndSyncTwice(first: TestApp): Promise<void> {
    const credential = await call<Credential>(first, '/credentials', 'POST', {
      id: 'desk-oauth',
      name: 'Help desk app',
      kind: 'oauth2-refresh-token',
      clientId: ROTATING_CLIENT_ID,
      secret: ROTATING_CLIENT_SECRET,
      fields: { refreshToken: FIRST_REFRESH_TOKEN },
    });
    expect(credential.status).toBe(201);
    expect((await call(first, '/connectors', 'POST', connector())).status).toBe(201);
    const created = await call(first, '/sources', 'POST', {
      id: 'desk-tickets',
      name: 'Help desk tickets',
      kind: 'http-pull',
      connector: { id: 'rotating-desk', stream: 'tickets', credentialId: 'desk-oauth', config: { host: upstream.url } },
      cadence: { type: 'interval', everySeconds: 300 },
      freshness: { warnAfterSeconds: 600, staleAfterSeconds: 1200 },
      retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
    });
    expect(created.status).toBe(201);

    expect((await syncOnce(first)).status).toBe('succeeded');
    // Same data again: the run skips the write, but it still needed a fresh access token.
    expect(['succeeded', 'skipped_unchanged']).toContain((await syncOnce(first)).status);
  }
});
