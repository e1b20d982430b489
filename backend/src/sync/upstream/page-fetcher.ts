import type { Pagination, SourceRequest } from '@switchyard/contracts';
import { createHash } from 'node:crypto';
import { readPath } from '../normalize/normalizer';
import { getJson } from './upstream-client';
import type { RequestPolicy } from './request-policy';
import { UpstreamError } from './upstream-error';

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
}

export interface FetchPlan {
  vendor: string;
  request: SourceRequest;
  headers: () => Promise<Record<string, string>>;
  /** Incremental cursor to send, or null for a full fetch. */
  cursor: string | null;
  policy: RequestPolicy;
  now: () => Date;
  /** Called after each page, e.g. to extend the run's lease. */
  onPage?: (page: FetchedPage) => Promise<void>;
}

/** Follows the source's pagination and fetches every page through the request policy. */
export async function fetchAllPages(plan: FetchPlan): Promise<FetchResult> {
  const { request } = plan;
  const pagination = request.pagination;
  const maxPages = pagination.type === 'none' ? 1 : pagination.maxPages;
  const pages: FetchedPage[] = [];
  let cursor: string | null = null;
  for (let index = 0; index < maxPages; index += 1) {
    const url = pageUrl(request, pagination, index, cursor, plan.cursor);
    const headers = await plan.headers();
    const { payload, bytes } = await plan.policy.execute((signal) =>
      getJson(url, headers, plan.vendor, signal, plan.now),
    );
    if (typeof payload !== 'object' || payload === null) {
      throw UpstreamError.schemaMismatch(plan.vendor, 'expected a JSON object or array');
    }
    const itemCount = pagination.type === 'none' ? 0 : countItems(plan.vendor, payload, pagination.itemsPath);
    const page: FetchedPage = {
      page: index + 1,
      requestUrl: url.toString(),
      payload,
      bytes,
      contentHash: contentHash(payload, request.volatileFields),
      itemCount,
    };
    pages.push(page);
    await plan.onPage?.(page);
    if (pagination.type === 'none') return { pages, truncated: false };
    if (pagination.type === 'cursor') {
      const next = readPath(payload, pagination.nextCursorPath);
      if (typeof next !== 'string' || next.length === 0) return { pages, truncated: false };
      cursor = next;
    } else if (itemCount < pagination.pageSize) {
      return { pages, truncated: false };
    }
  }
  return { pages, truncated: true };
}

function pageUrl(
  request: SourceRequest,
  pagination: Pagination,
  index: number,
  pageCursor: string | null,
  syncCursor: string | null,
): URL {
  const url = new URL(request.url);
  if (request.incremental && syncCursor) url.searchParams.set(request.incremental.param, syncCursor);
  switch (pagination.type) {
    case 'none':
      break;
    case 'page':
      url.searchParams.set(pagination.pageParam, String(index + 1));
      url.searchParams.set(pagination.sizeParam, String(pagination.pageSize));
      break;
    case 'offset':
      url.searchParams.set(pagination.offsetParam, String(index * pagination.pageSize));
      url.searchParams.set(pagination.limitParam, String(pagination.pageSize));
      break;
    case 'cursor':
      url.searchParams.set(pagination.limitParam, String(pagination.pageSize));
      if (pageCursor) url.searchParams.set(pagination.cursorParam, pageCursor);
      break;
  }
  return url;
}

function countItems(vendor: string, payload: object, itemsPath: string): number {
  const items = readPath(payload, itemsPath);
  if (!Array.isArray(items)) throw UpstreamError.schemaMismatch(vendor, `expected an array at "${itemsPath}"`);
  return items.length;
}

/** SHA-256 of the page without the fields that change on every call. */
export function contentHash(payload: object, volatileFields: string[]): string {
  let hashed: unknown = payload;
  if (volatileFields.length > 0 && !Array.isArray(payload)) {
    hashed = Object.fromEntries(Object.entries(payload).filter(([key]) => !volatileFields.includes(key)));
  }
  return createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
}
