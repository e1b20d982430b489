import { Injectable, Logger } from '@nestjs/common';
import type { SsoProviders } from '@switchyard/contracts';
import * as oidc from 'openid-client';
import { Clock, SecretBox } from '../../common';
import { AppConfig, type OidcProviderSettings } from '../../config';
import { AuditService } from '../audit/audit.service';
import { SessionsService, type FederatedSession, type IssuedSession } from '../sessions.service';
import { UsersService } from '../users.service';
import { claimValues, mapClaims } from './claim-mapping';

/** The sign-in attempt's state, sealed in a short-lived cookie between the redirect and the callback. */
interface PendingSignIn {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  expiresAt: number;
}

const PENDING_TTL_MS = 10 * 60_000;

export class SsoError extends Error {
  constructor(
    readonly reason: string,
    readonly provider: string | null,
  ) {
    super(reason);
  }
}

/**
 * OpenID Connect sign-in for the console (openid-client): discovery, authorization code with
 * PKCE, `state` and `nonce` kept in a sealed cookie, ID token validation (signature, issuer,
 * audience, expiry, nonce), then just-in-time users whose roles and data scopes come from the
 * claims at every sign-in. Every attempt, success or failure, is audited.
 */
@Injectable()
export class OidcLoginService {
  private readonly logger = new Logger(OidcLoginService.name);
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();

  constructor(
    private readonly config: AppConfig,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  providers(): SsoProviders {
    return {
      localLoginEnabled: this.config.identity.localLoginEnabled,
      providers: this.config.identity.oidcProviders.map((p) => ({
        id: p.id,
        name: p.name,
        loginUrl: `/auth/oidc/${p.id}/login`,
      })),
    };
  }

  /** The provider's authorization URL, and the sealed state for the cookie. */
  async begin(providerId: string, baseUrl: string, returnTo: string): Promise<{ url: string; pending: string }> {
    const provider = this.provider(providerId);
    const configuration = await this.discover(provider);
    const pending: PendingSignIn = {
      provider: provider.id,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(returnTo),
      expiresAt: this.clock.now().getTime() + PENDING_TTL_MS,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri(baseUrl, provider.id),
      scope: provider.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending: this.box.encrypt(JSON.stringify(pending)) };
  }

  /** Completes the callback: a console session, or SsoError (audited) for anything not acceptable. */
  async complete(
    providerId: string,
    callbackUrl: URL,
    sealed: string | undefined,
    ip: string | null,
  ): Promise<{ session: IssuedSession; returnTo: string }> {
    const provider = this.config.identity.oidcProviders.find((p) => p.id === providerId);
    try {
      if (!provider) throw new SsoError('unknown provider', null);
      const pending = this.unseal(sealed, provider.id);
      const error = callbackUrl.searchParams.get('error');
      if (error) throw new SsoError(`provider answered ${error.slice(0, 60)}`, provider.id);
      const tokens = await oidc
        .authorizationCodeGrant(await this.discover(provider), callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        })
        .catch((cause: unknown) => {
          throw new SsoError(`token or ID token refused: ${describe(cause)}`, provider.id);
        });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new SsoError('no ID token', provider.id);
      const session = await this.signIn(provider, claims, tokens.id_token, ip);
      return { session, returnTo: pending.returnTo };
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      await this.audit.record({
        action: 'auth.sso',
        actor: { kind: 'anonymous', id: null },
        outcome: 'failure',
        ip,
        details: { provider: providerId, reason: error.reason },
      });
      throw error;
    }
  }

  /** Where to send the browser at sign-out (RP-initiated logout), when the provider offers it. */
  async endSessionUrl(federated: FederatedSession, baseUrl: string): Promise<string | null> {
    const provider = this.config.identity.oidcProviders.find((p) => p.id === federated.provider);
    if (!provider) return null;
    const configuration = await this.discover(provider);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, {
      id_token_hint: federated.idToken,
      post_logout_redirect_uri: `${baseUrl}/login`,
    }).href;
  }

  redirectBase(requestBase: string): string {
    return this.config.identity.publicUrl ?? requestBase;
  }

  private async signIn(
    provider: OidcProviderSettings,
    claims: oidc.IDToken,
    idToken: string,
    ip: string | null,
  ): Promise<IssuedSession> {
    const access = mapClaims(claims, provider);
    const email = typeof claims.email === 'string' ? claims.email : '';
    const mapped = { provider: provider.id, subject: claims.sub, claims: access.matched, roles: access.roles };
    if (access.roles.length === 0) throw new SsoError('no claim maps to a Switchyard role', provider.id);
    if (!email) throw new SsoError('the ID token has no email claim', provider.id);
    const result = await this.users.signInFederated({
      provider: provider.id,
      subject: claims.sub,
      email,
      emailVerified: claims.email_verified === true,
      displayName: (typeof claims.name === 'string' && claims.name.trim()) || email,
      roles: access.roles,
      dataScopes: access.dataScopes,
      linkByEmail: provider.linkByEmail,
    });
    if (!result.user) throw new SsoError(`user ${result.outcome.replace('_', ' ')}`, provider.id);
    const session = await this.sessions.startFederated(result.user.id, { provider: provider.id, idToken });
    await this.audit.record({
      action: 'auth.sso',
      actor: session.tokens.principal,
      outcome: 'success',
      ip,
      details: { ...mapped, user: result.outcome, groups: claimValues(claims, provider.claims[0]).slice(0, 50) },
    });
    return session;
  }

  private provider(id: string): OidcProviderSettings {
    const provider = this.config.identity.oidcProviders.find((p) => p.id === id);
    if (!provider) throw new SsoError('unknown provider', null);
    return provider;
  }

  private unseal(sealed: string | undefined, providerId: string): PendingSignIn {
    let pending: PendingSignIn;
    try {
      pending = JSON.parse(this.box.decrypt(sealed ?? '')) as PendingSignIn;
    } catch {
      throw new SsoError('no sign-in in progress in this browser (state cookie missing or invalid)', providerId);
    }
    if (pending.provider !== providerId) throw new SsoError('state cookie is for another provider', providerId);
    if (pending.expiresAt < this.clock.now().getTime()) throw new SsoError('sign-in took too long', providerId);
    return pending;
  }

  /** Discovery once per provider; a failure is forgotten so the next sign-in tries again. */
  private discover(provider: OidcProviderSettings): Promise<oidc.Configuration> {
    let found = this.configurations.get(provider.id);
    if (!found) {
      const issuer = new URL(provider.issuer);
      found = oidc.discovery(issuer, provider.clientId, undefined, oidc.ClientSecretBasic(provider.clientSecret), {
        // The ID token's signature is checked against the provider's JWKS although it came
        // over TLS from the token endpoint: a tampered token is refused, not trusted.
        // Plain HTTP only for a provider on this machine (tests, a local Keycloak).
        execute: isLoopback(issuer)
          ? [oidc.enableNonRepudiationChecks, oidc.allowInsecureRequests]
          : [oidc.enableNonRepudiationChecks],
      });
      found.catch((error: unknown) => {
        this.logger.warn({ err: error, provider: provider.id }, 'OpenID discovery failed');
        this.configurations.delete(provider.id);
      });
      this.configurations.set(provider.id, found);
    }
    return found.catch((error: unknown) => {
      throw new SsoError(`provider discovery failed: ${describe(error)}`, provider.id);
    });
  }
}

export function redirectUri(baseUrl: string, providerId: string): string {
  return `${baseUrl}/auth/oidc/${providerId}/callback`;
}

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Only a path of this console: never another origin (no open redirect). */
function safeReturnTo(value: string): string {
  return /^\/(?![/\\])[\w\-./?=&%#]*$/.test(value) ? value : '/';
}

/** The error's message, with its code and cause (oauth4webapi names the failed check there). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 160);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const claim = (error.cause as { claim?: unknown } | undefined)?.claim;
  return `${error.message}${typeof code === 'string' ? ` (${code})` : ''}${cause}${typeof claim === 'string' ? ` [${claim}]` : ''}`.slice(
    0,
    200,
  );
}
