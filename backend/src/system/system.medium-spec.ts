import { MIGRATIONS } from '../database/migrations';
import type { BackendInstance, Page, SystemStatus } from '@switchyard/contracts';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { SystemService } from './system.service';

describe('system', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('reports readiness, version and the database kind', async () => {
    const status = (await (
      await fetch(`${app.baseUrl}/api/v1/system/status`, { headers: await app.adminHeaders() })
    ).json()) as SystemStatus;
    expect(status).toMatchObject({ readiness: 'ready', version: app.config.version });
    expect(status.database).toMatchObject({
      kind: app.config.database.kind,
      reachable: true,
      migrationsApplied: MIGRATIONS.length,
    });
    expect(status.database.serverVersion).toMatch(/PostgreSQL/);
  });

  it('lists this instance as running, and a heartbeat moves lastSeenAt forward', async () => {
    const before = (await (
      await fetch(`${app.baseUrl}/api/v1/system/instances`, { headers: await app.adminHeaders() })
    ).json()) as Page<BackendInstance>;
    expect(before.items).toHaveLength(1);
    expect(before.items[0]).toMatchObject({ state: 'running', pid: process.pid });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await app.app.get(SystemService).heartbeat();
    const after = (await (
      await fetch(`${app.baseUrl}/api/v1/system/instances`, { headers: await app.adminHeaders() })
    ).json()) as Page<BackendInstance>;
    expect(Date.parse(after.items[0].lastSeenAt)).toBeGreaterThan(Date.parse(before.items[0].lastSeenAt));
  });
});
