import { call, credentials, pmToken, sendJson, startSimulator, type TestSimulator } from '../spec-helpers';

interface ProjectPage {
  values: { id: string; key: string; name: string; lead?: unknown; insight?: { totalIssueCount: number } }[];
  isLast: boolean;
  nextPage?: string;
  total: number;
  startAt: number;
}
interface Issue {
  id: string;
  key: string;
  fields: Record<string, unknown> & { updated?: string; summary?: string; customfield_10050?: number | null };
}
interface SearchPage {
  issues: Issue[];
  nextPageToken?: string;
  isLast: boolean;
}

describe('jira (Jira Cloud REST v3)', () => {
  let t: TestSimulator;
  beforeEach(async () => {
    t = await startSimulator();
  });
  afterEach(() => t.sim.close());

  const jira = (path: string, init: RequestInit = {}) =>
    call(t.sim, `/jira/rest/api/3${path}`, {
      ...init,
      headers: { ...credentials('jira'), ...(init.headers as object) },
    });
  const search = (jql: string, extra = '') => jira(`/search/jql?jql=${encodeURIComponent(jql)}${extra}`);

  async function searchAll(jql: string, extra: string): Promise<{ issues: Issue[]; pages: number }> {
    const issues: Issue[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const answer = await search(jql, extra + (token ? `&nextPageToken=${encodeURIComponent(token)}` : ''));
      expect(answer.status).toBe(200);
      const page = answer.json<SearchPage>();
      issues.push(...page.issues);
      token = page.nextPageToken;
      expect(page.isLast).toBe(token === undefined);
      pages++;
    } while (token);
    return { issues, pages };
  }

  it('refuses missing or wrong credentials with Jira’s 401 body', async () => {
    const missing = await call(t.sim, '/jira/rest/api/3/project/search');
    expect(missing.status).toBe(401);
    expect(missing.json()).toEqual({
      errorMessages: ['Client must be authenticated to access this resource.'],
      errors: {},
    });
    const wrong = Buffer.from('switchyard-bot@switchyard.example:wrong').toString('base64');
    const refused = await call(t.sim, '/jira/rest/api/3/project/search', {
      headers: { authorization: `Basic ${wrong}` },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
  });

  it('pages project search with startAt/maxResults until isLast', async () => {
    const keys: string[] = [];
    let startAt = 0;
    for (;;) {
      const page = (await jira(`/project/search?startAt=${startAt}&maxResults=10`)).json<ProjectPage>();
      expect(page.total).toBe(24);
      keys.push(...page.values.map((p) => p.key));
      if (page.isLast) {
        expect(page.nextPage).toBeUndefined();
        break;
      }
      expect(page.nextPage).toContain(`startAt=${startAt + 10}`);
      startAt += 10;
    }
    expect(keys).toHaveLength(24);
    expect(new Set(keys).size).toBe(24);
    expect(keys).toEqual([...keys].sort());
  });

  it('expands lead and insight only when asked', async () => {
    const plain = (await jira('/project/search?maxResults=1')).json<ProjectPage>().values[0];
    expect(plain.lead).toBeUndefined();
    const expanded = (await jira('/project/search?maxResults=1&expand=lead,insight')).json<ProjectPage>().values[0];
    expect(expanded.lead).toMatchObject({ accountType: 'atlassian', active: true });
    expect(expanded.insight?.totalIssueCount).toBeGreaterThan(5);
    expect(expanded).toHaveProperty('projectCategory.name');
  });

  it('pages JQL search with nextPageToken, GET and POST alike', async () => {
    const [a, b] = (await jira('/project/search?maxResults=2')).json<ProjectPage>().values.map((p) => p.key);
    const jql = `project in (${a}, ${b}) ORDER BY updated ASC`;
    const { issues, pages } = await searchAll(jql, '&fields=summary,status,updated&maxResults=5');
    expect(pages).toBeGreaterThan(2);
    expect(new Set(issues.map((i) => i.id)).size).toBe(issues.length);
    expect(issues.every((i) => i.key.startsWith(`${a}-`) || i.key.startsWith(`${b}-`))).toBe(true);
    const updated = issues.map((i) => Date.parse((i.fields.updated ?? '').replace('+0000', 'Z')));
    expect(updated).toEqual([...updated].sort((x, y) => x - y));
    expect(issues[0].fields.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(issues[0].fields).toHaveProperty('status.statusCategory.key');

    const posted = await jira('/search/jql', sendJson('POST', { jql, fields: ['summary'], maxResults: 100 }));
    expect(posted.json<SearchPage>().issues.map((i) => i.id)).toEqual(issues.map((i) => i.id));
  });

  it('returns only ids when no fields are asked for (the enhanced search default)', async () => {
    const key = (await jira('/project/search?maxResults=1')).json<ProjectPage>().values[0].key;
    const page = (await search(`project = ${key}`)).json<SearchPage>();
    expect(Object.keys(page.issues[0])).toEqual(['id']);
  });

  it('filters incrementally with updated >= "yyyy/MM/dd HH:mm"', async () => {
    const since = `updated >= "2026/05/14 09:00" ORDER BY updated ASC`;
    expect((await search(since, '&fields=updated')).json<SearchPage>().issues).toEqual([]);
    t.sim.advance('jira', 3);
    const changed = (await search(since, '&fields=updated')).json<SearchPage>().issues;
    expect(changed.length).toBeGreaterThanOrEqual(3);
    expect(changed.every((i) => i.fields.updated === '2026-05-14T09:00:00.000+0000')).toBe(true);
    const dashed = (await search(`updated >= "2026-05-14 09:00"`, '&fields=updated')).json<SearchPage>().issues;
    expect(dashed.map((i) => i.id).sort()).toEqual(changed.map((i) => i.id).sort());
  });

  it('answers bad JQL with Jira’s 400 errorMessages', async () => {
    const cases: [string, RegExp][] = [
      ['project = ', /^Error in the JQL Query: Expecting a project key but got the end of the query/],
      ['project = NOPE', /^The value 'NOPE' does not exist for the field 'project'\.$/],
      ['flavour = sweet', /^Field 'flavour' does not exist/],
      ['updated >= "yesterday-ish"', /^Date value 'yesterday-ish' for field 'updated' is invalid/],
      ['ORDER BY updated', /^Unbounded JQL queries are not allowed here/],
    ];
    for (const [jql, message] of cases) {
      const answer = await search(jql);
      expect(answer.status).toBe(400);
      const body = answer.json<{ errorMessages: string[]; errors: object }>();
      expect(body.errors).toEqual({});
      expect(body.errorMessages[0]).toMatch(message);
    }
    expect((await search('updated >= -1d', '&nextPageToken=forged')).status).toBe(400);
  });

  it('gives each PM project a Jira project whose epic carries the same budget', async () => {
    const token = await pmToken(t.sim);
    const pm = (await call(t.sim, '/pm/v2/projects?per_page=200', { headers: credentials('pm', token) })).json<{
      data: { name: string; budget: number }[];
    }>();
    const { issues } = await searchAll('updated >= "2000/01/01"', '&fields=summary,issuetype,customfield_10050');
    const epics = issues.filter((i) => (i.fields['issuetype'] as { name: string }).name === 'Epic');
    expect(epics).toHaveLength(24);
    for (const project of pm.data) {
      expect(epics.find((e) => e.fields.summary === project.name)?.fields.customfield_10050).toBe(project.budget);
    }
  });

  it('applies faults with Jira’s own 429 and the default drift field', async () => {
    t.sim.addFault('jira', { type: 'rate_limit', retryAfterSeconds: 7, count: 1 });
    const limited = await jira('/project/search');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2026-05-14T09:00Z');
    expect(limited.json()).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });

    t.sim.addFault('jira', { type: 'schema_drift', count: 1 });
    const drifted = await search('updated >= -30d', '&fields=status');
    expect(drifted.text).toContain('"statusCategoryV2":');
    expect(drifted.text).not.toContain('"statusCategory":');
  });

  it('is deterministic for a seed however steps were applied', async () => {
    const other = await startSimulator();
    try {
      t.clock.advance(10 * 15_000);
      for (let i = 0; i < 10; i++) {
        other.clock.advance(15_000);
        await call(other.sim, '/jira/rest/api/3/myself', { headers: credentials('jira') });
      }
      const path = `/jira/rest/api/3/search/jql?jql=${encodeURIComponent('updated >= -30d')}&fields=*all&maxResults=100`;
      const mine = await call(t.sim, path, { headers: credentials('jira') });
      const theirs = await call(other.sim, path, { headers: credentials('jira') });
      const strip = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, 'host');
      expect(strip(mine.text)).toEqual(strip(theirs.text));
    } finally {
      await other.sim.close();
    }
  });
});
