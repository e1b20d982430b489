import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainException } from '../common';

/** Per-address limits on the sign-in and token endpoints, answered in the API's error format. */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    throw new DomainException(
      'RATE_LIMITED',
      429,
      `too many sign-in or token requests from this address; retry in ${retryAfter} s`,
      { retryAfter },
    );
  }
}
