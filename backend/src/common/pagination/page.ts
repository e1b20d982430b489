import { DEFAULT_PAGE_SIZE, type PageQuery } from '@switchyard/contracts';

export interface PageWindow {
  page: number;
  pageSize: number;
  /** Rows to skip in the query. */
  offset: number;
}

export interface PageDefaults {
  /** Page size when the client pages by `offset` and sends no `limit` (a blueprint's default). */
  offsetStyleSize?: number;
}

/**
 * Resolves page/pageSize and their limit/offset aliases into one window. When a client
 * mixes the two styles, page/pageSize win, as documented in the OpenAPI description.
 */
export function resolvePage(query: PageQuery, defaults: PageDefaults = {}): PageWindow {
  const offsetStyle = query.page === undefined && query.pageSize === undefined && query.offset !== undefined;
  const fallback =
    offsetStyle || query.limit !== undefined ? (defaults.offsetStyleSize ?? DEFAULT_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const pageSize = query.pageSize ?? query.limit ?? fallback;
  if (query.page !== undefined || query.offset === undefined) {
    const page = query.page ?? 1;
    return { page, pageSize, offset: (page - 1) * pageSize };
  }
  return { page: Math.floor(query.offset / pageSize) + 1, pageSize, offset: query.offset };
}

export function toPage<T>(
  window: PageWindow,
  items: T[],
  total: number,
): { items: T[]; page: number; pageSize: number; total: number; hasMore: boolean } {
  return { items, page: window.page, pageSize: window.pageSize, total, hasMore: window.offset + items.length < total };
}
