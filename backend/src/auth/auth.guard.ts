import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Permission, Principal } from '@switchyard/contracts';
import { DomainException } from '../common';
import { AUTHENTICATED_ONLY, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';
import { SecurityCounters } from './security-counters';

/**
 * Secure by default: every route must say `@Public()` or `@RequirePermission(...)`.
 * A route that says neither is refused for everyone (and fails the route-permission test).
 * On a public route a valid token is still read, so answers may add detail for signed-in callers.
 * Tokens are verified by passport-jwt (JwtStrategy) and then by the same claims rule the
 * live socket uses (AccessTokensService.acceptClaims).
 */
@Injectable()
export class GlobalAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly counters: SecurityCounters,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Live sockets authenticate once, in the handshake, and per topic on subscribe (realtime module).
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; user?: Principal }>();
    if (isPublic) {
      if (request.headers.authorization) await (super.canActivate(context) as Promise<boolean>).catch(() => false);
      return true;
    }
    await (super.canActivate(context) as Promise<boolean>);
    const principal = request.user;
    if (!principal) throw unauthenticated();
    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_ONLY, targets) === true) return true;
    if (!permission) throw new DomainException('FORBIDDEN', 403, 'this route declares no permission, so it is closed');
    if (!principal.permissions.includes(permission)) {
      throw new DomainException('FORBIDDEN', 403, `this needs the ${permission} permission`, {
        details: { permission },
      });
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T | false, _info?: unknown, context?: ExecutionContext): T {
    if (error || !user) {
      // A token was sent and refused (bad, expired or revoked): a security data point. No token at all is not.
      const headers = context?.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers;
      if (typeof headers?.authorization === 'string' && /^bearer\s/i.test(headers.authorization)) {
        this.counters.noteTokenRefused();
      }
      throw unauthenticated();
    }
    return user;
  }
}

function unauthenticated(): DomainException {
  return new DomainException('UNAUTHENTICATED', 401, 'sign in or send a valid Bearer access token');
}
