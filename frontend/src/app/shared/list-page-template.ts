/**
 * What counts as a repeated list-page template in a feature file (template or component
 * source, HTML comments ignored): the pager belongs to `sy-list-page` alone, so a page that
 * draws `<sy-pager>`, imports `PagerComponent`, has its own `class="pager"` markup or steps a
 * page signal by hand (`x.set(x() + 1)` / `- 1`) carries its own copy of the list template.
 * Returns one line per finding; none for a page that uses `sy-list-page`.
 */
export function findRepeatedListTemplate(source: string): string[] {
  const text = source.replace(/<!--[\s\S]*?-->/g, '');
  const found: string[] = [];
  if (/<sy-pager\b/.test(text)) found.push('draws its own <sy-pager>');
  if (/\bPagerComponent\b/.test(text)) found.push('imports PagerComponent');
  if (/class="[^"]*\bpager\b[^"]*"/.test(text)) found.push('has pager markup (class "pager")');
  if (/\.set\(\s*\w+\(\)\s*[+-]\s*1\s*\)/.test(text)) found.push('steps a page by hand (page() ± 1)');
  return found;
}
