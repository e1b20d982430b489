import { createPublicKey, randomBytes } from 'node:crypto';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { GOOGLE_DEMO_SERVICE_ACCOUNT } from './google.demo-key';

export const GOOGLE_TOKEN_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const CALENDAR_SCOPES: ReadonlySet<string> = new Set([
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar.events.readonly',
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/calendar.events',
]);
/** Google answers 3599 for a one-hour token. */
const TOKEN_TTL_SECONDS = 3599;
const MAX_ASSERTION_LIFETIME_SECONDS = 3600;
const CLOCK_SKEW_SECONDS = 300;
/** Google's token URLs; the simulator also accepts its own so a connector can use either. */
const GOOGLE_AUDIENCES = ['https://oauth2.googleapis.com/token', 'https://www.googleapis.com/oauth2/v4/token'];
const SHORT_LIVED =
  'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';

interface IssuedToken {
  expiresAt: number;
  scopes: ReadonlySet<string>;
}

type GrantError = { status: number; error: string; description: string };

/**
 * The OAuth 2.0 JWT bearer grant (RFC 7523) as Google runs it for service accounts: the
 * client signs {iss, scope, aud, iat, exp ≤ iat + 1 h} with its key and trades it for a token.
 */
export class GoogleTokenIssuer {
  private readonly publicKey = createPublicKey(GOOGLE_DEMO_SERVICE_ACCOUNT.private_key);
  private readonly tokens = new Map<string, IssuedToken>();

  /** The scopes of a live access token, or null when it is unknown or expired. */
  scopesOf(token: string | null, now: number): ReadonlySet<string> | null {
    const issued = token === null ? undefined : this.tokens.get(token);
    return issued && issued.expiresAt > now ? issued.scopes : null;
  }

  async issue(request: FastifyRequest, reply: FastifyReply, now: number): Promise<FastifyReply> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const result = await this.check(body, ownAudience(request), now);
    if ('error' in result) {
      return reply.code(result.status).send({ error: result.error, error_description: result.description });
    }
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(token);
    const token = `ya29.${randomBytes(32).toString('base64url')}`;
    this.tokens.set(token, { expiresAt: now + TOKEN_TTL_SECONDS * 1000, scopes: result.scopes });
    return reply
      .header('cache-control', 'no-cache, no-store, max-age=0, must-revalidate')
      .send({ access_token: token, expires_in: TOKEN_TTL_SECONDS, token_type: 'Bearer' });
  }

  private async check(
    body: Record<string, unknown>,
    ownAudience: string,
    now: number,
  ): Promise<GrantError | { scopes: ReadonlySet<string> }> {
    const grantType = body['grant_type'];
    if (grantType !== GOOGLE_TOKEN_GRANT) {
      return typeof grantType === 'string'
        ? { status: 400, error: 'unsupported_grant_type', description: `Invalid grant_type: ${grantType}` }
        : { status: 400, error: 'invalid_request', description: 'Missing required parameter: grant_type' };
    }
    const assertion = body['assertion'];
    if (typeof assertion !== 'string' || assertion === '') {
      return { status: 400, error: 'invalid_request', description: 'Missing required parameter: assertion' };
    }
    let claims: JWTPayload;
    try {
      claims = decodeJwt(assertion);
    } catch {
      return { status: 400, error: 'invalid_grant', description: 'Invalid JWT: malformed assertion.' };
    }
    if (claims.iss !== GOOGLE_DEMO_SERVICE_ACCOUNT.client_email) {
      return { status: 400, error: 'invalid_grant', description: 'Invalid grant: account not found' };
    }
    const signature = await this.verifySignature(assertion, now);
    if (signature) return signature;
    return checkClaims(claims, ownAudience, now);
  }

  private async verifySignature(assertion: string, now: number): Promise<GrantError | null> {
    try {
      // Times are judged below against Google's rules; here only the RS256 signature counts.
      await jwtVerify(assertion, this.publicKey, {
        algorithms: ['RS256'],
        currentDate: new Date(now),
        clockTolerance: '10y',
      });
      return null;
    } catch (error) {
      if (error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWSSignatureVerificationFailed)) {
        return { status: 400, error: 'invalid_grant', description: `Invalid JWT: ${error.message}` };
      }
      return { status: 400, error: 'invalid_grant', description: 'Invalid JWT Signature.' };
    }
  }
}

function checkClaims(
  claims: JWTPayload,
  ownAudience: string,
  now: number,
): GrantError | { scopes: ReadonlySet<string> } {
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((aud) => aud === ownAudience || GOOGLE_AUDIENCES.includes(aud ?? ''))) {
    return {
      status: 400,
      error: 'invalid_grant',
      description: `Invalid JWT: Failed audience check. The expected audience is ${GOOGLE_AUDIENCES[0]}.`,
    };
  }
  const { iat, exp } = claims;
  const nowSeconds = now / 1000;
  if (
    typeof iat !== 'number' ||
    typeof exp !== 'number' ||
    exp <= iat ||
    exp - iat > MAX_ASSERTION_LIFETIME_SECONDS ||
    exp < nowSeconds - CLOCK_SKEW_SECONDS ||
    iat > nowSeconds + CLOCK_SKEW_SECONDS
  ) {
    return { status: 400, error: 'invalid_grant', description: SHORT_LIVED };
  }
  const scopes = typeof claims['scope'] === 'string' ? claims['scope'].split(' ').filter(Boolean) : [];
  if (scopes.length === 0) {
    return { status: 400, error: 'invalid_scope', description: 'Invalid OAuth scope or ID token audience provided.' };
  }
  // Domain-wide delegation: `sub` names the Workspace user to act as; only demo-domain users exist.
  const sub = claims.sub;
  if (sub !== undefined && sub !== claims.iss && !sub.endsWith('@switchyard.example')) {
    return {
      status: 401,
      error: 'unauthorized_client',
      description:
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
    };
  }
  return { scopes: new Set(scopes) };
}

function ownAudience(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}/google/token`;
}

/** Google's JSON error envelope. */
export function googleError(
  code: number,
  message: string,
  detail: { domain: string; reason: string; message?: string; location?: string; locationType?: string },
  status?: string,
) {
  return {
    error: {
      code,
      message,
      errors: [{ message: detail.message ?? message, ...detail }],
      ...(status ? { status } : {}),
    },
  };
}
