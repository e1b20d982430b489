import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Clock, DomainException, TokenBuckets } from '../common';
import { AppConfig } from '../config';

/** Console error reports are public: each client address gets CLIENT_ERRORS_PER_MINUTE of them. */
@Injectable()
export class ClientErrorsRateLimitGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.buckets = new TokenBuckets(config.http.clientErrorsPerMinute, 60_000);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const retryAfter = this.buckets.take(request.ip, this.clock.now().getTime());
    if (retryAfter === 0) return true;
    throw new DomainException(
      'RATE_LIMITED',
      429,
      `too many error reports from this address; retry in ${retryAfter} s`,
      { retryAfter },
    );
  }
}
