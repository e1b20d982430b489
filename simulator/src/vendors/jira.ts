import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { queryValue } from '../http';
import { Rng } from '../random';
import { type AuthResult, type RequestContext, type VendorModel, type VendorRefusals } from '../types';
import { basicAuth, sameSecret } from './basic-auth';
import {
  issuesFor,
  jiraTime,
  PRIORITY_IDS,
  teamJson,
  toJiraProject,
  type JiraIssue,
  type JiraProject,
} from './jira.data';
import {
  type ALL_FIELDS,
  allQueryValues,
  avatars,
  categoryJson,
  compareKeys,
  intOr,
  issueTypeJson,
  jiraError,
  pageToken,
  readPageToken,
  selectFields,
  siteUrl,
  statusJson,
  userJson,
} from './jira.json';
import { JqlError, parseJql, timeMatches, type JqlQuery } from './jira.jql';
import { generateProject, PROJECT_COUNT, statusFor, type ProjectStatus } from './pm.data';

export const JIRA_EMAIL = 'switchyard-bot@switchyard.example';
export const JIRA_API_TOKEN = 'jira-demo-api-token';
const PROJECT_PAGE_MAX = 100;
const SEARCH_PAGE_DEFAULT = 50;
/** Jira returns fewer issues per page when fields are asked for; ids alone page up to 5000. */
const SEARCH_PAGE_MAX = 100;
const SEARCH_PAGE_MAX_IDS = 5000;
/** Options of the Epic's Health select list (custom field 10054). */
const HEALTH_OPTION_IDS: Record<ProjectStatus, string> = {
  'On Track': '10100',
  'At Risk': '10101',
  'Behind Schedule': '10102',
  Critical: '10103',
  Completed: '10104',
};

/** Jira Cloud REST v3 under `/jira` (the site URL, e.g. https://acme.atlassian.net). */
export class JiraVendor implements VendorModel {
  readonly id = 'jira';
  readonly drift = { field: 'statusCategory', renameTo: 'statusCategoryV2' };
  private readonly rng: Rng;
  private readonly projects: JiraProject[] = [];
  private readonly issues: JiraIssue[] = [];
  private lastIssueId = 10000;

  constructor(seed: number, start: number) {
    // The PM stream's first draws are the PM vendor's projects: the same portfolio, seen from Jira.
    const pm = Rng.stream(seed, 'pm');
    this.rng = Rng.stream(seed, 'jira');
    const taken = new Set<string>();
    for (let i = 0; i < PROJECT_COUNT; i++) {
      const source = generateProject(pm, i, start, false);
      const project = toJiraProject(source, i, taken);
      taken.add(project.key);
      this.projects.push(project);
      this.issues.push(...issuesFor(this.rng, source, project, start, () => String(++this.lastIssueId)));
    }
  }

  /** Work moves on in two projects: a story advances a status, a due milestone may close. */
  evolve(at: number): null {
    const open = this.projects.filter((p) => this.storiesOf(p.key).some((i) => i.status !== 'Done'));
    for (const project of this.rng.shuffle(open).slice(0, 2)) {
      const story = this.rng.pick(this.storiesOf(project.key).filter((i) => i.status !== 'Done'));
      this.transition(story, story.status === 'To Do' ? 'In Progress' : 'Done', at);
      // The automation rule that keeps the Epic's Progress (%) writes to the Epic too.
      const epic = this.issues.find((i) => i.projectKey === project.key && i.type === 'Epic');
      if (epic) epic.updated = at;
      const due = this.issues.find(
        (i) =>
          i.projectKey === project.key && i.type === 'Task' && i.status !== 'Done' && Date.parse(i.duedate ?? '') <= at,
      );
      if (due && this.rng.chance(0.5)) this.transition(due, 'Done', at);
    }
    return null;
  }

  notifyAll(): null {
    return null;
  }

  authenticate(request: FastifyRequest): AuthResult {
    const credentials = basicAuth(request);
    const ok = credentials?.user === JIRA_EMAIL && sameSecret(credentials.password, JIRA_API_TOKEN);
    return ok ? { ok: true, principal: null } : { ok: false, challenge: null };
  }

  readonly refusals: VendorRefusals = {
    unauthorized: (reply) =>
      reply
        .code(401)
        .header('x-seraph-loginreason', 'AUTHENTICATED_FAILED')
        .send(jiraError('Client must be authenticated to access this resource.')),
    rateLimited: (reply, retryAfter, now) =>
      reply
        .code(429)
        .header('retry-after', String(retryAfter))
        .header('x-ratelimit-limit', '100')
        .header('x-ratelimit-remaining', '0')
        .header('x-ratelimit-reset', new Date(now + retryAfter * 1000).toISOString().slice(0, 16) + 'Z')
        .header('ratelimit-reason', 'jira-burst-based')
        .send(jiraError('Rate limit exceeded.')),
  };

  routes(app: FastifyInstance, context: (request: FastifyRequest) => RequestContext): void {
    app.get('/jira/rest/api/3/myself', (request) => ({
      self: `${siteUrl(request)}/rest/api/3/user?accountId=bot`,
      accountId: 'bot',
      emailAddress: JIRA_EMAIL,
      displayName: 'Switchyard sync',
      active: true,
      timeZone: 'UTC',
      accountType: 'atlassian',
    }));
    app.get('/jira/rest/api/3/project/search', (request, reply) => this.projectSearch(request, reply));
    app.get('/jira/rest/api/3/search/jql', (request, reply) => {
      const fields = allQueryValues(request, 'fields').flatMap((f) => f.split(','));
      const max = queryValue(request, 'maxResults');
      const search = {
        jql: queryValue(request, 'jql'),
        fields,
        maxResults: max,
        token: queryValue(request, 'nextPageToken'),
      };
      return this.search(request, reply, search, context(request).now);
    });
    app.post('/jira/rest/api/3/search/jql', (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const fields = Array.isArray(body['fields']) ? body['fields'].filter((f) => typeof f === 'string') : [];
      const search = {
        jql: typeof body['jql'] === 'string' ? body['jql'] : undefined,
        fields,
        maxResults: typeof body['maxResults'] === 'number' ? String(body['maxResults']) : undefined,
        token: typeof body['nextPageToken'] === 'string' ? body['nextPageToken'] : undefined,
      };
      return this.search(request, reply, search, context(request).now);
    });
  }

  private projectSearch(request: FastifyRequest, reply: FastifyReply) {
    const startAt = intOr(queryValue(request, 'startAt'), 0);
    const requested = intOr(queryValue(request, 'maxResults'), 50);
    if (startAt === null || requested === null || startAt < 0 || requested < 0) {
      return reply.code(400).send(jiraError('startAt and maxResults must be non-negative integers.'));
    }
    const maxResults = Math.min(requested, PROJECT_PAGE_MAX);
    const expand = new Set((queryValue(request, 'expand') ?? '').split(',').map((e) => e.trim()));
    const keys = new Set(
      allQueryValues(request, 'keys')
        .flatMap((k) => k.split(','))
        .map((k) => k.toUpperCase()),
    );
    const query = (queryValue(request, 'query') ?? '').toLowerCase();
    const matching = this.projects
      .filter((p) => keys.size === 0 || keys.has(p.key) || keys.has(p.id))
      .filter((p) => query === '' || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
      .sort((a, b) => a.key.localeCompare(b.key));
    const page = matching.slice(startAt, startAt + maxResults);
    const isLast = startAt + page.length >= matching.length;
    const site = siteUrl(request);
    const pageUrl = (at: number) =>
      `${site}/rest/api/3/project/search?startAt=${at}&maxResults=${maxResults}` +
      (expand.size > 1 || [...expand][0] ? `&expand=${[...expand].filter(Boolean).join(',')}` : '');
    return {
      self: pageUrl(startAt),
      ...(isLast ? {} : { nextPage: pageUrl(startAt + maxResults) }),
      maxResults,
      startAt,
      total: matching.length,
      isLast,
      values: page.map((p) => this.projectJson(p, site, expand)),
    };
  }

  private projectJson(project: JiraProject, site: string, expand: ReadonlySet<string>) {
    const issues = this.issues.filter((i) => i.projectKey === project.key);
    return {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: `${site}/rest/api/3/project/${project.id}`,
      id: project.id,
      key: project.key,
      name: project.name,
      avatarUrls: avatars(site, project.id),
      projectCategory: categoryJson(project.category, site),
      projectTypeKey: 'software',
      simplified: false,
      style: 'classic',
      isPrivate: false,
      properties: {},
      ...(expand.has('lead') ? { lead: { ...userJson(project.lead, site), active: true } } : {}),
      ...(expand.has('insight')
        ? {
            insight: {
              totalIssueCount: issues.length,
              lastIssueUpdateTime: jiraTime(Math.max(...issues.map((i) => i.updated))),
            },
          }
        : {}),
    };
  }

  private search(
    request: FastifyRequest,
    reply: FastifyReply,
    search: { jql?: string; fields: string[]; maxResults?: string; token?: string },
    now: number,
  ) {
    const idsOnly = search.fields.every((f) => f === 'id' || f === 'key');
    const requested = intOr(search.maxResults, SEARCH_PAGE_DEFAULT);
    if (requested === null || requested < 0)
      return reply.code(400).send(jiraError('maxResults must be a non-negative integer.'));
    const maxResults = Math.min(requested, idsOnly ? SEARCH_PAGE_MAX_IDS : SEARCH_PAGE_MAX);
    const jql = search.jql ?? '';
    let query: JqlQuery;
    try {
      query = parseJql(jql, now);
    } catch (error) {
      if (error instanceof JqlError) return reply.code(400).send(jiraError(error.message));
      throw error;
    }
    if (query.projects.length === 0 && query.times.length === 0) {
      return reply
        .code(400)
        .send(jiraError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'));
    }
    const unknown = query.projects.flat().find((k) => !this.projects.some((p) => p.key === k || p.id === k));
    if (unknown)
      return reply.code(400).send(jiraError(`The value '${unknown}' does not exist for the field 'project'.`));
    const offset = search.token === undefined ? 0 : readPageToken(search.token, jql);
    if (offset === null) return reply.code(400).send(jiraError('The provided next page token is invalid or expired.'));

    const matching = this.select(query);
    const page = matching.slice(offset, offset + maxResults);
    const isLast = offset + page.length >= matching.length;
    const site = siteUrl(request);
    const fields = selectFields(search.fields);
    return {
      issues: page.map((issue) => this.issueJson(issue, site, fields)),
      ...(isLast ? {} : { nextPageToken: pageToken(offset + page.length, jql) }),
      isLast,
    };
  }

  private select(query: JqlQuery): JiraIssue[] {
    const projectOf = (key: string) => this.projects.find((p) => p.key === key);
    const matching = this.issues.filter(
      (issue) =>
        query.projects.every(
          (keys) => keys.includes(issue.projectKey) || keys.includes(projectOf(issue.projectKey)?.id ?? ''),
        ) && query.times.every((clause) => timeMatches(clause, issue[clause.field])),
    );
    const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'key' as const, direction: 'ASC' as const }];
    return matching.sort((a, b) => {
      for (const { field, direction } of order) {
        const diff = field === 'key' ? compareKeys(a.key, b.key) : a[field] - b[field];
        if (diff !== 0) return direction === 'ASC' ? diff : -diff;
      }
      return Number(a.id) - Number(b.id);
    });
  }

  private issueJson(issue: JiraIssue, site: string, fields: ReadonlySet<string> | null) {
    if (fields !== null && fields.size === 0) return { id: issue.id };
    const project = this.projects.find((p) => p.key === issue.projectKey);
    const all: Record<(typeof ALL_FIELDS)[number], unknown> = {
      summary: issue.summary,
      status: statusJson(issue.status, site),
      priority: {
        self: `${site}/rest/api/3/priority/${PRIORITY_IDS[issue.priority]}`,
        name: issue.priority,
        id: PRIORITY_IDS[issue.priority],
      },
      assignee: issue.assignee ? { ...userJson(issue.assignee, site), active: true, timeZone: 'UTC' } : null,
      duedate: issue.duedate,
      updated: jiraTime(issue.updated),
      created: jiraTime(issue.created),
      project: project && {
        self: `${site}/rest/api/3/project/${project.id}`,
        id: project.id,
        key: project.key,
        name: project.name,
        projectTypeKey: 'software',
        simplified: false,
        avatarUrls: avatars(site, project.id),
        projectCategory: categoryJson(project.category, site),
      },
      labels: issue.labels,
      issuetype: issueTypeJson(issue.type, site),
      resolutiondate: issue.resolved === null ? null : jiraTime(issue.resolved),
      customfield_10001: issue.team === null ? null : teamJson(issue.team),
      customfield_10015: issue.startDate,
      customfield_10050: issue.budget,
      customfield_10051: issue.actualCost,
      ...this.epicTracking(issue, site),
    };
    const selected = Object.fromEntries(Object.entries(all).filter(([name]) => fields === null || fields.has(name)));
    return {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: `${site}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
      fields: selected,
    };
  }

  /**
   * The PMO's fields on an Epic: Progress (%) kept by an automation rule from the share of
   * the project's stories done, Planned (%) from the baseline, Health (a select list) and
   * the PPM tool's project id. Other issue types leave them empty.
   */
  private epicTracking(issue: JiraIssue, site: string) {
    if (issue.type !== 'Epic') {
      return { customfield_10052: null, customfield_10053: null, customfield_10054: null, customfield_10055: null };
    }
    const stories = this.storiesOf(issue.projectKey);
    const done = stories.filter((story) => story.status === 'Done').length;
    const progress = stories.length === 0 ? 0 : Math.round((done / stories.length) * 100);
    const health = statusFor(progress, issue.plannedProgress ?? 0);
    return {
      customfield_10052: progress,
      customfield_10053: issue.plannedProgress,
      customfield_10054: {
        self: `${site}/rest/api/3/customFieldOption/${HEALTH_OPTION_IDS[health]}`,
        value: health,
        id: HEALTH_OPTION_IDS[health],
      },
      customfield_10055: issue.ppmId,
    };
  }

  private storiesOf(projectKey: string): JiraIssue[] {
    return this.issues.filter((i) => i.projectKey === projectKey && i.type === 'Story');
  }

  private transition(issue: JiraIssue, status: JiraIssue['status'], at: number): void {
    issue.status = status;
    issue.updated = at;
    issue.resolved = status === 'Done' ? at : null;
  }
}
