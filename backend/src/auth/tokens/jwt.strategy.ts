import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { STREAM_PATH, type Principal } from '@switchyard/contracts';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../config';
import { type AccessClaims } from '../principal';
import { ACCESS_TOKEN_TYPE, AccessTokensService } from './access-tokens.service';
import { SigningKeysService, TOKEN_ALGORITHM } from './signing-keys.service';

/**
 * passport-jwt with the algorithm pinned to RS256 (so `none` and HS256-with-the-public-key
 * are refused), issuer and audience checked, the key chosen by `kid` among our own keys,
 * and the token type required to be an access token. The claims then pass the same check
 * the live socket applies (AccessTokensService.acceptClaims: `exp` and `sub` present, the
 * principal's current version), so REST and sockets accept exactly the same tokens.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    keys: SigningKeysService,
    private readonly tokens: AccessTokensService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), streamQueryToken]),
      algorithms: [TOKEN_ALGORITHM],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
      passReqToCallback: true,
      secretOrKeyProvider: (
        _request: unknown,
        rawJwt: string,
        done: (error: Error | null, key?: string | Buffer) => void,
      ) => {
        const header = decodeHeader(rawJwt);
        if (!header || header.typ !== ACCESS_TOKEN_TYPE || typeof header.kid !== 'string') {
          done(new Error('not an access token'));
          return;
        }
        keys
          .publicKey(header.kid)
          // jsonwebtoken verifies with the KeyObject itself (its types say string | Buffer);
          // exporting PEM for it to parse again cost ten times the signature check.
          .then((key) => (key ? done(null, key as unknown as Buffer) : done(new Error('unknown key id'))))
          .catch((error: unknown) => done(error instanceof Error ? error : new Error(String(error))));
      },
    });
  }

  /**
   * A token without `exp` or `sub`, or issued before its principal was revoked, is refused
   * here, on every request (a map lookup). The SSE stream ends when the token expires.
   */
  validate(request: { tokenExpiresAt?: Date; accessClaims?: AccessClaims }, claims: AccessClaims): Principal | null {
    const accepted = this.tokens.acceptClaims(claims);
    if (!accepted) return null;
    request.tokenExpiresAt = accepted.expiresAt;
    request.accessClaims = claims;
    return accepted.principal;
  }
}

/**
 * Browsers' EventSource cannot send headers, so the SSE stream (and only it) also takes the
 * token as `?access_token=`. Request logs redact it (see redactUrl).
 */
export function streamQueryToken(request: { url?: string; query?: Record<string, unknown> }): string | null {
  if (!request.url?.startsWith(STREAM_PATH)) return null;
  const token = request.query?.access_token;
  return typeof token === 'string' && token.length > 0 ? token : null;
}

function decodeHeader(token: string): { typ?: unknown; kid?: unknown } | null {
  try {
    return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as {
      typ?: unknown;
      kid?: unknown;
    };
  } catch {
    return null;
  }
}
