/**
 * Parameter parsing for the Prometheus HTTP API: timestamps, durations and the one PromQL form
 * the simulator evaluates, a vector selector (`name{label="v",other=~"re"}`). Messages follow
 * Prometheus' own wording so a client sees the errors a real server gives.
 */
export type MatchType = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  label: string;
  type: MatchType;
  value: string;
}

export class BadData extends Error {}

const SELECTOR = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(?:\{(.*)\})?\s*$/s;
const MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*(?:,|$)/s;

export function parseSelector(query: string): Matcher[] {
  if (query.trim() === '')
    throw new BadData('invalid parameter "query": 1:1: parse error: no expression found in input');
  const match = SELECTOR.exec(query);
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    throw new BadData(
      `invalid parameter "query": the simulator evaluates vector selectors only, such as cpu_usage{job="switchyard"}; got "${query}"`,
    );
  }
  const matchers: Matcher[] = match[1] ? [{ label: '__name__', type: '=', value: match[1] }] : [];
  let rest = match[2] ?? '';
  while (rest.trim() !== '') {
    const next = MATCHER.exec(rest);
    if (!next)
      throw new BadData(`invalid parameter "query": parse error: unexpected "${rest.trim()}" in label matching`);
    matchers.push({ label: next[1], type: next[2] as MatchType, value: unquote(next[3]) });
    rest = rest.slice(next[0].length);
  }
  if (!matchers.some((m) => !matchesEmpty(m))) {
    throw new BadData('invalid parameter "query": vector selector must contain at least one non-empty matcher');
  }
  return matchers;
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, '$1');
}

function matchesEmpty(matcher: Matcher): boolean {
  return matches(matcher, '');
}

/** Regex matchers are fully anchored, as in PromQL. */
export function matches(matcher: Matcher, value: string): boolean {
  switch (matcher.type) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

/** Unix seconds (float) or RFC 3339, as epoch ms. */
export function parseTime(name: string, raw: string | undefined, fallback?: number): number {
  if ((raw === undefined || raw === '') && fallback !== undefined) return fallback;
  const text = raw ?? '';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return Date.parse(text);
  throw new BadData(`invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Float seconds or a Prometheus duration such as `15s` or `1h30m`, as ms. */
export function parseStep(raw: string | undefined): number {
  const text = raw ?? '';
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w)/g)];
  if (text === '' || parts.map((p) => p[0]).join('') !== text) {
    throw new BadData(`invalid parameter "step": cannot parse "${text}" to a valid duration`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]], 0);
}
