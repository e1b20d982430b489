import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Permission, Principal } from '@switchyard/contracts';
import { DomainException } from '../common';
import { AUTHENTICATED_ONLY, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';
import { ExternalTokensService } from './federation/external-tokens.service';
import { ClientAccessService } from './hygiene/client-access.service';
import { SecurityCounters } from './security-counters';
import type { AccessClaims } from './principal';
import { streamQueryToken } from './tokens/jwt.strategy';
import { VerifiedTokens } from './tokens/verified-tokens';

type GuardedRequest = {
  headers: Record<string, unknown>;
  url?: string;
  query?: Record<string, unknown>;
  ip?: string;
  user?: Principal;
  tokenExpiresAt?: Date;
  accessClaims?: AccessClaims & { exp?: unknown };
};

/**
 * Secure by default: every route must say `@Public()` or `@RequirePermission(...)`.
 * A route that says neither is refused for everyone (and fails the route-permission test).
 * On a public route a valid token is still read, so answers may add detail for signed-in callers.
 * Tokens are verified by passport-jwt (JwtStrategy) and then by the same claims rule the
 * live socket uses (AccessTokensService.acceptClaims); a token verified before is taken from
 * VerifiedTokens, still through that claims rule, without checking its signature again. Tokens of a trusted external issuer
 * (machine clients of the company's identity provider) are verified by ExternalTokensService,
 * as on the socket.
 */
@Injectable()
export class GlobalAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly external: ExternalTokensService,
    private readonly access: ClientAccessService,
    private readonly counters: SecurityCounters,
    private readonly verified: VerifiedTokens,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Live sockets authenticate once, in the handshake, and per topic on subscribe (realtime module).
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (isPublic) {
      if (request.headers.authorization) await this.authenticate(context, request).catch(() => false);
      return true;
    }
    await this.authenticate(context, request);
    const principal = request.user;
    if (!principal) throw unauthenticated();
    // A client's allowlist holds for every request with its token, not only at the token endpoint.
    if (principal.kind === 'client' && !(await this.access.admit(principal.id, request.ip ?? null, 'request'))) {
      throw new DomainException('FORBIDDEN', 403, 'this client may not call from this address');
    }
    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_ONLY, targets) === true) return true;
    if (!permission) throw new DomainException('FORBIDDEN', 403, 'this route declares no permission, so it is closed');
    if (!principal.permissions.includes(permission)) {
      throw new DomainException('FORBIDDEN', 403, `this needs the ${permission} permission`, {
        details: { permission },
      });
    }
    return true;
  }

  private async authenticate(context: ExecutionContext, request: GuardedRequest): Promise<boolean> {
    const header = request.headers.authorization;
    const bearer =
      typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : streamQueryToken(request);
    const remembered = bearer ? this.verified.accept(bearer) : null;
    if (remembered) {
      request.user = remembered.principal;
      request.tokenExpiresAt = remembered.expiresAt;
      return true;
    }
    if (!bearer || !this.external.issuerOf(bearer)) {
      const passed = (await super.canActivate(context)) as boolean;
      if (passed && bearer && request.accessClaims) this.verified.remember(bearer, request.accessClaims);
      return passed;
    }
    const accepted = await this.external.verify(bearer);
    if (!accepted) {
      this.counters.noteTokenRefused();
      throw unauthenticated();
    }
    request.user = accepted.principal;
    request.tokenExpiresAt = accepted.expiresAt;
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
