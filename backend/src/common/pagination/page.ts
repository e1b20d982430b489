import { DEFAULT_PAGE_SIZE, type PageQuery } from '@switchyard/contracts';

export interface PageWindow {
  page: number;
  pageSize: number;
  /** Rows to skip in the query. */
  offset: number;
}

/**
 * Resolves page/pageSize and their limit/offset aliases into one window. When a client
 * mixes the two styles, page/pageSize win, as documented in the OpenAPI description.
 */
export function resolvePage(query: PageQuery): PageWindow {
  const pageSize = query.pageSize ?? query.limit ?? DEFAULT_PAGE_SIZE;
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
): { items: T[]; page: number; pageSize: number; total: number } {
  return { items, page: window.page, pageSize: window.pageSize, total };
}
