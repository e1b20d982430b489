import { Injectable } from '@nestjs/common';
import type { ConnectorAuth } from '@switchyard/contracts';
import { importPKCS8, SignJWT } from 'jose';
import { Clock } from '../../common';
import { render } from '../../connectors';
import { CredentialsService, type OpenedCredential } from '../../sources';
import { UpstreamError } from './upstream-error';

/** What a request carries to authenticate: headers and query parameters. */
export interface AuthMaterial {
  headers: Record<string, string>;
  query: Record<string, string>;
}

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

interface TokenAnswer {
  access_token?: unknown;
  expires_in?: unknown;
  refresh_token?: unknown;
}

/** Early refresh, so a token never expires between being read and being used. */
const EXPIRY_MARGIN_MS = 30_000;
const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface AuthRequest {
  auth: ConnectorAuth;
  /** The connector's own headers (templates over config and credential). */
  headers?: Record<string, string>;
  credentialId: string | null;
  config: Record<string, string>;
  vendor: string;
  /** Refuses token URLs the address policy does not allow. */
  checkUrl: (url: string) => Promise<void>;
  signal?: AbortSignal;
}

/**
 * Turns a connector's auth into request material: opens the source's credential, renders
 * Basic, bearer and API-key placements, and for the OAuth2 grants (client credentials,
 * refresh token with rotation, RFC 7523 JWT bearer) fetches and caches access tokens.
 */
@Injectable()
export class UpstreamAuth {
  private readonly tokens = new Map<string, CachedToken>();

  constructor(
    private readonly credentials: CredentialsService,
    private readonly clock: Clock,
  ) {}

  async materialFor(request: AuthRequest): Promise<AuthMaterial> {
    const credential =
      request.auth.type === 'none' && !request.credentialId ? null : await this.open(request.credentialId);
    const vars = { config: request.config, credential: credential ? credentialVars(credential) : {} };
    const material = await this.authMaterial(request, credential, vars);
    // Connector-wide headers may carry a further secret of the credential (a tenant or web key).
    for (const [name, template] of Object.entries(request.headers ?? {})) {
      material.headers[name.toLowerCase()] = render(template, vars);
    }
    return material;
  }

  private async authMaterial(
    request: AuthRequest,
    credential: OpenedCredential | null,
    vars: Record<string, unknown>,
  ): Promise<AuthMaterial> {
    const { auth } = request;
    if (auth.type === 'none' || !credential) return { headers: {}, query: {} };
    switch (auth.type) {
      case 'basic': {
        const user = render(auth.username ?? '{{credential.clientId}}', vars);
        const password = render(auth.password ?? '{{credential.secret}}', vars);
        return { headers: { authorization: `Basic ${basic(user, password)}` }, query: {} };
      }
      case 'bearer':
        return {
          headers: { authorization: `Bearer ${render(auth.token ?? '{{credential.secret}}', vars)}` },
          query: {},
        };
      case 'api-keys': {
        const material: AuthMaterial = { headers: {}, query: {} };
        for (const key of auth.keys) {
          const target = key.in === 'header' ? material.headers : material.query;
          target[key.in === 'header' ? key.name.toLowerCase() : key.name] = render(key.value, vars);
        }
        return material;
      }
      case 'oauth2-client-credentials':
      case 'oauth2-refresh-token':
      case 'jwt-bearer':
        return { headers: { authorization: `Bearer ${await this.accessToken(request, credential)}` }, query: {} };
    }
  }

  /** Drops a cached token the upstream refused, so the next attempt fetches a new one. */
  forget(credentialId: string | null): void {
    for (const key of this.tokens.keys()) if (key.startsWith(`${credentialId}|`)) this.tokens.delete(key);
  }

  private async open(credentialId: string | null): Promise<OpenedCredential> {
    if (!credentialId) throw UpstreamError.configuration('this source has no credential, but its connector needs one');
    const credential = await this.credentials.open(credentialId);
    if (!credential) throw UpstreamError.configuration(`credential ${credentialId} of this source no longer exists`);
    return credential;
  }

  private async accessToken(request: AuthRequest, credential: OpenedCredential): Promise<string> {
    const { auth } = request;
    const scope = 'scope' in auth ? (auth.scope ?? '') : '';
    const key = `${credential.id}|${auth.type}|${scope}`;
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.clock.now().getTime()) return cached.accessToken;
    const answer =
      auth.type === 'oauth2-refresh-token'
        ? await this.refreshGrant(request, credential)
        : auth.type === 'jwt-bearer'
          ? await this.jwtBearerGrant(request, credential)
          : await this.tokenRequest(
              request,
              tokenUrlOf(request),
              clientCredentialsForm(request, credential),
              credential,
            );
    const lifetime = typeof answer.expires_in === 'number' ? answer.expires_in : 300;
    const accessToken = answer.access_token as string;
    this.tokens.set(key, { accessToken, expiresAt: this.clock.now().getTime() + lifetime * 1000 });
    return accessToken;
  }

  /**
   * The refresh token is read and, when the vendor rotates it, replaced under a row lock,
   * so two replicas never spend the same refresh token and a restart finds the new one.
   */
  private async refreshGrant(request: AuthRequest, credential: OpenedCredential): Promise<TokenAnswer> {
    const answer = await this.credentials.withLocked(credential.id, async (locked) => {
      const refreshToken = locked.fields.refreshToken;
      if (!refreshToken) throw UpstreamError.configuration(`credential ${locked.id} has no refreshToken field`);
      const form = { grant_type: 'refresh_token', refresh_token: refreshToken, ...scopeOf(request.auth) };
      const result = await this.tokenRequest(request, tokenUrlOf(request), clientForm(request, locked, form), locked);
      const rotated = typeof result.refresh_token === 'string' && result.refresh_token !== refreshToken;
      return { result, fields: rotated ? { refreshToken: result.refresh_token as string } : undefined };
    });
    if (!answer) throw UpstreamError.configuration(`credential ${credential.id} of this source no longer exists`);
    return answer;
  }

  private async jwtBearerGrant(request: AuthRequest, credential: OpenedCredential): Promise<TokenAnswer> {
    const auth = request.auth as Extract<ConnectorAuth, { type: 'jwt-bearer' }>;
    const key = JSON.parse(credential.secret) as {
      client_email: string;
      private_key: string;
      private_key_id?: string;
      token_uri?: string;
    };
    // A tokenUrl setting left empty falls back to the key's own token_uri.
    const tokenUrl = (auth.tokenUrl ? render(auth.tokenUrl, { config: request.config }) : '') || key.token_uri;
    if (!tokenUrl)
      throw UpstreamError.configuration('the service account key has no token_uri and the connector names none');
    let assertion: string;
    try {
      const signer = new SignJWT({ scope: auth.scope })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(key.private_key_id ? { kid: key.private_key_id } : {}) })
        .setIssuer(key.client_email)
        .setAudience(tokenUrl)
        .setIssuedAt(Math.floor(this.clock.now().getTime() / 1000))
        .setExpirationTime(Math.floor(this.clock.now().getTime() / 1000) + 3600);
      if (auth.subject) signer.setSubject(auth.subject);
      assertion = await signer.sign(await importPKCS8(key.private_key, 'RS256'));
    } catch (error) {
      throw UpstreamError.configuration(
        `credential ${credential.id}: the service account's private key cannot sign (${(error as Error).message})`,
      );
    }
    return this.tokenRequest(
      request,
      tokenUrl,
      { form: { grant_type: JWT_BEARER_GRANT, assertion }, headers: {} },
      credential,
    );
  }

  private async tokenRequest(
    request: AuthRequest,
    tokenUrl: string,
    body: TokenForm,
    credential: OpenedCredential,
  ): Promise<TokenAnswer> {
    await request.checkUrl(tokenUrl);
    const endpoint = `${request.vendor} token endpoint`;
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...body.headers },
        body: new URLSearchParams(body.form).toString(),
        redirect: 'manual',
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw UpstreamError.unreachable(endpoint, error instanceof Error ? error.message : String(error));
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      if (response.status >= 500 || response.status === 429)
        throw UpstreamError.fromStatus(endpoint, response.status, undefined);
      const said = text.replace(/\s+/g, ' ').slice(0, 200);
      throw new UpstreamError(
        `${endpoint} refused credential ${credential.id} (HTTP ${response.status}${said ? `: ${said}` : ''}); rotate or re-authorize it`,
        {
          code: 'UPSTREAM_AUTH_FAILED',
          category: 'auth',
          retryable: false,
          countsForBreaker: false,
          status: response.status,
        },
      );
    }
    let answer: TokenAnswer | null = null;
    try {
      answer = JSON.parse(text) as TokenAnswer;
    } catch {
      answer = null;
    }
    if (!answer || typeof answer.access_token !== 'string') throw UpstreamError.malformed(endpoint, 'no access_token');
    return answer;
  }
}

function credentialVars(credential: OpenedCredential): Record<string, unknown> {
  return { secret: credential.secret, clientId: credential.clientId ?? '', fields: credential.fields };
}

function basic(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`).toString('base64');
}

function tokenUrlOf(request: AuthRequest): string {
  const auth = request.auth as { tokenUrl: string };
  return render(auth.tokenUrl, { config: request.config });
}

function scopeOf(auth: ConnectorAuth): Record<string, string> {
  return 'scope' in auth && auth.scope ? { scope: auth.scope } : {};
}

function clientCredentialsForm(request: AuthRequest, credential: OpenedCredential): TokenForm {
  return clientForm(request, credential, { grant_type: 'client_credentials', ...scopeOf(request.auth) });
}

/** Client authentication for the token endpoint: HTTP Basic (RFC 6749 2.3.1, the default) or form fields. */
interface TokenForm {
  form: Record<string, string>;
  headers: Record<string, string>;
}

function clientForm(request: AuthRequest, credential: OpenedCredential, form: Record<string, string>): TokenForm {
  const mode = 'clientAuth' in request.auth ? (request.auth.clientAuth ?? 'basic') : 'basic';
  const clientId = credential.clientId ?? '';
  if (mode === 'body') return { form: { ...form, client_id: clientId, client_secret: credential.secret }, headers: {} };
  const encoded = basic(encodeURIComponent(clientId), encodeURIComponent(credential.secret));
  return { form, headers: { authorization: `Basic ${encoded}` } };
}
