import { expect, test } from '@playwright/test';
import { freshDataDir, startBackend, waitUntilReady } from '../support/server';

test.describe('the backend process', () => {
  test('refuses to start with an invalid setting and names it', async () => {
    const backend = startBackend({ PORT: 'eighty', DATA_DIR: freshDataDir('bad-config') });
    expect(await backend.exited).toBe(78);
    expect(backend.output()).toContain('PORT must be a whole number');
  });

  test('shuts down gracefully on SIGTERM and the embedded database keeps what it wrote', async () => {
    const dataDir = freshDataDir('shutdown');
    const env = { PORT: '4391', HOST: '127.0.0.1', DATA_DIR: dataDir };

    const first = startBackend(env);
    await waitUntilReady(first.baseUrl);
    const firstPid = first.process.pid;
    first.process.kill('SIGTERM');
    const outcome = await first.exited;
    expect([0, 'SIGTERM']).toContain(outcome);

    const second = startBackend(env);
    try {
      await waitUntilReady(second.baseUrl);
      const page = (await (await fetch(`${second.baseUrl}/api/v1/system/instances`)).json()) as {
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
