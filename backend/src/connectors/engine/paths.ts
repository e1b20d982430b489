/**
 * Field paths and record selectors: `data.items`, `result[0].id`, `metric["__name__"]`,
 * `departments[*].teams[*]` (a wildcard flattens a list), and `$parent.id` inside a
 * record reached through a wildcard, `$page.timeZone` in the whole page the record came from.
 * The empty path is the value itself.
 */
/** A field name, a list index, or `*` (every item of a list). */
export type PathSegment = string | number;

const SEGMENT = /([^.[\]]+)|\[(\d+|\*|"[^"]*"|'[^']*')\]/g;
const cache = new Map<string, PathSegment[]>();

export class PathSyntaxError extends Error {}

export function parsePath(path: string): PathSegment[] {
  const cached = cache.get(path);
  if (cached) return cached;
  const segments: PathSegment[] = [];
  let consumed = 0;
  for (const match of path.matchAll(SEGMENT)) {
    const gap = path.slice(consumed, match.index);
    if (gap !== '' && gap !== '.') throw new PathSyntaxError(`unexpected "${gap}" in path "${path}"`);
    consumed = match.index + match[0].length;
    if (match[1] !== undefined) segments.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
    else if (match[2] === '*') segments.push('*');
    else if (/^\d+$/.test(match[2])) segments.push(Number(match[2]));
    else segments.push(match[2].slice(1, -1));
  }
  if (path.slice(consumed) !== '') throw new PathSyntaxError(`unexpected "${path.slice(consumed)}" in path "${path}"`);
  if (cache.size > 10_000) cache.clear();
  cache.set(path, segments);
  return segments;
}

function step(value: unknown, segment: string | number): unknown {
  if (typeof segment === 'number') return Array.isArray(value) ? value[segment] : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
}

/** A record with the records that enclose it, innermost first. */
export interface SelectedRecord {
  record: unknown;
  parents: unknown[];
  /** The whole page the record was selected from (read with `$page.…`). */
  page?: unknown;
}

/**
 * Reads one value; `$parent` steps out to the enclosing record, a leading `$page` starts at
 * the whole page. Wildcards are not allowed here.
 */
export function readPath(record: unknown, path: string, parents: unknown[] = [], page?: unknown): unknown {
  let current = record;
  let depth = 0;
  for (const [index, segment] of parsePath(path).entries()) {
    if (segment === '$page' && index === 0) {
      current = page;
      continue;
    }
    if (segment === '$parent') {
      current = parents[depth];
      depth += 1;
      continue;
    }
    if (segment === '*') throw new PathSyntaxError(`a field path cannot contain [*] ("${path}")`);
    current = step(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * The records a selector finds in a page, or null when the path does not lead to a
 * list. Without a wildcard the selector must name a list; `[*]` flattens one level.
 */
export function selectRecords(payload: unknown, selector: string): SelectedRecord[] | null {
  const segments = parsePath(selector);
  const steps = segments.at(-1) === '*' ? segments : [...segments, '*' as const];
  // `inItem`: we stand inside a list item, so stepping into one of its fields makes it a parent.
  let frontier: Array<SelectedRecord & { inItem: boolean }> = [{ record: payload, parents: [], inItem: false }];
  for (const segment of steps) {
    const next: typeof frontier = [];
    for (const { record, parents, inItem } of frontier) {
      if (segment === '*') {
        if (!Array.isArray(record)) {
          if (frontier.length === 1) return null;
          continue;
        }
        for (const item of record) next.push({ record: item, parents, inItem: true });
        continue;
      }
      const value = step(record, segment);
      if (value !== undefined)
        next.push({ record: value, parents: inItem ? [record, ...parents] : parents, inItem: false });
    }
    if (next.length === 0 && segment !== '*' && frontier.length === 1) return null;
    frontier = next;
  }
  return frontier.map(({ record, parents }) => ({ record, parents, page: payload }));
}
