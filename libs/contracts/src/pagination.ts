export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;
/** Deeper than this is not browsing; it also keeps `OFFSET` far inside Postgres' bigint. */
export const MAX_PAGE = 100_000;
export const MAX_OFFSET = MAX_PAGE * MAX_PAGE_SIZE;
/** The executive dashboard blueprint's `limit` (1–1000, default 100) on `/projects`. */
export const BLUEPRINT_MAX_LIMIT = 1000;
export const BLUEPRINT_DEFAULT_LIMIT = 100;

/**
 * Query parameters every list endpoint accepts. `limit`/`offset` are aliases for
 * clients that think in offsets; when both styles are sent, `page`/`pageSize` win.
 */
export interface PageQuery {
  page?: number;
  pageSize?: number;
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** More rows follow this page (offset + items < total), as the blueprints' `meta.hasMore`. */
  hasMore: boolean;
  generatedAt: string;
}

/** An unpaged list answer (alert rules, silences, connectors, corrections). */
export interface ItemList<T> {
  items: T[];
  generatedAt: string;
}
