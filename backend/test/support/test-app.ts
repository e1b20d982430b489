import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap/create-app';
import { ALL_DATA, type DataScopes, type Role } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { AccessTokensService, userPrincipal } from '../../src/auth';
import type { Clock } from '../../src/common';
import { loadConfig, type AppConfig } from '../../src/config';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  baseUrl: string;
  /** Every JSON log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** A signed access token for a principal of this role (all data scopes unless given). */
  tokenFor(role: Role, dataScopes?: DataScopes): Promise<string>;
  /** `Authorization` header of a master admin, for tests about something other than access. */
  adminHeaders(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** The real application on a real port, with a fresh database and captured logs. */
/** A fixed key so tests never write a key file; production keys come from ENCRYPTION_KEYS. */
export const TEST_ENCRYPTION_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

export interface TestAppOptions {
  /** Share another app's database (two replicas); by default each app gets a fresh one. */
  database?: AppConfig['database'];
  clock?: Clock;
}

export async function startTestApp(env: NodeJS.ProcessEnv = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = options.database
    ? { database: options.database, drop: () => Promise.resolve() }
    : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    CONSOLE_DIR: '/nonexistent-console',
    ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
    ...env,
  });
  config.database = testDb.database;
  const logs: Array<Record<string, unknown>> = [];
  const destination = { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) };
  const { app } = await createApp(config, { logDestination: destination, clock: options.clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  let admin: { token: string } | undefined;
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('test app has no TCP address');
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    logs,
    tokenFor: async (role, dataScopes = ALL_DATA) => {
      const principal = userPrincipal({
        id: randomUUID(),
        email: `${role}@test.local`,
        displayName: role,
        roles: [role],
        dataScopes,
      });
      return (await app.get(AccessTokensService).issue(principal)).token;
    },
    adminHeaders: async () => {
      admin ??= await app.get(AccessTokensService).issue(
        userPrincipal({
          id: randomUUID(),
          email: 'admin@test.local',
          displayName: 'Test admin',
          roles: ['master_admin'],
          dataScopes: ALL_DATA,
        }),
      );
      return { authorization: `Bearer ${admin.token}` };
    },
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}
