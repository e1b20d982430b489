import type { RateLimitHeaders } from '@switchyard/contracts';
import { parseRetryAfter, UpstreamError } from './upstream-error';

/** A page bigger than this is refused rather than buffered. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface UpstreamRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
}

export interface FetchedJson {
  payload: unknown;
  bytes: number;
  status: number;
  headers: Headers;
}

/**
 * One request to an upstream, answered as parsed JSON or a classified UpstreamError.
 * Redirects are not followed (a redirect could lead past the address policy), and the
 * body is read with a size cap instead of being buffered whole.
 */
export async function requestJson(
  request: UpstreamRequest,
  vendor: string,
  signal: AbortSignal,
  now: () => Date,
  rateLimit: RateLimitHeaders = {},
): Promise<FetchedJson> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw UpstreamError.unreachable(vendor, cause);
  }
  if (response.status < 200 || response.status > 299) {
    const said = (await errorSnippet(response)) ?? errorHeader(response.headers);
    const wait = retryAfterOf(response.headers, now(), rateLimit);
    // A vendor that throttles with another status (BambooHR: 503 + Retry-After) is rate limiting too.
    const slowDown = wait !== undefined && (rateLimit.statuses ?? []).includes(response.status);
    throw UpstreamError.fromStatus(vendor, response.status, wait, said, slowDown);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_PAGE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw UpstreamError.malformed(vendor, `a page of ${declared} bytes is over the ${MAX_PAGE_BYTES} byte limit`);
  }
  const text = await readCapped(response, vendor);
  const bytes = Buffer.byteLength(text);
  try {
    return { payload: JSON.parse(text) as unknown, bytes, status: response.status, headers: response.headers };
  } catch (error) {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw UpstreamError.malformed(vendor, `${type}: ${error instanceof Error ? error.message : 'parse error'}`);
  }
}

async function readCapped(response: Response, vendor: string): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_PAGE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw UpstreamError.malformed(vendor, `the page grew past the ${MAX_PAGE_BYTES} byte limit`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** The first few hundred characters of an error answer, on one line, for the plain cause. */
async function errorSnippet(response: Response): Promise<string | undefined> {
  try {
    const text = (await response.text()).replace(/\s+/g, ' ').trim();
    return text === '' ? undefined : text.length > 300 ? `${text.slice(0, 297)}…` : text;
  } catch {
    return undefined;
  }
}

/** Vendors that answer errors without a body name the cause in a header (BambooHR: X-BambooHR-Error-Message). */
function errorHeader(headers: Headers): string | undefined {
  for (const [name, value] of headers) {
    if (/^x-[a-z0-9-]*error-message$/i.test(name) && value.trim() !== '') return value.trim().slice(0, 300);
  }
  return undefined;
}

/**
 * Seconds to wait before asking again: `Retry-After` first, else a rate-limit window
 * that is used up (`remaining` 0) and its `reset` header, in the vendor's format.
 */
export function retryAfterOf(headers: Headers, now: Date, names: RateLimitHeaders): number | undefined {
  const retryAfter = parseRetryAfter(headers.get(names.retryAfter ?? 'retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  const remaining = headers.get(names.remaining ?? 'x-ratelimit-remaining');
  const reset = headers.get(names.reset ?? 'x-ratelimit-reset');
  if (remaining === null || Number(remaining) > 0 || reset === null) return undefined;
  const value = Number(reset);
  const format = names.resetFormat ?? (value > 1e12 ? 'epoch-ms' : value > 1e9 ? 'epoch-seconds' : 'delta-seconds');
  switch (format) {
    case 'delta-seconds':
      return Number.isFinite(value) ? Math.max(0, Math.ceil(value)) : undefined;
    case 'epoch-seconds':
      return Number.isFinite(value) ? Math.max(0, Math.ceil(value - now.getTime() / 1000)) : undefined;
    case 'epoch-ms':
      return Number.isFinite(value) ? Math.max(0, Math.ceil((value - now.getTime()) / 1000)) : undefined;
    case 'http-date':
      return parseRetryAfter(reset, now);
  }
}
