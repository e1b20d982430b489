import { createHash } from 'node:crypto';
import { type FastifyRequest } from 'fastify';
import { queryValue } from '../http';
import { googleError } from './google-oauth';

/** events.list query parameters, their checks, and the opaque page and sync tokens. */
const DEFAULT_PAGE = 250;
const MAX_PAGE = 2500;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export interface ListParams {
  singleEvents: boolean;
  showDeleted: boolean;
  orderBy: 'startTime' | 'updated' | null;
  timeMin: number | null;
  timeMax: number | null;
  maxResults: number;
  syncToken: string | null;
  pageToken: string | null;
}

export interface Item {
  json: Record<string, unknown>;
  startsAt: number;
  updated: number;
}

export class GoogleError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('google error');
  }
}

export function readParams(request: FastifyRequest): ListParams {
  const flag = (name: string) => {
    const raw = queryValue(request, name);
    if (raw === undefined || raw === '') return false;
    if (raw !== 'true' && raw !== 'false') throw invalid(`Invalid boolean value for ${name}: ${raw}`, name);
    return raw === 'true';
  };
  const time = (name: string) => {
    const raw = queryValue(request, name);
    if (raw === undefined || raw === '') return null;
    if (!RFC3339.test(raw) || Number.isNaN(Date.parse(raw))) throw invalid('Bad Request', name);
    return Date.parse(raw);
  };
  const rawMax = queryValue(request, 'maxResults');
  if (rawMax !== undefined && !/^\d+$/.test(rawMax))
    throw invalid(`Invalid value for maxResults: ${rawMax}`, 'maxResults');
  const orderBy = queryValue(request, 'orderBy') ?? null;
  if (orderBy !== null && orderBy !== 'startTime' && orderBy !== 'updated')
    throw invalid(`Invalid value for orderBy: ${orderBy}`, 'orderBy');
  const params: ListParams = {
    singleEvents: flag('singleEvents'),
    showDeleted: flag('showDeleted'),
    orderBy,
    timeMin: time('timeMin'),
    timeMax: time('timeMax'),
    maxResults: Math.min(Math.max(Number(rawMax ?? DEFAULT_PAGE), 1), MAX_PAGE),
    syncToken: queryValue(request, 'syncToken') || null,
    pageToken: queryValue(request, 'pageToken') || null,
  };
  checkCombination(params);
  return params;
}

function checkCombination(params: ListParams): void {
  if (params.orderBy === 'startTime' && !params.singleEvents) {
    throw invalid('The requested ordering is not available for the particular query.', 'orderBy');
  }
  if (params.syncToken !== null && (params.timeMin !== null || params.timeMax !== null || params.orderBy !== null)) {
    throw invalid('Sync token cannot be used with other request restrictions.', 'syncToken');
  }
  if (params.timeMin !== null && params.timeMax !== null && params.timeMax <= params.timeMin) {
    throw new GoogleError(
      400,
      googleError(400, 'The specified time range is empty.', {
        domain: 'calendar',
        reason: 'timeRangeEmpty',
        location: 'timeMax',
        locationType: 'parameter',
      }),
    );
  }
}

export function invalid(message: string, location: string): GoogleError {
  return new GoogleError(
    400,
    googleError(400, message, { domain: 'global', reason: 'invalid', location, locationType: 'parameter' }),
  );
}

export function sortItems(items: Item[], orderBy: ListParams['orderBy']): void {
  const id = (item: Item) => String(item.json['id']);
  items.sort((a, b) => {
    const diff = orderBy === 'startTime' ? a.startsAt - b.startsAt : orderBy === 'updated' ? a.updated - b.updated : 0;
    return diff !== 0 ? diff : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
  });
}

export function etag(updated: number, sequence: number): string {
  return `"${updated * 10 + (sequence % 10)}"`;
}

/** A page token belongs to one query and pins the change sequence its first page saw. */
export function queryKey(params: ListParams): string {
  const { singleEvents, showDeleted, orderBy, timeMin, timeMax, syncToken } = params;
  const key = JSON.stringify([singleEvents, showDeleted, orderBy, timeMin, timeMax, syncToken]);
  return createHash('sha1').update(key).digest('base64url').slice(0, 12);
}

export function pageToken(offset: number, seq: number, key: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: seq, k: key })).toString('base64url');
}

export function readPageToken(token: string, key: string): { offset: number; seq: number } {
  const parsed = decode(token);
  if (typeof parsed?.['o'] !== 'number' || typeof parsed['s'] !== 'number' || parsed['k'] !== key) {
    throw invalid('Invalid page token value.', 'pageToken');
  }
  return { offset: parsed['o'], seq: parsed['s'] };
}

export function syncToken(seq: number, epoch: number): string {
  return Buffer.from(JSON.stringify({ s: seq, e: epoch })).toString('base64url');
}

export function readSyncToken(token: string): { seq: number; epoch: number } {
  const parsed = decode(token);
  if (typeof parsed?.['s'] !== 'number' || typeof parsed['e'] !== 'number')
    throw invalid('Invalid sync token value.', 'syncToken');
  return { seq: parsed['s'], epoch: parsed['e'] };
}

function decode(token: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
