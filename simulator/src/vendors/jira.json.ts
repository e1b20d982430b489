import { createHash } from 'node:crypto';
import { type FastifyRequest } from 'fastify';
import {
  CATEGORY_IDS,
  STATUS_CATEGORIES,
  STATUS_IDS,
  type JiraIssue,
  type JiraProject,
  type JiraUser,
} from './jira.data';

/** Jira's JSON shapes and request helpers for the Jira routes. */
export const ALL_FIELDS = [
  'summary',
  'status',
  'priority',
  'assignee',
  'duedate',
  'updated',
  'created',
  'project',
  'labels',
  'issuetype',
  'resolutiondate',
  'customfield_10001',
  'customfield_10015',
  'customfield_10050',
  'customfield_10051',
  'customfield_10052',
  'customfield_10053',
  'customfield_10054',
  'customfield_10055',
] as const;

/** Jira's error envelope. */
export function jiraError(message: string) {
  return { errorMessages: [message], errors: {} };
}

/** Field names asked for: null = every field, empty = only the id (the enhanced search default). */
export function selectFields(requested: readonly string[]): ReadonlySet<string> | null {
  const names = requested.map((f) => f.trim()).filter(Boolean);
  if (names.some((f) => f === '*all' || f === '*navigable')) {
    const excluded = new Set(names.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
    return new Set(ALL_FIELDS.filter((f) => !excluded.has(f)));
  }
  return new Set(names.filter((f) => (ALL_FIELDS as readonly string[]).includes(f)));
}

export function pageToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: jqlHash(jql) })).toString('base64url');
}

/** The offset a token stands for, or null when it is not ours or belongs to another query. */
export function readPageToken(token: string, jql: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    return typeof parsed.o === 'number' && parsed.q === jqlHash(jql) ? parsed.o : null;
  } catch {
    return null;
  }
}

function jqlHash(jql: string): string {
  return createHash('sha1').update(jql).digest('base64url').slice(0, 10);
}

export function compareKeys(a: string, b: string): number {
  const [pa, na] = a.split('-');
  const [pb, nb] = b.split('-');
  return pa === pb ? Number(na) - Number(nb) : pa.localeCompare(pb);
}

export function intOr(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined || raw === '') return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : null;
}

export function allQueryValues(request: FastifyRequest, name: string): string[] {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

export function siteUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}/jira`;
}

export function avatars(site: string, projectId: string): Record<string, string> {
  const url = `${site}/rest/api/3/universal_avatar/view/type/project/avatar/${projectId}`;
  return { '48x48': url, '24x24': `${url}?size=small`, '16x16': `${url}?size=xsmall`, '32x32': `${url}?size=medium` };
}

export function categoryJson(category: JiraProject['category'], site: string) {
  const id = CATEGORY_IDS[category];
  return { self: `${site}/rest/api/3/projectCategory/${id}`, id, name: category, description: `${category} portfolio` };
}

export function userJson(user: JiraUser, site: string) {
  return {
    self: `${site}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    emailAddress: user.emailAddress,
    displayName: user.displayName,
    accountType: 'atlassian',
  };
}

export function statusJson(status: JiraIssue['status'], site: string) {
  const category = STATUS_CATEGORIES[status];
  return {
    self: `${site}/rest/api/3/status/${STATUS_IDS[status]}`,
    description: '',
    name: status,
    id: STATUS_IDS[status],
    statusCategory: { self: `${site}/rest/api/3/statuscategory/${category.id}`, ...category },
  };
}

export function issueTypeJson(type: JiraIssue['type'], site: string) {
  const id = { Epic: '10000', Task: '10001', Story: '10002' }[type];
  return {
    self: `${site}/rest/api/3/issuetype/${id}`,
    id,
    name: type,
    subtask: false,
    hierarchyLevel: type === 'Epic' ? 1 : 0,
  };
}
