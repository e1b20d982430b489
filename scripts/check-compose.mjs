// Validates the container files without a Docker engine, which CI and most dev boxes
// lack: docker-compose can parse and resolve docker/compose.yaml offline, and the
// image's non-root USER is checked by reading the Dockerfile.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`check-compose: ${message}`);
  process.exit(1);
}

// Only the final stage's USER counts: that is the user the container runs as.
const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
const lines = dockerfile.split('\n').map((line) => line.trim());
const lastFrom = lines.findLastIndex((line) => /^FROM\s/i.test(line));
const lastUser = lines.findLastIndex((line) => /^USER\s/i.test(line));
if (lastUser < lastFrom) fail('docker/Dockerfile: the final stage has no USER line, so it runs as root');
const user = (lines[lastUser].split(/\s+/)[1] ?? '').split(':')[0];
if (user === 'root' || user === '0') fail(`docker/Dockerfile: the final stage runs as root (${lines[lastUser]})`);

const result = spawnSync('docker-compose', ['-f', 'docker/compose.yaml', 'config', '-q'], {
  cwd: root,
  stdio: 'inherit',
});

if (result.error?.code === 'ENOENT') {
  if (process.env.CI === 'true' || process.env.COMPOSE_REQUIRED === '1') {
    fail('docker-compose is not installed, and CI/COMPOSE_REQUIRED demand the check (apt-get install docker-compose)');
  }
  console.warn('');
  console.warn('!'.repeat(80));
  console.warn('!! SKIPPED: docker-compose not installed (apt-get install docker-compose); compose file not validated');
  console.warn('!'.repeat(80));
  console.warn('');
  process.exit(0);
}
if (result.error) fail(`could not run docker-compose: ${result.error.message}`);
if (result.status !== 0) fail(`docker/compose.yaml is invalid (docker-compose: ${result.status ?? result.signal})`);

console.log('docker/compose.yaml is valid');
