/// <reference types="node" />
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findRepeatedListTemplate } from './list-page-template';

/** The console's feature folder, from the workspace root (where the test runner starts). */
function featuresDir(): string {
  for (const root of [process.cwd(), join(process.cwd(), '..')]) {
    const dir = join(root, 'frontend', 'src', 'app', 'features');
    if (existsSync(dir)) return dir;
  }
  throw new Error(`frontend/src/app/features not found from ${process.cwd()}`);
}

function templatesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return templatesUnder(path);
    return name.endsWith('.html') || (name.endsWith('.ts') && !name.endsWith('.spec.ts')) ? [path] : [];
  });
}

describe('list-page template check', () => {
  it('finds no feature page with its own pager instead of sy-list-page', () => {
    const dir = featuresDir();
    const files = templatesUnder(dir);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      findRepeatedListTemplate(readFileSync(file, 'utf8')).map((what) => `${relative(dir, file)}: ${what}`),
    );
    expect(found).toEqual([]);
  });

  it('recognises each repeated piece of the list template', () => {
    expect(findRepeatedListTemplate('<sy-pager [page]="r.page" [total]="r.total" />')).toEqual([
      'draws its own <sy-pager>',
    ]);
    expect(findRepeatedListTemplate('imports: [PagerComponent],')).toEqual(['imports PagerComponent']);
    expect(findRepeatedListTemplate('<nav class="pager">')).toEqual(['has pager markup (class "pager")']);
    expect(findRepeatedListTemplate('<button (click)="page.set(page() + 1)">Next</button>')).toEqual([
      'steps a page by hand (page() ± 1)',
    ]);
    expect(findRepeatedListTemplate('<!-- <sy-pager /> --><sy-list-page [resource]="r" />')).toEqual([]);
  });
});
