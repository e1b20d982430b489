import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every Swagger model (a class whose name ends in `Model`) implements its type from
 * `libs/contracts`, so a model that drifts from what the API returns fails to compile.
 * Nested objects without a named contract type implement a local alias of the contract's
 * inline shape (`type X = Contract['field'][number]`).
 */
const src = join(__dirname, '../..');

/** Models that need no contract type, each with the reason. */
const EXCEPTIONS: Record<string, string> = {
  TimestampedModel: 'abstract base: only `generatedAt`, every contract type that extends it is checked',
  PageModel: 'abstract base: the page fields; each page model implements `Page<T>` itself',
  TokenRequestModel:
    'describes the form-encoded OAuth token request (RFC 6749 field names), a request body, not a response',
};

interface ModelClass {
  name: string;
  file: string;
  implementsClause: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(medium-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

const CLASS = /^(?:export )?(?:abstract )?class (\w+Model)\b([^{]*)\{/gm;

function modelClasses(): ModelClass[] {
  return sourceFiles(src).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(CLASS)].map((m) => ({
      name: m[1],
      file: relative(src, path),
      implementsClause: /\bimplements\s+(.+)$/s.exec(m[2].trim())?.[1].trim() ?? null,
    })),
  );
}

describe('Swagger models implement their contract types', () => {
  const models = modelClasses();

  it('reads the models, so this check reads something', () => {
    expect(models.length).toBeGreaterThan(120);
    expect(models.filter((m) => m.file.endsWith('.models.ts')).length).toBeGreaterThan(110);
  });

  it('every model class has an implements clause or a listed reason', () => {
    const missing = models
      .filter((m) => m.implementsClause === null && !(m.name in EXCEPTIONS))
      .map((m) => `${m.file}: ${m.name}`);
    expect(missing).toEqual([]);
  });

  it('lists no exception that does not exist or that implements a type anyway', () => {
    for (const name of Object.keys(EXCEPTIONS)) {
      const found = models.filter((m) => m.name === name);
      expect({ name, found: found.length }).toEqual({ name, found: 1 });
      expect({ name, implementsClause: found[0].implementsClause }).toEqual({ name, implementsClause: null });
    }
  });
});
