import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
/** Repository paths quoted in a page: `backend/…`, `frontend/…`, `libs/…`, `simulator/…`, `scripts/…`. */
const PATH = /`((?:backend|frontend|libs|simulator|scripts|e2e|bench|docker)\/[\w./-]+)`/g;

/** Folders the tests write (screenshots, results): named in the docs, absent from a fresh clone. */
const GENERATED = ['e2e/output'];

function quotedPaths(page: string): string[] {
  const text = readFileSync(join(root, page), 'utf8');
  return [...text.matchAll(PATH)]
    .map((m) => m[1].replace(/\/$/, ''))
    .filter((path) => !GENERATED.some((folder) => path.startsWith(folder)));
}

describe('the docs name files that exist', () => {
  const pages = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('finds the flows of docs/architecture.md, so this check reads something', () => {
    expect(quotedPaths('docs/architecture.md').length).toBeGreaterThan(25);
  });

  it.each(pages)('%s', (page) => {
    const missing = quotedPaths(page).filter((path) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });
});
