import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const BACKEND_MAIN = join(REPO_ROOT, 'dist', 'backend', 'main.js');

export function freshDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `switchyard-${label}-`));
}

export interface RunningBackend {
  process: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Resolves with the exit code, or the signal name if killed by one. */
  exited: Promise<number | string>;
}

/** Starts the built backend as `npm start` would, on its own port and data folder. */
export function startBackend(env: NodeJS.ProcessEnv): RunningBackend {
  let output = '';
  const child = spawn(process.execPath, [BACKEND_MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'warn',
      DEMO_MODE: 'false',
      ENCRYPTION_KEY_FILE: `${env.DATA_DIR ?? '.data'}-encryption.key`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { process: child, baseUrl: `http://127.0.0.1:${env.PORT ?? '3000'}`, output: () => output, exited };
}

export async function waitUntilReady(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${baseUrl} did not become ready within ${timeoutMs} ms`);
}
