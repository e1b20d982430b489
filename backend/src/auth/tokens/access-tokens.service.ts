import { Injectable } from '@nestjs/common';
import type { Principal } from '@switchyard/contracts';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config';
import { claimsOf } from '../principal';
import { SigningKeysService, TOKEN_ALGORITHM } from './signing-keys.service';

/** RFC 9068's media type for JWT access tokens; verification insists on it. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

@Injectable()
export class AccessTokensService {
  constructor(
    private readonly keys: SigningKeysService,
    private readonly config: AppConfig,
  ) {}

  async issue(principal: Principal): Promise<{ token: string; expiresIn: number }> {
    const { kid, privateKey } = this.keys.signingKey();
    // Wall time, not the injected clock: passport-jwt checks expiry against the real clock.
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const token = await new SignJWT({ ...claimsOf(principal) })
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
}
