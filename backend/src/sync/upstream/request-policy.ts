import type { BreakerPolicy, BreakerState, RetryPolicy } from '@switchyard/contracts';
import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  fullJitterGenerator,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { UpstreamError } from './upstream-error';

export interface RequestPolicyOptions {
  vendor: string;
  timeoutMs: number;
  retry: RetryPolicy;
  breaker: BreakerPolicy;
  /** The breaker as the previous run left it (cockatiel's own serialization). */
  breakerSnapshot: object | null;
  onBreakerChange: (previous: BreakerState, next: BreakerState) => void;
  /** Each attempt's outcome: the HTTP status, or `timeout` / `network`. */
  onAttempt?: (outcome: string) => void;
}

/**
 * Per-request resilience for one run, built from cockatiel: a timeout per attempt,
 * bounded retries with exponential backoff and full jitter, and a consecutive-failure
 * circuit breaker whose state outlives the run (it is saved with the source's state).
 * A 429 is never retried inside the run: the run ends and the source waits out Retry-After.
 */
export class RequestPolicy {
  attempts = 0;
  private readonly breakerPolicy: CircuitBreakerPolicy;
  private breakerState: BreakerState;

  constructor(private readonly options: RequestPolicyOptions) {
    this.breakerPolicy = circuitBreaker(
      handleWhen((error) => error instanceof UpstreamError && error.countsForBreaker),
      {
        halfOpenAfter: options.breaker.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(options.breaker.failureThreshold),
        initialState: options.breakerSnapshot ?? undefined,
      },
    );
    this.breakerState = toBreakerState(this.breakerPolicy.state);
    this.breakerPolicy.onStateChange((state) => {
      const next = toBreakerState(state);
      if (next === this.breakerState) return;
      const previous = this.breakerState;
      this.breakerState = next;
      options.onBreakerChange(previous, next);
    });
  }

  get breaker(): BreakerState {
    return this.breakerState;
  }

  breakerSnapshot(): object {
    return this.breakerPolicy.toJSON() as object;
  }

  async execute<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { vendor, timeoutMs } = this.options;
    const perAttempt = timeout(timeoutMs, TimeoutStrategy.Aggressive);
    const retries = retry(
      handleWhen(
        (error) => error instanceof UpstreamError && error.retryable && error.code !== 'UPSTREAM_RATE_LIMITED',
      ),
      {
        maxAttempts: this.options.retry.maxAttempts - 1,
        backoff: new ExponentialBackoff({
          initialDelay: this.options.retry.initialDelayMs,
          maxDelay: this.options.retry.maxDelayMs,
          generator: fullJitterGenerator,
        }),
      },
    );
    return retries.execute(() =>
      this.breakerPolicy.execute(async () => {
        this.attempts += 1;
        try {
          const result = await perAttempt.execute(({ signal }) => request(signal));
          this.options.onAttempt?.('200');
          return result;
        } catch (error) {
          // cockatiel 3.2's isTaskCancelledError() tests the wrong marker, so check the class;
          // and the aborted fetch can win the race against cockatiel's own timeout error.
          const timedOut =
            error instanceof TaskCancelledError || (error instanceof Error && error.name === 'AbortError');
          const upstream = timedOut ? UpstreamError.timeout(vendor, timeoutMs) : error;
          this.options.onAttempt?.(attemptOutcome(upstream));
          throw upstream;
        }
      }),
    );
  }
}

function attemptOutcome(error: unknown): string {
  if (!(error instanceof UpstreamError)) return 'error';
  if (error.status !== undefined) return String(error.status);
  return error.category === 'timeout' ? 'timeout' : error.category === 'network' ? 'network' : 'invalid';
}

function toBreakerState(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half_open';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
  }
}
