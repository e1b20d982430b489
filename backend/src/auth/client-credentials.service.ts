import { Injectable } from '@nestjs/common';
import { CLIENT_SCOPES, type ClientCredentialsToken, type ClientScope } from '@switchyard/contracts';
import { AuditService } from './audit/audit.service';
import { ClientsService } from './clients.service';
import { ClientAccessService } from './hygiene/client-access.service';
import { clientPrincipal } from './principal';
import { PrincipalVersionsService } from './revocation/principal-versions.service';
import { AccessTokensService } from './tokens/access-tokens.service';

export type OAuthErrorCode =
  'invalid_request' | 'invalid_client' | 'invalid_scope' | 'unsupported_grant_type' | 'access_denied';

/** An RFC 6749 section 5.2 error, answered in the OAuth format rather than the API's. */
export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }

  get status(): number {
    return this.code === 'invalid_client' ? 401 : this.code === 'access_denied' ? 403 : 400;
  }
}

export interface TokenRequest {
  body: Record<string, unknown>;
  authorization: string | undefined;
  ip: string | null;
}

/** OAuth2 client credentials grant (RFC 6749 section 4.4). No refresh tokens. */
@Injectable()
export class ClientCredentialsService {
  constructor(
    private readonly clients: ClientsService,
    private readonly accessTokens: AccessTokensService,
    private readonly audit: AuditService,
    private readonly versions: PrincipalVersionsService,
    private readonly access: ClientAccessService,
  ) {}

  async grant(request: TokenRequest): Promise<ClientCredentialsToken> {
    const field = (name: string) => (typeof request.body[name] === 'string' ? request.body[name] : undefined);
    const grantType = field('grant_type');
    if (!grantType) throw new OAuthError('invalid_request', 'grant_type is required');
    if (grantType !== 'client_credentials')
      throw new OAuthError(
        'unsupported_grant_type',
        `grant_type ${grantType} is not supported; use client_credentials`,
      );
    const { id, secret } = credentialsOf(request.authorization, field('client_id'), field('client_secret'));
    // The stamp before the client's state: a revoke landing in between leaves the token stale.
    const stamp = await this.versions.stampFor('client', id);
    const authentication = await this.clients.authenticate(id, secret);
    if (!authentication.client) {
      await this.audit.record({
        action: 'auth.token',
        actor: { kind: 'anonymous', id },
        outcome: 'failure',
        ip: request.ip,
        details: { reason: 'invalid_client', cause: authentication.reason },
      });
      throw new OAuthError('invalid_client', 'client authentication failed');
    }
    const { client } = authentication;
    if (!(await this.access.admit(client.id, request.ip, 'token endpoint'))) {
      throw new OAuthError('access_denied', 'this client may not request tokens from this address');
    }
    const requested = field('scope')?.split(' ').filter(Boolean);
    const scopes = requested ?? client.scopes;
    const unknown = scopes.filter(
      (s) => !(CLIENT_SCOPES as readonly string[]).includes(s) || !client.scopes.includes(s as ClientScope),
    );
    if (unknown.length > 0) {
      await this.audit.record({
        action: 'auth.token',
        actor: { kind: 'anonymous', id },
        outcome: 'denied',
        ip: request.ip,
        details: { reason: 'invalid_scope', scopes: unknown },
      });
      throw new OAuthError('invalid_scope', `scope not granted to this client: ${unknown.join(' ')}`);
    }
    const principal = clientPrincipal({ ...client, scopes: scopes as ClientScope[] });
    const { token, expiresIn } = await this.accessTokens.issue(principal, undefined, stamp);
    await this.audit.record({
      action: 'auth.token',
      actor: principal,
      outcome: 'success',
      ip: request.ip,
      details: { scopes, secret: authentication.secret },
    });
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' ') };
  }
}

/** HTTP Basic (RFC 6749 section 2.3.1: form-encoded id and secret) or the body, not both. */
function credentialsOf(
  authorization: string | undefined,
  bodyId: string | undefined,
  bodySecret: string | undefined,
): { id: string; secret: string } {
  if (authorization?.startsWith('Basic ')) {
    if (bodyId || bodySecret)
      throw new OAuthError(
        'invalid_request',
        'send client credentials in the Authorization header or the body, not both',
      );
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) throw new OAuthError('invalid_client', 'malformed Basic credentials');
    return {
      id: decodeURIComponent(decoded.slice(0, separator)),
      secret: decodeURIComponent(decoded.slice(separator + 1)),
    };
  }
  if (!bodyId || !bodySecret) throw new OAuthError('invalid_client', 'client authentication is required');
  return { id: bodyId, secret: bodySecret };
}
