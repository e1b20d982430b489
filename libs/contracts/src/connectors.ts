import type { RecordType } from './records';
import type { SourceDomain } from './sources';

/**
 * A connector describes, as data, how to talk to one kind of system: where it lives, how
 * it authenticates, which streams it offers and how each record maps onto a Switchyard
 * record schema. Strings marked "template" may use `{{ … }}` placeholders (docs/connectors.md).
 */
export const CONNECTOR_AUTH_TYPES = [
  'none',
  'basic',
  'bearer',
  'api-keys',
  'oauth2-client-credentials',
  'oauth2-refresh-token',
  'jwt-bearer',
] as const;
export type ConnectorAuthType = (typeof CONNECTOR_AUTH_TYPES)[number];

export interface ApiKeyPlacement {
  in: 'header' | 'query';
  name: string;
  /** Template, e.g. `{{credential.secret}}` or `{{credential.fields.webKey}}`. */
  value: string;
}

export type ConnectorAuth =
  | { type: 'none' }
  /** HTTP Basic; username defaults to the credential's client id, password to its secret. */
  | { type: 'basic'; username?: string; password?: string }
  | { type: 'bearer'; token?: string }
  | { type: 'api-keys'; keys: ApiKeyPlacement[] }
  | { type: 'oauth2-client-credentials'; tokenUrl: string; scope?: string; clientAuth?: 'basic' | 'body' }
  /** The refresh token is the credential's `fields.refreshToken`; a rotated one is sealed and stored. */
  | { type: 'oauth2-refresh-token'; tokenUrl: string; scope?: string; clientAuth?: 'basic' | 'body' }
  /** RFC 7523 JWT bearer grant signed (RS256) with a service-account key held as the credential's secret. */
  | { type: 'jwt-bearer'; tokenUrl?: string; scope: string; subject?: string };

export type PaginationDefinition =
  | { type: 'none' }
  | {
      type: 'page';
      pageParam: string;
      sizeParam?: string;
      pageSize: number;
      firstPage?: number;
      /** Path to a boolean that says this page is the last (e.g. `isLast`). */
      lastPagePath?: string;
      maxPages?: number;
    }
  | {
      type: 'offset';
      offsetParam: string;
      limitParam: string;
      pageSize: number;
      /** Path to the total number of records, when the upstream gives one. */
      totalPath?: string;
      lastPagePath?: string;
      maxPages?: number;
    }
  /** A token or cursor in the body names the next page (`nextPageToken`, `meta.next_cursor`). */
  | {
      type: 'cursor';
      cursorParam: string;
      cursorPath: string;
      sizeParam?: string;
      pageSize?: number;
      maxPages?: number;
    }
  /** The body carries the next page's full URL. */
  | { type: 'next-url'; nextUrlPath: string; maxPages?: number }
  /** RFC 8288 `Link: <…>; rel="next"` header. */
  | { type: 'link-header'; sizeParam?: string; pageSize?: number; maxPages?: number };
export type PaginationType = PaginationDefinition['type'];

export type IncrementalDefinition =
  /**
   * The newest value of `cursorField` (a mapped field, default the record's updatedAt)
   * becomes the cursor; when there is one, `query` is merged over the stream's query.
   */
  | { type: 'cursor'; cursorField?: string; query: Record<string, string>; lookbackSeconds?: number }
  /** A vendor sync token taken from the last page; an expired token (e.g. 410) means a full resync. */
  | { type: 'sync-token'; tokenPath: string; param: string; expiredStatuses?: number[] };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type FieldTransform =
  | { type: 'string' }
  | { type: 'number' }
  | { type: 'integer' }
  | { type: 'boolean' }
  | { type: 'trim' }
  | { type: 'lowercase' }
  | { type: 'uppercase' }
  /** An empty or blank string becomes null (vendors that send "" for an unset field). */
  | { type: 'empty-to-null' }
  /** Parses a date-time: ISO 8601, `sql` ("YYYY-MM-DD HH:mm:ss", in `timeZone`, default UTC), epoch seconds or ms. */
  | { type: 'date-time'; format?: 'iso' | 'sql' | 'epoch-seconds' | 'epoch-ms'; timeZone?: string }
  /** Keeps the calendar date (YYYY-MM-DD) of a date or date-time. */
  | { type: 'date' }
  /**
   * Wall-clock time of an instant in a time zone (YYYY-MM-DDTHH:mm:ss); a plain date is its
   * midnight. `timeZoneFrom`: paths (`start.timeZone`, `$page.timeZone`) whose first non-empty
   * value is the zone, `timeZone` when none has one.
   */
  | { type: 'local-date-time'; timeZone: string; timeZoneFrom?: string[] }
  /**
   * Value by text from `map`; an unmapped value becomes `default`, stays as it is with
   * `keepUnmapped` (a number beside a few mapped codes), or is an error.
   */
  | { type: 'enum'; map: Record<string, JsonValue>; default?: JsonValue; keepUnmapped?: boolean }
  | { type: 'scale'; factor: number }
  /** Template over the value (`{{value}}`) and the record (`{{record.path}}`). */
  | { type: 'template'; template: string }
  /** Finds the item of a list whose `match` field equals `equals`, and takes its `take` field. */
  | { type: 'lookup'; match: string; equals: string; take: string }
  /** Number of items in a list (optionally only those whose `match` field equals `equals`). */
  | { type: 'count'; match?: string; equals?: string }
  | { type: 'first' }
  /**
   * Text after `prefix` (`RRULE:FREQ=…` → `FREQ=…`), null when the text does not start with it;
   * in a list, the first item that starts with it.
   */
  | { type: 'strip-prefix'; prefix: string };
export type FieldTransformType = FieldTransform['type'];

/** A condition on one record: the value at `path`, as text, is `equals` or one of `in`. */
export interface RecordFilter {
  path: string;
  equals?: string;
  in?: string[];
}

/**
 * How a grouped record mapping (`groupBy`) reduces the records of one group to one value:
 * `count` (records, or those matching `filter`), `count-distinct`, `sum`, `min`, `max` of
 * `path`, or `first`, the first non-empty value of `path` (in the order the upstream gave).
 */
export const FIELD_AGGREGATES = ['count', 'count-distinct', 'sum', 'min', 'max', 'first'] as const;
export type FieldAggregate = (typeof FIELD_AGGREGATES)[number];

/** A path (shorthand), or how to build the value from paths, constants and templates. */
export type FieldMapping =
  | string
  | {
      /** Only in a mapping with `groupBy`: reduce the group's records (see FIELD_AGGREGATES). */
      aggregate?: FieldAggregate;
      /** With `aggregate`: only the group's records that match. */
      filter?: RecordFilter;
      path?: string;
      /** Values of several paths joined with `separator` (default a space); empty parts left out. */
      concat?: string[];
      /** The first of several paths whose value is not missing, null or empty. */
      coalesce?: string[];
      separator?: string;
      const?: JsonValue;
      template?: string;
      transforms?: FieldTransform[];
      /** Used when the result is missing or null. */
      default?: JsonValue;
    };

export interface RecordMapping {
  target: RecordType;
  /**
   * Where the records sit in a page: `` (the page is the list), `data`, `data.result`,
   * `items[*]`, or nested lists such as `departments[*].teams[*]` (then `$parent.…` reads
   * the enclosing record).
   */
  selector: string;
  /** The record's stable id upstream. */
  primaryKey: FieldMapping;
  /** When the record last changed upstream; feeds freshness and the incremental cursor. */
  updatedAt?: FieldMapping;
  /** Only the selected records that match are mapped; the others are left out without error. */
  filter?: RecordFilter;
  /**
   * Rows are groups, not records: the records of a page with the same key (a path or
   * template; records whose key is empty are left out) become one row. Field mappings with
   * `aggregate` reduce the group; the others read its first record.
   */
  groupBy?: FieldMapping;
  fields: Record<string, FieldMapping>;
}

export interface StreamRequest {
  method?: 'GET' | 'POST';
  /** Template, relative to the connector's base URL. */
  path: string;
  /** Templates; a parameter whose value renders empty is left out. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** JSON body for POST searches; string leaves are templates. */
  body?: JsonValue;
}

export interface StreamDefinition {
  name: string;
  label?: string;
  description?: string;
  domain: SourceDomain;
  request: StreamRequest;
  pagination?: PaginationDefinition;
  incremental?: IncrementalDefinition;
  /** Top-level response fields that change on every call, left out of the content hash. */
  volatileFields?: string[];
  records: RecordMapping[];
}

export interface ConnectorConfigField {
  name: string;
  label: string;
  required?: boolean;
  default?: string;
  description?: string;
}

export interface RateLimitHeaders {
  /** Seconds to wait, or an HTTP date (default `retry-after`). */
  retryAfter?: string;
  remaining?: string;
  reset?: string;
  resetFormat?: 'epoch-seconds' | 'delta-seconds' | 'epoch-ms' | 'http-date';
  /**
   * Further HTTP statuses that mean "slow down" when they carry a wait (`Retry-After` or an
   * exhausted window), e.g. BambooHR's 503; 429 always does.
   */
  statuses?: number[];
}

export interface ConnectorDefinitionInput {
  id: string;
  name: string;
  description?: string;
  documentationUrl?: string;
  /** Template, e.g. `https://{{config.domain}}.atlassian.net`. */
  baseUrl: string;
  config?: ConnectorConfigField[];
  auth: ConnectorAuth;
  /** Sent with every request (templates). */
  headers?: Record<string, string>;
  rateLimit?: RateLimitHeaders;
  streams: StreamDefinition[];
}

export interface ConnectorDefinition extends ConnectorDefinitionInput {
  builtIn: boolean;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
}

/** One line per connector in a list. */
export interface ConnectorSummary {
  id: string;
  name: string;
  description: string | null;
  documentationUrl: string | null;
  builtIn: boolean;
  version: number;
  authType: ConnectorAuthType;
  streams: Array<{ name: string; label: string; domain: SourceDomain; targets: RecordType[] }>;
}

/** What a draft source (or a draft connector plus source) is tested with; nothing is stored. */
export interface SourceTrialInput {
  source: unknown;
  /** A draft connector definition to try instead of a saved one (the connector editor). */
  connector?: unknown;
  /** Preview: how many mapped records to answer (default 20, at most 200). */
  limit?: number;
}

export interface SourceTestResult {
  ok: boolean;
  connectorId: string;
  stream: string;
  requestUrl: string;
  status: number | null;
  durationMs: number;
  /** Records the first page held. */
  recordCount: number;
  hasMorePages: boolean;
  error: { code: string; category: string; message: string; upstreamStatus: number | null } | null;
}

export interface PreviewFieldError {
  record: number;
  externalId: string | null;
  target: RecordType;
  field: string;
  message: string;
}

export interface SourcePreviewResult extends SourceTestResult {
  records: Array<{ target: RecordType; externalId: string; updatedAt: string | null; values: Record<string, unknown> }>;
  fieldErrors: PreviewFieldError[];
}
