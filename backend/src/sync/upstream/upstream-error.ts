import type { SyncErrorCategory, SyncErrorCode } from '@switchyard/contracts';

interface UpstreamErrorShape {
  code: SyncErrorCode;
  category: SyncErrorCategory;
  retryable: boolean;
  /** Whether the failure says the upstream is unhealthy (and so counts towards opening the breaker). */
  countsForBreaker: boolean;
  retryAfterSeconds?: number;
  status?: number;
  /** The upstream's own words (the start of its error body), kept apart from the plain cause. */
  said?: string;
}

/** A failed exchange with an upstream, classified once so runs, metrics and the API agree. */
export class UpstreamError extends Error {
  readonly code: SyncErrorCode;
  readonly category: SyncErrorCategory;
  readonly retryable: boolean;
  readonly countsForBreaker: boolean;
  readonly retryAfterSeconds?: number;
  readonly status?: number;
  readonly said?: string;

  constructor(message: string, shape: UpstreamErrorShape) {
    super(message);
    this.name = 'UpstreamError';
    this.code = shape.code;
    this.category = shape.category;
    this.retryable = shape.retryable;
    this.countsForBreaker = shape.countsForBreaker;
    this.retryAfterSeconds = shape.retryAfterSeconds;
    this.status = shape.status;
    this.said = shape.said;
  }

  /** The message without the upstream's own words: what any reader of the data may see. */
  get plainCause(): string {
    const quoted = this.said ? ` — it said: ${this.said}` : '';
    return quoted && this.message.endsWith(quoted) ? this.message.slice(0, -quoted.length) : this.message;
  }

  static timeout(vendor: string, ms: number): UpstreamError {
    return new UpstreamError(`${vendor} did not answer within ${ms} ms`, {
      code: 'UPSTREAM_TIMEOUT',
      category: 'timeout',
      retryable: true,
      countsForBreaker: true,
    });
  }

  static unreachable(vendor: string, cause: string): UpstreamError {
    return new UpstreamError(`${vendor} could not be reached: ${cause}`, {
      code: 'UPSTREAM_UNREACHABLE',
      category: 'network',
      retryable: true,
      countsForBreaker: true,
    });
  }

  /** Classifies an HTTP error answer; `said` is the start of the upstream's own error body. */
  static fromStatus(
    vendor: string,
    status: number,
    retryAfterSeconds: number | undefined,
    said?: string,
    /** Another status the connector declared as "slow down" (BambooHR's 503 with Retry-After). */
    rateLimited = false,
  ): UpstreamError {
    const quoted = said ? ` — it said: ${said}` : '';
    if (status === 429 || rateLimited) {
      const wait = retryAfterSeconds ?? 60;
      return new UpstreamError(`${vendor} is rate limiting us; it asked us to wait ${wait} s`, {
        code: 'UPSTREAM_RATE_LIMITED',
        category: 'rate_limit',
        retryable: true,
        countsForBreaker: false,
        retryAfterSeconds: wait,
        status,
      });
    }
    if (status === 401 || status === 403) {
      return new UpstreamError(
        `${vendor} refused our credentials (HTTP ${status}); check or rotate the credential of this source${quoted}`,
        { code: 'UPSTREAM_AUTH_FAILED', category: 'auth', retryable: false, countsForBreaker: false, status, said },
      );
    }
    if (status >= 500) {
      return new UpstreamError(`${vendor} failed with HTTP ${status}${quoted}`, {
        code: 'UPSTREAM_SERVER_ERROR',
        category: 'upstream_error',
        retryable: true,
        countsForBreaker: true,
        status,
        said,
      });
    }
    return new UpstreamError(
      `${vendor} rejected the request with HTTP ${status}; check the source's connector settings${quoted}`,
      {
        code: 'UPSTREAM_CLIENT_ERROR',
        category: 'configuration',
        retryable: false,
        countsForBreaker: false,
        status,
        said,
      },
    );
  }

  static malformed(vendor: string, detail: string): UpstreamError {
    return new UpstreamError(`${vendor} sent a response that is not valid JSON (${detail})`, {
      code: 'UPSTREAM_MALFORMED_RESPONSE',
      category: 'data_validation',
      retryable: false,
      countsForBreaker: false,
    });
  }

  static schemaMismatch(vendor: string, detail: string): UpstreamError {
    return new UpstreamError(`${vendor} sent data in an unexpected shape: ${detail}`, {
      code: 'UPSTREAM_SCHEMA_MISMATCH',
      category: 'data_validation',
      retryable: false,
      countsForBreaker: false,
    });
  }

  static configuration(message: string, code: SyncErrorCode = 'CREDENTIAL_MISSING'): UpstreamError {
    return new UpstreamError(message, { code, category: 'configuration', retryable: false, countsForBreaker: false });
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
