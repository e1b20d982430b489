import { Injectable } from '@nestjs/common';
import type {
  ConnectorDefinition,
  SourcePreviewResult,
  SourceTestResult,
  SourceTrialInput,
} from '@switchyard/contracts';
import { z } from 'zod';
import { DomainException, parseOrThrow, ValidationFailedException } from '../common';
import { ConnectorsService, RECORD_TABLES, SelectorError, StreamMapper } from '../connectors';
import { SourcesService, type ValidatedSource } from '../sources';
import { normalizePages } from './normalize/normalize-pages';
import type { FetchResult } from './upstream/page-fetcher';
import { RequestPolicy } from './upstream/request-policy';
import { StreamFetcher } from './upstream/stream-fetcher';
import { UpstreamError } from './upstream/upstream-error';

const trialSchema = z.strictObject({
  source: z.unknown(),
  connector: z.unknown().optional(),
  limit: z.number().int().min(1).max(200).default(20),
});

/** Pages a preview may read to find its records. */
const PREVIEW_MAX_PAGES = 3;

/**
 * Tries a draft source (and optionally a draft connector) against the live upstream:
 * connect, authenticate, fetch, map, and answer what happened. Nothing is stored, the
 * source's breaker is not touched, and requests obey the address policy and the time limit.
 */
@Injectable()
export class SourceTrialService {
  constructor(
    private readonly sources: SourcesService,
    private readonly connectors: ConnectorsService,
    private readonly fetcher: StreamFetcher,
  ) {}

  async test(body: unknown): Promise<SourceTestResult> {
    const { validated } = await this.prepare(body);
    const started = performance.now();
    const fetched = await this.fetch(validated, 1, started);
    const page = fetched.pages[0];
    return {
      ok: true,
      connectorId: validated.connector.id,
      stream: validated.stream.name,
      requestUrl: page?.requestUrl ?? '',
      status: 200,
      durationMs: Math.round(performance.now() - started),
      recordCount: page?.itemCount ?? 0,
      hasMorePages: fetched.truncated,
      error: null,
    };
  }

  async preview(body: unknown): Promise<SourcePreviewResult> {
    const { validated, limit } = await this.prepare(body);
    const started = performance.now();
    const fetched = await this.fetch(validated, PREVIEW_MAX_PAGES, started);
    let mapped: ReturnType<typeof normalizePages>;
    try {
      mapped = normalizePages(
        new StreamMapper(validated.stream),
        fetched.pages.map((p) => p.payload),
        validated.input.connector.config,
        null,
      );
    } catch (error) {
      if (error instanceof SelectorError)
        throw upstreamFailure(UpstreamError.schemaMismatch(validated.input.name, error.message), fetched);
      throw error;
    }
    const byTable = new Map(Object.entries(RECORD_TABLES).map(([type, table]) => [table, type]));
    const records = [...mapped.tables].flatMap(([table, rows]) =>
      rows.map((r) => ({
        target: byTable.get(table) as SourcePreviewResult['records'][number]['target'],
        externalId: r.externalId,
        updatedAt: r.sourceUpdatedAt?.toISOString() ?? null,
        values: r.values,
      })),
    );
    return {
      ok: mapped.errors.length === 0,
      connectorId: validated.connector.id,
      stream: validated.stream.name,
      requestUrl: fetched.pages[0]?.requestUrl ?? '',
      status: 200,
      durationMs: Math.round(performance.now() - started),
      recordCount: fetched.pages.reduce((sum, p) => sum + p.itemCount, 0),
      hasMorePages: fetched.truncated,
      error: null,
      records: records.slice(0, limit),
      fieldErrors: mapped.errors.slice(0, 100),
    };
  }

  private async prepare(body: unknown): Promise<{ validated: ValidatedSource; limit: number }> {
    const input = parseOrThrow(trialSchema, body) as SourceTrialInput & { limit: number };
    let draft: ConnectorDefinition | undefined;
    if (input.connector !== undefined) {
      try {
        draft = {
          ...this.connectors.validate(input.connector),
          builtIn: false,
          version: 0,
          createdAt: null,
          updatedAt: null,
        };
      } catch (error) {
        if (error instanceof ValidationFailedException) throw prefixFields(error, 'connector');
        throw error;
      }
    }
    try {
      return { validated: await this.sources.validateDraft(input.source, draft), limit: input.limit };
    } catch (error) {
      if (error instanceof ValidationFailedException) throw prefixFields(error, 'source');
      throw error;
    }
  }

  private async fetch(validated: ValidatedSource, maxPages: number, started: number): Promise<FetchResult> {
    const { input, connector, stream } = validated;
    const policy = new RequestPolicy({
      vendor: input.name,
      timeoutMs: input.timeoutMs,
      retry: { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0 },
      breaker: input.breaker,
      breakerSnapshot: null,
      onBreakerChange: () => undefined,
    });
    try {
      return await this.fetcher.fetch({
        vendor: input.name,
        connector,
        stream,
        source: input,
        cursor: null,
        policy,
        maxPages,
      });
    } catch (error) {
      if (error instanceof UpstreamError) {
        throw upstreamFailure(error, null, Math.round(performance.now() - started));
      }
      throw error;
    }
  }
}

/** An upstream failure in the API error format: 502 with the sync error code, category and upstream status. */
function upstreamFailure(error: UpstreamError, fetched: FetchResult | null, durationMs?: number): DomainException {
  return new DomainException('UPSTREAM_ERROR', 502, error.message, {
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfter: error.retryAfterSeconds }),
    details: {
      syncErrorCode: error.code,
      category: error.category,
      upstreamStatus: error.status ?? null,
      retryable: error.retryable,
      ...(fetched?.pages[0] ? { requestUrl: fetched.pages[0].requestUrl } : {}),
      ...(durationMs === undefined ? {} : { durationMs }),
    },
  });
}

function prefixFields(error: ValidationFailedException, prefix: string): ValidationFailedException {
  const fields = (error.extra.fields ?? []).map((f) => ({
    field: `${prefix}.${f.field}`,
    message: f.message,
  }));
  return new ValidationFailedException(fields);
}
