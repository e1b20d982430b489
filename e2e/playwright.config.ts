import { defineConfig, type Project } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { BACKEND_MAIN, freshDataDir, REPO_ROOT } from './support/server';
import { SSO_PROVIDER_SCRIPT, ssoProviderSettings, ssoProviderUrl } from './support/sso';

const PORT = Number(process.env.E2E_PORT ?? 4310);
const chromium = findChromium(process.env);

// Workers load this file again; only the main process announces the setup.
const isMainProcess = process.env.TEST_WORKER_INDEX === undefined;
if (!isMainProcess) {
  // quiet
} else if (chromium.skipReason) {
  process.stdout.write(`\n*** BROWSER TESTS SKIPPED: ${chromium.skipReason} ***\n\n`);
} else {
  process.stdout.write(`\nbrowser tests: Chromium at ${chromium.path}\n`);
}
if (isMainProcess)
  process.stdout.write(
    `e2e backend database: ${process.env.DATABASE_URL ? 'Postgres server (DATABASE_URL)' : 'embedded PGlite in a fresh folder'}\n`,
  );

const projects: Project[] = [{ name: 'api', testDir: './api' }];
if (chromium.path) {
  projects.push({
    name: 'chromium',
    testDir: './browser',
    use: {
      browserName: 'chromium',
      launchOptions: { executablePath: chromium.path, args: CHROMIUM_ARGS },
    },
  });
}

export default defineConfig({
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: '../tmp/e2e-results',
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'off', screenshot: 'only-on-failure' },
  projects,
  webServer: [
    {
      // The OpenID provider of the single sign-on test (sso.spec.ts).
      command: `node ${SSO_PROVIDER_SCRIPT} ${PORT + 21}`,
      url: `${ssoProviderUrl(PORT)}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: `node ${BACKEND_MAIN}`,
      cwd: REPO_ROOT,
      url: `http://127.0.0.1:${PORT}/health/ready`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATA_DIR: freshDataDir('e2e'),
        ENCRYPTION_KEY_FILE: `${freshDataDir('e2e-key')}/encryption.key`,
        // Demo mode: the simulator and demo sources, on a port of its own.
        DEMO_MODE: 'true',
        // Many sign-ins from one address in a few seconds: the tests, not an attack.
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        SIMULATOR_PORT: String(PORT + 19),
        AUTH_OIDC_PROVIDERS: ssoProviderSettings(PORT),
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
    },
  ],
});
