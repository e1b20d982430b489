import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@switchyard/contracts';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { AppConfig, type TrustedIssuerSettings } from '../../config';
import { clientPrincipal } from '../principal';
import { principalKey, PrincipalVersionsService } from '../revocation/principal-versions.service';
import { claimValues, mapClaims } from './claim-mapping';

/** Asymmetric algorithms only: a shared-secret (HS*) or `none` token from an issuer is refused. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];
/** An introspection answer is trusted this long (and never past the token's expiry). */
const INTROSPECTION_CACHE_MS = 30_000;
const INTROSPECTION_CACHE_SIZE = 5_000;

export interface AcceptedToken {
  principal: Principal;
  expiresAt: Date;
}

/**
 * Access tokens issued by a trusted identity provider (Okta, Entra ID, Auth0, Keycloak …)
 * for machine clients. The signature is checked against the issuer's JWKS (fetched, cached
 * and fetched again when a token names a key it does not know: key rotation without a
 * restart); issuer, audience, expiry and algorithm are required; the claims map to scopes
 * and data scopes as configured. Where the issuer offers introspection (RFC 7662), a token
 * it reports inactive is refused. A client revoked in Switchyard stays refused.
 */
@Injectable()
export class ExternalTokensService {
  private readonly logger = new Logger(ExternalTokensService.name);
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  private readonly introspected = new Map<string, { active: boolean; until: number }>();

  constructor(
    private readonly config: AppConfig,
    private readonly versions: PrincipalVersionsService,
  ) {}

  /** The trusted issuer a token claims to come from (unverified: only to pick the key set). */
  issuerOf(token: string): TrustedIssuerSettings | null {
    if (this.config.identity.trustedIssuers.length === 0) return null;
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      return null;
    }
    return this.config.identity.trustedIssuers.find((t) => t.issuer === iss) ?? null;
  }

  /** Null for any token that is not acceptable. */
  async verify(token: string): Promise<AcceptedToken | null> {
    const issuer = this.issuerOf(token);
    if (!issuer) return null;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet(issuer), {
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      this.logger.debug({ err: error, issuer: issuer.id }, 'external token refused');
      return null;
    }
    const clientId = claimValues(payload, issuer.clientIdClaim)[0] ?? payload.sub;
    if (!clientId || typeof payload.exp !== 'number') return null;
    const id = `${issuer.id}:${clientId}`.slice(0, 90);
    // Revoked here (e.g. from an anomaly alert): refused whatever the issuer says.
    if (this.versions.wasRevoked(principalKey('client', id))) return null;
    const access = mapClaims(payload, issuer);
    if (access.scopes.length === 0) return null;
    if (issuer.introspection && !(await this.active(token, issuer, payload.exp))) return null;
    return {
      principal: clientPrincipal({
        id,
        name: `${clientId} (${issuer.id})`,
        scopes: access.scopes,
        dataScopes: access.dataScopes,
      }),
      expiresAt: new Date(payload.exp * 1000),
    };
  }

  private keySet(issuer: TrustedIssuerSettings): ReturnType<typeof createRemoteJWKSet> {
    let set = this.keySets.get(issuer.id);
    if (!set) {
      set = createRemoteJWKSet(new URL(issuer.jwksUri), {
        cooldownDuration: this.config.identity.jwksCooldownMs,
        cacheMaxAge: 10 * 60_000,
        timeoutDuration: 5_000,
      });
      this.keySets.set(issuer.id, set);
    }
    return set;
  }

  private async active(token: string, issuer: TrustedIssuerSettings, exp: number): Promise<boolean> {
    const cached = this.introspected.get(token);
    if (cached && cached.until > Date.now()) return cached.active;
    const { url, clientId, clientSecret } = issuer.introspection!;
    let active = false;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
        signal: AbortSignal.timeout(5_000),
      });
      active = response.ok && ((await response.json()) as { active?: unknown }).active === true;
    } catch (error) {
      // Fail closed: a token that cannot be confirmed is not accepted.
      this.logger.warn({ err: error, issuer: issuer.id }, 'token introspection failed');
      return false;
    }
    if (this.introspected.size >= INTROSPECTION_CACHE_SIZE) this.introspected.clear();
    this.introspected.set(token, { active, until: Math.min(Date.now() + INTROSPECTION_CACHE_MS, exp * 1000) });
    return active;
  }
}
