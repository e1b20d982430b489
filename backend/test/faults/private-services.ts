import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// Private Redis and Postgres for the fault suite: each on a free port of its own, so
// killing or stopping them can never disturb another test run on this machine.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(probe: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
    await sleep(50);
  }
}

export interface PrivateRedis {
  url: string;
  /** SIGKILL: no goodbye to clients, everything in memory gone. */
  kill(): Promise<void>;
  /** Starts again on the same port (empty, as after a crash without persistence). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const ping = () =>
    Promise.resolve(
      spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG',
    );
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitFor(ping, `private redis on ${port}`);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, kill, start, stop: kill };
}

export interface PrivatePostgres {
  /** URL of a database in this private cluster. */
  url: string;
  /** Immediate stop: connections cut, as in a crash. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its files. */
  destroy(): Promise<void>;
}

const pgBin = (name: string) => {
  const versions = readdirSync('/usr/lib/postgresql').sort();
  return join('/usr/lib/postgresql', versions[versions.length - 1] ?? '', 'bin', name);
};

/** initdb and pg_ctl refuse to run as root; as root they run as the postgres user. */
function asClusterOwner(command: string, args: string[]): void {
  const asRoot = userInfo().uid === 0;
  const [bin, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const run = spawnSync(bin, argv, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} ${args[0]} failed: ${run.stderr || run.stdout}`);
}

/** A throwaway Postgres cluster (initdb in a temp dir) on a free port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-fault-pg-'));
  if (userInfo().uid === 0) {
    const owner = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    chownSync(dir, Number(owner), Number(group));
  }
  const data = join(dir, 'data');
  asClusterOwner(pgBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-N']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async () => {
    asClusterOwner(pgBin('pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
    await waitFor(async () => {
      const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      await client.connect();
      await client.end();
      return true;
    }, `private postgres on ${port}`);
  };
  // In an executor, so a failing pg_ctl becomes a rejection rather than a throw.
  const stop = () =>
    new Promise<void>((resolve) => {
      asClusterOwner(pgBin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      resolve();
    });
  await start();
  const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE switchyard_faults');
  await admin.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/switchyard_faults`,
    stop,
    start,
    destroy: async () => {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
