import { DAY, HOUR, MINUTE } from '../time';

/**
 * The slice of JQL a sync connector sends: `project = KEY`, `project in (A, B)`,
 * `updated|created <op> "date"` joined by AND, and `ORDER BY updated|created|key ASC|DESC`.
 * Anything else is refused with Jira's 400 wording, so a connector that drifts is caught.
 */
export interface JqlQuery {
  /** One list per project clause (keys or ids, upper-cased); an issue must match every clause. */
  projects: string[][];
  times: TimeClause[];
  orderBy: { field: 'updated' | 'created' | 'key'; direction: 'ASC' | 'DESC' }[];
}

export interface TimeClause {
  field: 'updated' | 'created';
  operator: '=' | '!=' | '>' | '>=' | '<' | '<=';
  at: number;
}

/** A message Jira would put in `errorMessages` with a 400. */
export class JqlError extends Error {}

interface Token {
  text: string;
  kind: 'word' | 'string' | 'operator' | 'punct' | 'end';
  at: number;
}

const REAL_BUT_UNSUPPORTED = new Set(['status', 'statuscategory', 'assignee', 'labels', 'issuetype', 'priority']);
const TIME_OPERATORS = new Set(['=', '!=', '>', '>=', '<', '<=']);

export function parseJql(jql: string, now: number): JqlQuery {
  const parser = new Parser(tokenize(jql), now);
  return parser.query();
}

class Parser {
  private position = 0;
  private readonly result: JqlQuery = { projects: [], times: [], orderBy: [] };

  constructor(
    private readonly tokens: Token[],
    private readonly now: number,
  ) {}

  query(): JqlQuery {
    if (!this.isKeyword('order')) {
      this.clause();
      while (this.isKeyword('and')) {
        this.next();
        this.clause();
      }
    }
    if (this.isKeyword('order')) this.orderBy();
    if (this.peek().kind !== 'end') this.fail("'AND', 'ORDER BY' or the end of the query");
    return this.result;
  }

  private clause(): void {
    const field = this.expect('word', 'a field name').text.toLowerCase();
    if (field === 'project') return this.projectClause();
    if (field === 'updated' || field === 'created') return this.timeClause(field);
    if (REAL_BUT_UNSUPPORTED.has(field)) {
      throw new JqlError(`The Switchyard simulator's JQL does not support the field '${field}'.`);
    }
    throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  }

  private projectClause(): void {
    if (this.peek().text === '=') {
      this.next();
      this.result.projects.push([this.value('a project key').toUpperCase()]);
      return;
    }
    if (!this.isKeyword('in')) this.fail("'=' or 'in'");
    this.next();
    this.expectText('(');
    const keys = [this.value('a project key').toUpperCase()];
    while (this.peek().text === ',') {
      this.next();
      keys.push(this.value('a project key').toUpperCase());
    }
    this.expectText(')');
    this.result.projects.push(keys);
  }

  private timeClause(field: 'updated' | 'created'): void {
    const operator = this.expect('operator', 'an operator').text;
    if (!TIME_OPERATORS.has(operator)) this.fail('an operator');
    const raw = this.value('a date');
    this.result.times.push({
      field,
      operator: operator as TimeClause['operator'],
      at: parseDate(raw, field, this.now),
    });
  }

  private orderBy(): void {
    this.next();
    if (!this.isKeyword('by')) this.fail("'by'");
    do {
      this.next();
      const field = this.expect('word', 'a field name').text.toLowerCase();
      if (field !== 'updated' && field !== 'created' && field !== 'key') {
        throw new JqlError(`Not able to sort using field '${field}'.`);
      }
      let direction: 'ASC' | 'DESC' = 'ASC';
      if (this.isKeyword('asc') || this.isKeyword('desc')) direction = this.next().text.toUpperCase() as 'ASC' | 'DESC';
      this.result.orderBy.push({ field, direction });
    } while (this.peek().text === ',');
  }

  private value(expected: string): string {
    const token = this.peek();
    if (token.kind !== 'word' && token.kind !== 'string') this.fail(expected);
    this.next();
    return token.text;
  }

  private expect(kind: Token['kind'], expected: string): Token {
    if (this.peek().kind !== kind) this.fail(expected);
    return this.next();
  }

  private expectText(text: string): void {
    if (this.peek().text !== text) this.fail(`'${text}'`);
    this.next();
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toLowerCase() === word;
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    return this.tokens[Math.min(this.position++, this.tokens.length - 1)];
  }

  private fail(expected: string): never {
    const token = this.peek();
    const got = token.kind === 'end' ? 'the end of the query' : `'${token.text}'`;
    throw new JqlError(
      `Error in the JQL Query: Expecting ${expected} but got ${got}. (line 1, character ${token.at + 1})`,
    );
  }
}

function tokenize(jql: string): Token[] {
  const pattern = /\s+|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(!=|>=|<=|=|>|<|~)|([(),])|([^\s"'(),=!<>~]+)/gy;
  const tokens: Token[] = [];
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < jql.length && (match = pattern.exec(jql)) !== null) {
    const at = match.index;
    if (match[1] !== undefined || match[2] !== undefined) {
      tokens.push({ text: (match[1] ?? match[2]).replace(/\\(.)/g, '$1'), kind: 'string', at });
    } else if (match[3]) tokens.push({ text: match[3], kind: 'operator', at });
    else if (match[4]) tokens.push({ text: match[4], kind: 'punct', at });
    else if (match[5]) tokens.push({ text: match[5], kind: 'word', at });
  }
  if (pattern.lastIndex < jql.length) {
    throw new JqlError(
      `Error in the JQL Query: The character '${jql[pattern.lastIndex]}' is a reserved JQL character. (line 1, character ${pattern.lastIndex + 1})`,
    );
  }
  tokens.push({ text: '', kind: 'end', at: jql.length });
  return tokens;
}

const UNIT_MS: Record<string, number> = { m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };

/**
 * JQL dates are read in the searching user's time zone; the demo user's zone is UTC,
 * so the wall time is taken as UTC. Relative periods (`-15m`, `-2d`) count from now.
 */
function parseDate(raw: string, field: string, now: number): number {
  const absolute = /^(\d{4})[/-](\d{2})[/-](\d{2})(?: (\d{2}):(\d{2}))?$/.exec(raw.trim());
  if (absolute) {
    const [, y, mo, d, h = '00', mi = '00'] = absolute;
    const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
    if (!Number.isNaN(at) && new Date(at).getUTCDate() === Number(d)) return at;
  }
  const relative = /^([+-]?)(\d+)([mhdw])$/.exec(raw.trim());
  if (relative) return now + (relative[1] === '-' ? -1 : 1) * Number(relative[2]) * UNIT_MS[relative[3]];
  throw new JqlError(
    `Date value '${raw}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

export function timeMatches(clause: TimeClause, value: number): boolean {
  switch (clause.operator) {
    case '=':
      return value === clause.at;
    case '!=':
      return value !== clause.at;
    case '>':
      return value > clause.at;
    case '>=':
      return value >= clause.at;
    case '<':
      return value < clause.at;
    case '<=':
      return value <= clause.at;
  }
}
