import { Injectable } from '@nestjs/common';
import type { Principal } from '@switchyard/contracts';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config';
import { claimsOf, principalFromClaims, type AccessClaims } from '../principal';
import { ExternalTokensService } from '../federation/external-tokens.service';
import { PrincipalVersionsService, type TokenStamp } from '../revocation/principal-versions.service';
import { SigningKeysService, TOKEN_ALGORITHM } from './signing-keys.service';

/** RFC 9068's media type for JWT access tokens; verification insists on it. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

@Injectable()
export class AccessTokensService {
  constructor(
    private readonly keys: SigningKeysService,
    private readonly config: AppConfig,
    private readonly versions: PrincipalVersionsService,
    private readonly external: ExternalTokensService,
  ) {}

  /**
   * `ttlSeconds` overrides the configured lifetime (tests of expiry; never longer than configured).
   * `stamp` should be read before the principal's state was (see `stampFor`); without it, it is read now.
   */
  async issue(
    principal: Principal,
    ttlSeconds?: number,
    stamp?: TokenStamp,
  ): Promise<{ token: string; expiresIn: number }> {
    const { ver, gen } = stamp ?? (await this.versions.stampFor(principal.kind, principal.id));
    const { kid, privateKey } = this.keys.signingKey();
    // Wall time, not the injected clock: verification checks expiry against the real clock.
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = Math.min(ttlSeconds ?? Infinity, this.config.auth.accessTokenTtlSeconds);
    const token = await new SignJWT({ ...claimsOf(principal), ver, gen })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.config.auth.issuer)
      .setAudience(this.config.auth.audience)
      .setSubject(principal.id)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + expiresIn)
      .setJti(randomUUID())
      .sign(privateKey);
    return { token, expiresIn };
  }

  /**
   * Verifies an access token outside an HTTP request (the live socket handshake and `reauth`)
   * with the same rules as the HTTP guard: RS256 only, our keys by `kid`, issuer, audience,
   * token type, expiry and revocation; a trusted issuer's token as the HTTP guard does
   * (ExternalTokensService). Returns null for any token that is not acceptable.
   */
  async verify(token: string): Promise<{ principal: Principal; expiresAt: Date } | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 8192) return null;
    if (this.external.issuerOf(token)) return this.external.verify(token);
    try {
      const { payload } = await jwtVerify(
        token,
        async (header) => {
          const key = typeof header.kid === 'string' ? await this.keys.publicKey(header.kid) : null;
          if (!key) throw new joseErrors.JWKSNoMatchingKey();
          return key;
        },
        {
          algorithms: [TOKEN_ALGORITHM],
          issuer: this.config.auth.issuer,
          audience: this.config.auth.audience,
          typ: ACCESS_TOKEN_TYPE,
          requiredClaims: ['exp', 'sub'],
        },
      );
      return this.acceptClaims(payload);
    } catch {
      return null;
    }
  }

  /**
   * The rule both verification paths (passport-jwt for REST, `verify` for sockets) apply to a
   * signature-checked token's claims: `exp` and `sub` present, and the principal's version
   * current (not disabled, demoted, revoked since the token was issued).
   */
  acceptClaims(claims: Partial<AccessClaims> & { exp?: unknown }): { principal: Principal; expiresAt: Date } | null {
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || claims.sub === '') return null;
    const full = claims as AccessClaims;
    if (!this.stillCurrent(full)) return null;
    return { principal: principalFromClaims(full), expiresAt: new Date(claims.exp * 1000) };
  }

  /** The principal-version half of `acceptClaims`, for claims it accepted before. */
  stillCurrent(claims: AccessClaims): boolean {
    return this.versions.accepts(claims.kind, claims.sub, claims);
  }
}
