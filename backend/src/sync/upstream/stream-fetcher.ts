import { Injectable } from '@nestjs/common';
import type { ConnectorDefinitionInput, StreamDefinition } from '@switchyard/contracts';
import { Clock } from '../../common';
import { AddressPolicy } from '../../sources';
import { fetchAllPages, type FetchedPage, type FetchResult } from './page-fetcher';
import type { RequestPolicy } from './request-policy';
import { UpstreamAuth } from './upstream-auth';
import { UpstreamError } from './upstream-error';

export interface StreamFetch {
  vendor: string;
  connector: Pick<ConnectorDefinitionInput, 'auth' | 'baseUrl' | 'headers' | 'rateLimit'>;
  stream: StreamDefinition;
  source: {
    id: string;
    tenant: string | null;
    connector: { config: Record<string, string>; credentialId: string | null };
  };
  cursor: string | null;
  policy: RequestPolicy;
  maxPages?: number;
  onPage?: (page: FetchedPage) => Promise<void>;
}

/**
 * Fetches a connector stream for a source (a scheduled run, or a draft under test): the
 * source's credential and settings, the address policy on every host it is sent to, and
 * a refused token forgotten so the next attempt asks for a new one.
 */
@Injectable()
export class StreamFetcher {
  constructor(
    private readonly addressPolicy: AddressPolicy,
    private readonly auth: UpstreamAuth,
    private readonly clock: Clock,
  ) {}

  async fetch(request: StreamFetch): Promise<FetchResult> {
    const { connector, source, vendor } = request;
    const { config, credentialId } = source.connector;
    const checkUrl = this.addressCheck();
    try {
      return await fetchAllPages({
        vendor,
        connector,
        stream: request.stream,
        config,
        source: { id: source.id, tenant: source.tenant },
        auth: () =>
          this.auth.materialFor({
            auth: connector.auth,
            headers: connector.headers,
            credentialId,
            config,
            vendor,
            checkUrl,
          }),
        cursor: request.cursor,
        policy: request.policy,
        now: () => this.clock.now(),
        checkUrl,
        maxPages: request.maxPages,
        onPage: request.onPage,
      });
    } catch (error) {
      if (error instanceof UpstreamError && error.code === 'UPSTREAM_AUTH_FAILED') this.auth.forget(credentialId);
      throw error;
    }
  }

  /** The address policy, asked once per host and port in one fetch (each page would repeat the DNS look-up). */
  private addressCheck(): (url: string) => Promise<void> {
    const allowed = new Set<string>();
    return async (url) => {
      const origin = new URL(url).origin;
      if (allowed.has(origin)) return;
      const verdict = await this.addressPolicy.check(url);
      if (!verdict.allowed) throw UpstreamError.configuration(verdict.reason, 'UPSTREAM_CLIENT_ERROR');
      allowed.add(origin);
    };
  }
}
