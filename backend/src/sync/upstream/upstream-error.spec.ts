import { parseRetryAfter, UpstreamError } from './upstream-error';

describe('UpstreamError', () => {
  it.each([
    [429, 'UPSTREAM_RATE_LIMITED', 'rate_limit', true, false],
    [401, 'UPSTREAM_AUTH_FAILED', 'auth', false, false],
    [403, 'UPSTREAM_AUTH_FAILED', 'auth', false, false],
    [503, 'UPSTREAM_SERVER_ERROR', 'upstream_error', true, true],
    [500, 'UPSTREAM_SERVER_ERROR', 'upstream_error', true, true],
    [404, 'UPSTREAM_CLIENT_ERROR', 'configuration', false, false],
  ])('classifies HTTP %i', (status, code, category, retryable, breaker) => {
    const error = UpstreamError.fromStatus('pm', status, undefined);
    expect([error.code, error.category, error.retryable, error.countsForBreaker]).toEqual([
      code,
      category,
      retryable,
      breaker,
    ]);
  });

  it('treats another status the connector declared as a rate limit, keeping the real status', () => {
    const error = UpstreamError.fromStatus('bamboohr', 503, 9, undefined, true);
    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 9, status: 503 });
  });

  it('keeps the Retry-After delay of a 429 and defaults it when missing', () => {
    expect(UpstreamError.fromStatus('crm', 429, 7).retryAfterSeconds).toBe(7);
    expect(UpstreamError.fromStatus('crm', 429, undefined).retryAfterSeconds).toBe(60);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  it('reads delay-seconds', () => expect(parseRetryAfter('30', now)).toBe(30));
  it('reads an HTTP date', () => expect(parseRetryAfter('Thu, 26 Nov 2026 10:01:00 GMT', now)).toBe(60));
  it('ignores garbage', () => expect(parseRetryAfter('soon', now)).toBeUndefined());
  it('ignores a missing header', () => expect(parseRetryAfter(null, now)).toBeUndefined());
});
