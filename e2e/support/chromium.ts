import { existsSync } from 'node:fs';

export interface ChromiumChoice {
  path: string | undefined;
  /** Why the browser tests will not run, when they will not. */
  skipReason?: string;
}

/**
 * The system Chromium (no browser downloads here). A missing browser is a loud skip
 * locally and a failure when E2E_REQUIRED=1, as in CI.
 */
export function findChromium(env: NodeJS.ProcessEnv): ChromiumChoice {
  const path = env.CHROME_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return { path };
  const reason = `no Chromium at ${path} (install it with "apt-get install -y chromium" or set CHROME_PATH)`;
  if (env.E2E_REQUIRED === '1') throw new Error(`E2E_REQUIRED=1 but ${reason}`);
  return { path: undefined, skipReason: reason };
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
