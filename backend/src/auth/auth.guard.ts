import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { STREAM_PATH, type Permission, type Principal } from '@switchyard/contracts';
import { DomainException } from '../common';
import { AUTHENTICATED_ONLY, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';
import { AccessTokensService } from './tokens/access-tokens.service';

/** What the guard reads from and writes onto a request. */
interface GuardedRequest {
  url?: string;
  headers: Record<string, unknown>;
  query?: Record<string, unknown>;
  user?: Principal;
  /** When the verified access token expires (the SSE stream ends then). */
  tokenExpiresAt?: Date;
}

/**
 * Secure by default: every route must say `@Public()` or `@RequirePermission(...)`.
 * A route that says neither is refused for everyone (and fails the route-permission test).
 * On a public route a valid token is still read, so answers may add detail for signed-in callers.
 *
 * Tokens are verified by AccessTokensService.verify, the same path the live socket uses:
 * one set of rules (RS256, our keys, issuer, audience, type, required `exp` and `sub`, revocation).
 */
@Injectable()
export class GlobalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Live sockets authenticate once, in the handshake, and per topic on subscribe (realtime module).
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (isPublic) {
      if (request.headers.authorization) await this.authenticate(request);
      return true;
    }
    const principal = await this.authenticate(request);
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

  private async authenticate(request: GuardedRequest): Promise<Principal | null> {
    const token = bearerToken(request.headers.authorization) ?? streamQueryToken(request);
    const verified = token ? await this.tokens.verify(token) : null;
    if (!verified) return null;
    request.user = verified.principal;
    request.tokenExpiresAt = verified.expiresAt;
    return verified.principal;
  }
}

function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Browsers' EventSource cannot send headers, so the SSE stream (and only it) also takes the
 * token as `?access_token=`. Request logs redact it (see redactUrl).
 */
function streamQueryToken(request: GuardedRequest): string | null {
  if (!request.url?.startsWith(STREAM_PATH)) return null;
  const token = request.query?.access_token;
  return typeof token === 'string' && token.length > 0 ? token : null;
}

function unauthenticated(): DomainException {
  return new DomainException('UNAUTHENTICATED', 401, 'sign in or send a valid Bearer access token');
}
