import { Injectable } from '@nestjs/common';
import type { SourceAuth } from '@switchyard/contracts';
import { Clock } from '../../common';
import { CredentialsService } from '../../sources';
import { UpstreamError } from './upstream-error';

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Early refresh, so a token never expires between being read and being used. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Turns a source's auth definition into request headers: opens the credential, and for
 * OAuth2 client credentials (RFC 6749 section 4.4) fetches and caches access tokens.
 */
@Injectable()
export class UpstreamAuth {
  private readonly tokens = new Map<string, CachedToken>();

  constructor(
    private readonly credentials: CredentialsService,
    private readonly clock: Clock,
  ) {}

  async headersFor(auth: SourceAuth, vendor: string, signal?: AbortSignal): Promise<Record<string, string>> {
    switch (auth.type) {
      case 'none':
        return {};
      case 'bearer':
        return { authorization: `Bearer ${await this.secret(auth.credentialId)}` };
      case 'api-key':
        return { [auth.header.toLowerCase()]: await this.secret(auth.credentialId) };
      case 'oauth2-client-credentials':
        return { authorization: `Bearer ${await this.accessToken(auth, vendor, signal)}` };
    }
  }

  /** Drops a cached token the upstream refused, so the next attempt fetches a new one. */
  forget(auth: SourceAuth): void {
    if (auth.type === 'oauth2-client-credentials') this.tokens.delete(tokenKey(auth));
  }

  private async secret(credentialId: string): Promise<string> {
    const credential = await this.credentials.open(credentialId);
    if (!credential) throw UpstreamError.configuration(`credential ${credentialId} of this source no longer exists`);
    return credential.secret;
  }

  private async accessToken(
    auth: Extract<SourceAuth, { type: 'oauth2-client-credentials' }>,
    vendor: string,
    signal?: AbortSignal,
  ): Promise<string> {
    const key = tokenKey(auth);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.clock.now().getTime()) return cached.accessToken;
    const credential = await this.credentials.open(auth.credentialId);
    if (!credential?.clientId) {
      throw UpstreamError.configuration(`credential ${auth.credentialId} is missing or has no client id`);
    }
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) form.set('scope', auth.scope);
    const basic = Buffer.from(
      `${encodeURIComponent(credential.clientId)}:${encodeURIComponent(credential.secret)}`,
    ).toString('base64');
    let response: Response;
    try {
      response = await fetch(auth.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw UpstreamError.unreachable(
        `${vendor} token endpoint`,
        error instanceof Error ? error.message : String(error),
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      if (response.status >= 500 || response.status === 429)
        throw UpstreamError.fromStatus(`${vendor} token endpoint`, response.status, undefined);
      throw new UpstreamError(`${vendor} token endpoint refused our client credentials (HTTP ${response.status})`, {
        code: 'UPSTREAM_AUTH_FAILED',
        category: 'auth',
        retryable: false,
        countsForBreaker: false,
        status: response.status,
      });
    }
    const body = (await response.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!body || typeof body.access_token !== 'string')
      throw UpstreamError.malformed(`${vendor} token endpoint`, 'no access_token');
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.tokens.set(key, { accessToken: body.access_token, expiresAt: this.clock.now().getTime() + lifetime * 1000 });
    return body.access_token;
  }
}

function tokenKey(auth: Extract<SourceAuth, { type: 'oauth2-client-credentials' }>): string {
  return `${auth.credentialId}|${auth.tokenUrl}|${auth.scope ?? ''}`;
}
