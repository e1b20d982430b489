import { parseRetryAfter, UpstreamError } from './upstream-error';

/** A page bigger than this is refused rather than buffered. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface FetchedJson {
  payload: unknown;
  bytes: number;
  status: number;
}

/**
 * One GET to an upstream, answered as parsed JSON or a classified UpstreamError.
 * Redirects are not followed: a redirect could lead past the address policy.
 */
export async function getJson(
  url: URL,
  headers: Record<string, string>,
  vendor: string,
  signal: AbortSignal,
  now: () => Date,
): Promise<FetchedJson> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...headers }, redirect: 'manual', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw UpstreamError.unreachable(vendor, cause);
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw UpstreamError.fromStatus(
      vendor,
      response.status,
      parseRetryAfter(response.headers.get('retry-after'), now()),
    );
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_PAGE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw UpstreamError.malformed(vendor, `page of ${declared} bytes is over the ${MAX_PAGE_BYTES} byte limit`);
  }
  const text = await response.text();
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_PAGE_BYTES) throw UpstreamError.malformed(vendor, `page of ${bytes} bytes is over the limit`);
  try {
    return { payload: JSON.parse(text) as unknown, bytes, status: response.status };
  } catch (error) {
    throw UpstreamError.malformed(vendor, error instanceof Error ? error.message : 'parse error');
  }
}
