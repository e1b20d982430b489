import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const check = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/config-docs.mjs', '--check', ...args], { cwd: root, encoding: 'utf8' });

describe('docs/configuration.md', () => {
  it('is what scripts/config-docs.mjs generates from config/environment.ts', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails the check when a variable is missing or says something else', () => {
    const page = readFileSync(join(root, 'docs/configuration.md'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'config-docs-'));
    const withoutPort = join(dir, 'without-port.md');
    writeFileSync(withoutPort, page.replace(/^\| `PORT` .*\n/m, ''));
    const changed = join(dir, 'changed.md');
    writeFileSync(changed, page.replace('interface to listen on', 'interface to listen at'));
    for (const file of [withoutPort, changed]) {
      const result = check('--page', file);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('is out of date with backend/src/config/environment.ts');
    }
  });
});
