import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Realtime owns transport: the domain modules' tables are read by their own routes (LiveRoutes). */
const DOMAIN_TABLES =
  /\b(FROM|JOIN|INTO|UPDATE)\s+"?(projects|project_risks|financial_entries|teams|departments|incidents|calendar_events|crm_\w+)\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(spec|medium-spec|fault-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('realtime owns transport only', () => {
  it('queries no domain table', () => {
    const files = sourceFiles(__dirname);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files
      .filter((file) => DOMAIN_TABLES.test(readFileSync(file, 'utf8')))
      .map((file) => relative(__dirname, file));
    expect(offenders).toEqual([]);
  });

  it('recognizes a domain query when it sees one', () => {
    expect(DOMAIN_TABLES.test('SELECT external_id FROM project_risks WHERE source_id = $1')).toBe(true);
    expect(DOMAIN_TABLES.test('select * from crm_leads')).toBe(true);
    expect(DOMAIN_TABLES.test('SELECT seq FROM live_topics WHERE topic = $1')).toBe(false);
  });
});
