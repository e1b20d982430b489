import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { bearerFor } from '../support/api-auth';
import { freshDataDir, REPO_ROOT, startBackend, waitUntilReady } from '../support/server';

test.describe('the backend process', () => {
  test('refuses to start with an invalid setting and names it', async () => {
    const backend = startBackend({ PORT: 'eighty', DATA_DIR: freshDataDir('bad-config') });
    expect(await backend.exited).toBe(78);
    expect(backend.output()).toContain('PORT must be a whole number');
  });

  test('shuts down gracefully on SIGTERM and the embedded database keeps what it wrote', async () => {
    const dataDir = freshDataDir('shutdown');
    const env = { PORT: '4391', HOST: '127.0.0.1', DATA_DIR: dataDir };
    // Outside demo mode there is no account until an operator creates one with the CLI.
    const created = spawnSync(process.execPath, ['dist/backend/cli/create-admin.js', '--email', 'root@example.com'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        ...env,
        ENCRYPTION_KEY_FILE: `${dataDir}-encryption.key`,
        SWITCHYARD_ADMIN_PASSWORD: 'first-admin-password',
      },
      encoding: 'utf8',
    });
    expect(created.stdout).toContain('created master admin root@example.com');

    const first = startBackend(env);
    await waitUntilReady(first.baseUrl);
    const firstPid = first.process.pid;
    first.process.kill('SIGTERM');
    const outcome = await first.exited;
    expect([0, 'SIGTERM']).toContain(outcome);

    const second = startBackend(env);
    try {
      await waitUntilReady(second.baseUrl);
      const auth = await bearerFor(second.baseUrl, 'root@example.com', 'first-admin-password');
      const page = (await (await fetch(`${second.baseUrl}/api/v1/system/instances`, { headers: auth })).json()) as {
        items: Array<{ pid: number; state: string }>;
      };
      expect(page.items.find((item) => item.pid === firstPid)?.state).toBe('stopped');
      expect(page.items.find((item) => item.pid === second.process.pid)?.state).toBe('running');
    } finally {
      second.process.kill('SIGTERM');
      await second.exited;
    }
  });
});
