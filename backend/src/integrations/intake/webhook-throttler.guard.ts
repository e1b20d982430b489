import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainException } from '../../common';

/** Per client address and integration: one noisy integration cannot starve the others. */
@Injectable()
export class WebhookThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const params = request.params as Record<string, string> | undefined;
    return Promise.resolve(`${String(request.ip)}|${params?.integration ?? ''}`);
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    throw new DomainException('RATE_LIMITED', 429, `too many webhooks from this address; retry in ${retryAfter} s`, {
      retryAfter,
    });
  }
}
