import type { ConnectorDefinitionInput, JsonValue, StreamDefinition } from '@switchyard/contracts';
import { createHash } from 'node:crypto';
import { readPath, render, renderValue, selectRecords, type TemplateVars } from '../../connectors';
import type { AuthMaterial } from './upstream-auth';
import type { RequestPolicy } from './request-policy';
import { requestJson, type FetchedJson } from './upstream-client';
import { UpstreamError } from './upstream-error';

/** Pages one run may fetch when the stream sets no limit. */
const DEFAULT_MAX_PAGES = 1000;

export interface FetchedPage {
  page: number;
  requestUrl: string;
  payload: object;
  bytes: number;
  contentHash: string;
  itemCount: number;
}

export interface FetchResult {
  pages: FetchedPage[];
  /** The upstream had more pages than `maxPages` allowed. */
  truncated: boolean;
  /** A vendor sync token from the last page (sync-token streams), to send next time. */
  nextSyncToken: string | null;
}

export interface FetchPlan {
  vendor: string;
  connector: Pick<ConnectorDefinitionInput, 'baseUrl' | 'rateLimit'>;
  stream: StreamDefinition;
  config: Record<string, string>;
  source: { id: string; tenant: string | null };
  auth: () => Promise<AuthMaterial>;
  /** Incremental cursor or sync token to send, or null for a full fetch. */
  cursor: string | null;
  policy: RequestPolicy;
  now: () => Date;
  /** Refuses URLs (a next-page link) the address policy does not allow. */
  checkUrl: (url: string) => Promise<void>;
  /** Fewer pages than the stream allows (a connection test reads one). */
  maxPages?: number;
  /** Called after each page, e.g. to extend the run's lease. */
  onPage?: (page: FetchedPage) => Promise<void>;
}

/** The stored sync token was refused as expired (e.g. Google's 410): the run starts over in full. */
export class SyncTokenExpiredError extends Error {}

interface PageState {
  index: number;
  nextUrl: URL | null;
  token: string | null;
}

/** Follows the stream's pagination and fetches every page through the request policy. */
export async function fetchAllPages(plan: FetchPlan): Promise<FetchResult> {
  const pagination = plan.stream.pagination ?? { type: 'none' as const };
  const maxPages = Math.min(
    plan.maxPages ?? Infinity,
    // A paginated stream that names no limit gets the default (not one page: `maxPages` is optional).
    pagination.type === 'none' ? 1 : (pagination.maxPages ?? DEFAULT_MAX_PAGES),
  );
  const pages: FetchedPage[] = [];
  const seen = new Set<string>();
  const state: PageState = { index: 0, nextUrl: null, token: null };
  for (; state.index < maxPages; state.index += 1) {
    const auth = await plan.auth();
    const url = state.nextUrl ?? firstUrl(plan, state, auth);
    // Every URL passes the address policy, a next-page link (which may name any host) too.
    await plan.checkUrl(url.toString());
    if (state.nextUrl) for (const [name, value] of Object.entries(auth.query)) url.searchParams.set(name, value);
    const answer = await fetchPage(plan, url, auth);
    if (typeof answer.payload !== 'object' || answer.payload === null) {
      throw UpstreamError.schemaMismatch(plan.vendor, 'expected a JSON object or array');
    }
    const itemCount = countRecords(plan, answer.payload);
    const page: FetchedPage = {
      page: state.index + 1,
      requestUrl: redactUrl(url, auth),
      payload: answer.payload,
      bytes: answer.bytes,
      contentHash: contentHash(answer.payload, plan.stream.volatileFields ?? []),
      itemCount,
    };
    pages.push(page);
    await plan.onPage?.(page);
    const next = nextPage(plan, pagination, answer, url, itemCount, state);
    if (next === null) return { pages, truncated: false, nextSyncToken: syncToken(plan, answer.payload) };
    if (seen.has(next)) {
      throw UpstreamError.schemaMismatch(
        plan.vendor,
        `page ${state.index + 1} pointed at a next page already fetched (${next.slice(0, 120)}); the pagination loops`,
      );
    }
    seen.add(next);
  }
  return { pages, truncated: true, nextSyncToken: null };
}

async function fetchPage(plan: FetchPlan, url: URL, auth: AuthMaterial): Promise<FetchedJson> {
  const request = plan.stream.request;
  const vars = templateVars(plan);
  const headers: Record<string, string> = {};
  // The connector's own headers come with the auth material (they may hold a credential's field).
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = render(value, vars);
  }
  const body = request.body === undefined ? undefined : renderBody(request.body, vars);
  try {
    return await plan.policy.execute((signal) =>
      requestJson(
        { url, method: request.method ?? 'GET', headers: { ...headers, ...auth.headers }, body },
        plan.vendor,
        signal,
        plan.now,
        plan.connector.rateLimit,
      ),
    );
  } catch (error) {
    const incremental = plan.stream.incremental;
    if (
      incremental?.type === 'sync-token' &&
      plan.cursor &&
      error instanceof UpstreamError &&
      (incremental.expiredStatuses ?? [410]).includes(error.status ?? 0)
    ) {
      throw new SyncTokenExpiredError(`${plan.vendor} says the sync token expired (HTTP ${error.status})`);
    }
    throw error;
  }
}

function templateVars(plan: FetchPlan): TemplateVars {
  const now = plan.now();
  const incremental = plan.stream.incremental;
  const lookback = incremental?.type === 'cursor' ? (incremental.lookbackSeconds ?? 86_400) : 86_400;
  return {
    config: plan.config,
    source: plan.source,
    cursor: plan.cursor,
    now,
    since: plan.cursor ?? new Date(now.getTime() - lookback * 1000).toISOString(),
  };
}

function firstUrl(plan: FetchPlan, state: PageState, auth: AuthMaterial): URL {
  const vars = templateVars(plan);
  const url = new URL(`${render(plan.connector.baseUrl, vars)}${render(plan.stream.request.path, vars)}`);
  const incremental = plan.stream.incremental;
  const query = {
    ...plan.stream.request.query,
    ...(incremental?.type === 'cursor' && plan.cursor ? incremental.query : {}),
  };
  for (const [name, template] of Object.entries(query)) {
    const value = render(template, vars);
    if (value !== '') url.searchParams.set(name, value);
  }
  if (incremental?.type === 'sync-token' && plan.cursor) url.searchParams.set(incremental.param, plan.cursor);
  const pagination = plan.stream.pagination ?? { type: 'none' };
  switch (pagination.type) {
    case 'page':
      url.searchParams.set(pagination.pageParam, String((pagination.firstPage ?? 1) + state.index));
      if (pagination.sizeParam) url.searchParams.set(pagination.sizeParam, String(pagination.pageSize));
      break;
    case 'offset':
      url.searchParams.set(pagination.offsetParam, String(state.index * pagination.pageSize));
      url.searchParams.set(pagination.limitParam, String(pagination.pageSize));
      break;
    case 'cursor':
      if (pagination.sizeParam && pagination.pageSize) {
        url.searchParams.set(pagination.sizeParam, String(pagination.pageSize));
      }
      if (state.token) url.searchParams.set(pagination.cursorParam, state.token);
      break;
    case 'link-header':
      if (pagination.sizeParam && pagination.pageSize) {
        url.searchParams.set(pagination.sizeParam, String(pagination.pageSize));
      }
      break;
    case 'none':
    case 'next-url':
      break;
  }
  for (const [name, value] of Object.entries(auth.query)) url.searchParams.set(name, value);
  return url;
}

/** The next page's identity (URL or token), or null on the last page. Moves `state` to it. */
function nextPage(
  plan: FetchPlan,
  pagination: NonNullable<StreamDefinition['pagination']>,
  answer: FetchedJson,
  url: URL,
  itemCount: number,
  state: PageState,
): string | null {
  const payload = answer.payload;
  const isLast = (path?: string) => path !== undefined && readPath(payload, path) === true;
  switch (pagination.type) {
    case 'none':
      return null;
    case 'page':
      if (itemCount === 0 || itemCount < pagination.pageSize || isLast(pagination.lastPagePath)) return null;
      return `page:${state.index + 1}`;
    case 'offset': {
      const total = pagination.totalPath ? Number(readPath(payload, pagination.totalPath)) : NaN;
      const reached = Number.isFinite(total) && (state.index + 1) * pagination.pageSize >= total;
      if (itemCount === 0 || itemCount < pagination.pageSize || reached || isLast(pagination.lastPagePath)) return null;
      return `offset:${state.index + 1}`;
    }
    case 'cursor': {
      const token = readPath(payload, pagination.cursorPath);
      if ((typeof token !== 'string' && typeof token !== 'number') || token === '') return null;
      state.token = String(token);
      return `token:${state.token}`;
    }
    case 'next-url': {
      const next = readPath(payload, pagination.nextUrlPath);
      if (typeof next !== 'string' || next === '') return null;
      state.nextUrl = new URL(next, url);
      return state.nextUrl.toString();
    }
    case 'link-header': {
      const next = nextLink(answer.headers.get('link'));
      if (!next) return null;
      state.nextUrl = new URL(next, url);
      return state.nextUrl.toString();
    }
  }
}

/** The `rel="next"` target of an RFC 8288 Link header. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>(.*)/.exec(part.trim());
    if (match && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?(;|$)/i.test(match[2])) return match[1];
  }
  return null;
}

function countRecords(plan: FetchPlan, payload: object): number {
  const first = plan.stream.records[0];
  const selected = selectRecords(payload, first.selector);
  if (selected === null) {
    throw UpstreamError.schemaMismatch(
      plan.vendor,
      `the record selector "${first.selector || '(the page itself)'}" found no list in the response`,
    );
  }
  return selected.length;
}

function syncToken(plan: FetchPlan, payload: object): string | null {
  const incremental = plan.stream.incremental;
  if (incremental?.type !== 'sync-token') return null;
  const token = readPath(payload, incremental.tokenPath);
  return typeof token === 'string' && token !== '' ? token : null;
}

function renderBody(body: JsonValue, vars: TemplateVars): unknown {
  if (typeof body === 'string') return renderValue(body, vars);
  if (Array.isArray(body)) return body.map((item) => renderBody(item, vars));
  if (body && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, renderBody(value, vars)]));
  }
  return body;
}

/** The request URL as stored and shown: API keys in the query are masked. */
function redactUrl(url: URL, auth: AuthMaterial): string {
  const copy = new URL(url);
  for (const name of Object.keys(auth.query)) if (copy.searchParams.has(name)) copy.searchParams.set(name, '***');
  return copy.toString();
}

/** SHA-256 of the page without the fields that change on every call. */
export function contentHash(payload: object, volatileFields: string[]): string {
  let hashed: unknown = payload;
  if (volatileFields.length > 0 && !Array.isArray(payload)) {
    hashed = Object.fromEntries(Object.entries(payload).filter(([key]) => !volatileFields.includes(key)));
  }
  return createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
}
