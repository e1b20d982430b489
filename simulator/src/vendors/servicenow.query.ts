/**
 * The subset of ServiceNow's encoded query (`sysparm_query`) a sync needs: conditions joined
 * by `^` (AND) with `=`, `!=`, `>`, `>=`, `<`, `<=`, and `ORDERBY<field>` / `ORDERBYDESC<field>`.
 * Values may be literal or `javascript:gs.dateGenerate('YYYY-MM-DD','HH:mm:ss')`.
 */
export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export interface Condition {
  field: string;
  operator: Operator;
  value: string;
}

export interface OrderBy {
  field: string;
  descending: boolean;
}

export interface EncodedQuery {
  conditions: Condition[];
  orderBy: OrderBy[];
}

// Longest first, so `>=` is not read as `>` followed by a value starting with `=`.
const OPERATORS: readonly Operator[] = ['>=', '<=', '!=', '>', '<', '='];
const FIELD = /^[a-z][a-z0-9_]*$/;
const DATE_GENERATE = /^javascript:gs\.dateGenerate\(\s*'(\d{4}-\d{2}-\d{2})'\s*,\s*'(\d{2}:\d{2}:\d{2})'\s*\)$/;

/** Parses a query; returns it or a message naming the part that is not understood. */
export function parseEncodedQuery(raw: string, fields: ReadonlySet<string>): EncodedQuery | string {
  const query: EncodedQuery = { conditions: [], orderBy: [] };
  for (const part of raw.split('^')) {
    if (part === '' || part === 'EQ') continue;
    const order = /^ORDERBY(DESC)?(.+)$/.exec(part);
    if (order) {
      if (!fields.has(order[2])) return `unknown field "${order[2]}" in ORDERBY`;
      query.orderBy.push({ field: order[2], descending: order[1] !== undefined });
      continue;
    }
    // `^OR<condition>` and `^NQ` (new query) would need OR semantics the sync never uses.
    if (/^(OR|NQ)/.test(part)) return `unsupported query part "${part}": only AND (^) conditions are simulated`;
    const condition = parseCondition(part);
    if (typeof condition === 'string') return condition;
    if (!fields.has(condition.field)) return `unknown field "${condition.field}"`;
    query.conditions.push(condition);
  }
  return query;
}

function parseCondition(part: string): Condition | string {
  for (const operator of OPERATORS) {
    const at = part.indexOf(operator);
    if (at <= 0) continue;
    const field = part.slice(0, at);
    if (!FIELD.test(field)) continue;
    const raw = part.slice(at + operator.length);
    const date = DATE_GENERATE.exec(raw);
    return { field, operator, value: date ? `${date[1]} ${date[2]}` : raw };
  }
  return `unsupported condition "${part}"`;
}

/** Compares as numbers when both sides are numeric (state, priority), otherwise as text (dates sort as text). */
function compare(a: string, b: string): number {
  if (a !== '' && b !== '' && !Number.isNaN(Number(a)) && !Number.isNaN(Number(b))) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function holds(value: string, condition: Condition): boolean {
  const order = compare(value, condition.value);
  switch (condition.operator) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
  }
}

/** Filters and orders rows of raw field values; the sort is stable, so ties keep table order. */
export function applyQuery<T>(
  rows: readonly T[],
  query: EncodedQuery,
  valueOf: (row: T, field: string) => string,
): T[] {
  const matching = rows.filter((row) => query.conditions.every((c) => holds(valueOf(row, c.field), c)));
  if (query.orderBy.length === 0) return matching;
  return matching.sort((a, b) => {
    for (const { field, descending } of query.orderBy) {
      const order = compare(valueOf(a, field), valueOf(b, field));
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}

/** RFC 8288 `Link` header with first/prev/next/last, keeping every other query parameter. */
export function pageLinks(url: URL, offset: number, limit: number, total: number): string {
  const at = (value: number) => {
    const link = new URL(url);
    link.searchParams.set('sysparm_offset', String(value));
    link.searchParams.set('sysparm_limit', String(limit));
    return link.toString();
  };
  // `last` sits on the same grid as `next`, so following `next` ends exactly there.
  const grid = offset % limit;
  const last = total <= grid ? grid : grid + Math.floor((total - 1 - grid) / limit) * limit;
  const links: [string, number][] = [['first', 0]];
  if (offset > 0) links.push(['prev', Math.max(0, offset - limit)]);
  if (offset + limit < total) links.push(['next', offset + limit]);
  links.push(['last', last]);
  return links.map(([rel, value]) => `<${at(value)}>;rel="${rel}"`).join(',');
}
