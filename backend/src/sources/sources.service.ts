import { Injectable, Logger } from '@nestjs/common';
import {
  NORMALIZERS,
  type FieldError,
  type Page,
  type Principal,
  type Source,
  type SourceStatus,
} from '@switchyard/contracts';
import { AuditService, DataScopeService } from '../auth';
import { AppConfig } from '../config';
import {
  Clock,
  DomainException,
  parseOrThrow,
  ResourceNotFoundException,
  toPage,
  ValidationFailedException,
} from '../common';
import type { PageWindow } from '../common';
import { DomainEventBus } from '../events';
import { AddressPolicy } from './address-policy';
import { CredentialsService } from './credentials.service';
import { sourceDefinitionSchema, type ParsedSourceDefinition } from './dto/source-definition.schema';
import { SourceEntity } from './entities/source.entity';
import { SourcesRepository, type SourceFilters } from './sources.repository';

/** Live status per source, supplied by the sync engine (which depends on this module, not the reverse). */
export type SourceStatusReader = (sources: SourceEntity[]) => Promise<Map<string, SourceStatus>>;

@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);
  private statusReader: SourceStatusReader | null = null;
  readonly addressPolicy: AddressPolicy;

  constructor(
    private readonly sources: SourcesRepository,
    private readonly credentials: CredentialsService,
    private readonly clock: Clock,
    private readonly scopes: DataScopeService,
    private readonly audit: AuditService,
    private readonly bus: DomainEventBus,
    config: AppConfig,
  ) {
    this.addressPolicy = new AddressPolicy(config.sync.allowedHosts);
  }

  useStatusReader(reader: SourceStatusReader): void {
    this.statusReader = reader;
  }

  async create(body: unknown, actor?: Principal): Promise<Source> {
    const input = await this.validate(body);
    if (await this.sources.findById(input.id)) {
      throw new DomainException('CONFLICT', 409, `source ${input.id} already exists; use PUT to replace it`);
    }
    const now = this.clock.now();
    const entity = toEntity(input, now, now);
    await this.sources.insert(entity);
    this.logger.log({ sourceId: entity.id, normalizer: entity.normalizer }, 'source created');
    await this.record('source.create', entity.id, actor);
    return this.present(entity);
  }

  async replace(id: string, body: unknown, actor?: Principal): Promise<Source> {
    const existing = await this.require(id);
    const input = await this.validate(body);
    if (input.id !== id) {
      throw new ValidationFailedException([{ field: 'id', message: 'id must match the id in the path' }]);
    }
    const entity = toEntity(input, existing.createdAt, this.clock.now());
    await this.sources.save(entity);
    this.logger.log({ sourceId: id }, 'source replaced');
    await this.record('source.update', id, actor);
    return this.present(entity);
  }

  /** Merges top-level fields into the stored definition, then validates the whole. */
  async update(id: string, patch: unknown, actor?: Principal): Promise<Source> {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new ValidationFailedException([{ field: '(body)', message: 'body must be a JSON object' }]);
    }
    const existing = await this.require(id);
    return this.replace(id, { ...toDefinition(existing), ...patch, id }, actor);
  }

  async delete(id: string, actor?: Principal): Promise<void> {
    if (!(await this.sources.delete(id))) throw new ResourceNotFoundException('source', id);
    await this.record('source.delete', id, actor);
    this.logger.log({ sourceId: id }, 'source deleted with its runs, snapshots and normalized rows');
  }

  async get(id: string, principal?: Principal): Promise<Source> {
    return this.present(await this.requireVisible(id, principal));
  }

  /** The source, or 404 when it does not exist or lies outside the principal's tenants. */
  async requireVisible(id: string, principal: Principal | undefined): Promise<SourceEntity> {
    const row = await this.sources.findById(id);
    if (!row || !this.scopes.allowsTenant(principal, row.tenant)) throw new ResourceNotFoundException('source', id);
    return row;
  }

  async list(
    filters: SourceFilters,
    window: PageWindow,
    principal?: Principal,
  ): Promise<Omit<Page<Source>, 'generatedAt'>> {
    const [rows, total] = await this.sources.list({ ...filters, tenants: this.scopes.tenants(principal) }, window);
    const statuses = await this.readStatuses(rows);
    return toPage(
      window,
      rows.map((row) => toSource(row, statuses.get(row.id))),
      total,
    );
  }

  async require(id: string): Promise<SourceEntity> {
    const row = await this.sources.findById(id);
    if (!row) throw new ResourceNotFoundException('source', id);
    return row;
  }

  findAll(): Promise<SourceEntity[]> {
    return this.sources.findAll();
  }

  /** One source, or null: for a caller that re-judges a source it just worked on. */
  find(id: string): Promise<SourceEntity | null> {
    return this.sources.findById(id);
  }

  /** Audits a change to a source's definition and announces it (live `source:<id>` topic). */
  private async record(
    action: 'source.create' | 'source.update' | 'source.delete',
    id: string,
    actor: Principal | undefined,
  ): Promise<void> {
    this.bus.publish({
      type: 'source.changed',
      at: this.clock.now().toISOString(),
      sourceId: id,
      action: action === 'source.create' ? 'created' : action === 'source.update' ? 'updated' : 'deleted',
    });
    await this.audit.record({
      action,
      actor: actor ?? { kind: 'system', id: null },
      outcome: 'success',
      resourceType: 'source',
      resourceId: id,
    });
  }

  private async present(row: SourceEntity): Promise<Source> {
    const statuses = await this.readStatuses([row]);
    return toSource(row, statuses.get(row.id));
  }

  private async readStatuses(rows: SourceEntity[]): Promise<Map<string, SourceStatus>> {
    return this.statusReader && rows.length > 0 ? this.statusReader(rows) : new Map();
  }

  private async validate(body: unknown): Promise<ParsedSourceDefinition> {
    const input = parseOrThrow(sourceDefinitionSchema, body);
    const problems: FieldError[] = [];
    const urls: Array<[string, string]> = [];
    if (input.request) urls.push(['request.url', input.request.url]);
    if (input.request?.auth.type === 'oauth2-client-credentials')
      urls.push(['request.auth.tokenUrl', input.request.auth.tokenUrl]);
    for (const [field, url] of urls) {
      const verdict = await this.addressPolicy.check(url);
      if (!verdict.allowed) problems.push({ field, message: `${field}: ${verdict.reason}` });
    }
    const credentialIds: Array<[string, string]> = [];
    if (input.request && input.request.auth.type !== 'none')
      credentialIds.push(['request.auth.credentialId', input.request.auth.credentialId]);
    if (input.webhookSecretCredentialId)
      credentialIds.push(['webhookSecretCredentialId', input.webhookSecretCredentialId]);
    for (const [field, credentialId] of credentialIds) {
      const credential = await this.credentials.describe(credentialId);
      if (credential && credential.tenant !== null && credential.tenant !== input.tenant) {
        problems.push({
          field,
          message: `${field}: credential ${credentialId} belongs to tenant ${credential.tenant}, not to ${input.tenant ?? 'no tenant'}`,
        });
      }
      if (!credential) {
        problems.push({
          field,
          message: `${field}: credential ${credentialId} does not exist; create it under /api/v1/credentials first`,
        });
      }
    }
    if (problems.length > 0) throw new ValidationFailedException(problems);
    return input;
  }
}

function toEntity(input: ParsedSourceDefinition, createdAt: Date, updatedAt: Date): SourceEntity {
  return { ...input, domain: NORMALIZERS[input.normalizer], createdAt, updatedAt };
}

function toDefinition(row: SourceEntity): Record<string, unknown> {
  const { domain: _domain, createdAt: _created, updatedAt: _updated, ...definition } = row;
  return definition;
}

export function toSource(row: SourceEntity, status: SourceStatus | undefined): Source {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    status: status ?? unknownStatus(row),
  };
}

function unknownStatus(row: SourceEntity): SourceStatus {
  return {
    nextRunAt: null,
    running: false,
    lastRunId: null,
    lastRunStatus: null,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastFullSyncAt: null,
    dataAsOf: null,
    cursor: null,
    rateLimitedUntil: null,
    breaker: { state: 'closed', consecutiveFailures: 0, openedAt: null, halfOpenAt: null },
    lastError: null,
    freshness: {
      id: row.id,
      name: row.name,
      lastSuccessAt: null,
      dataAsOf: null,
      ageSeconds: null,
      state: 'unavailable',
      reason: 'never loaded',
    },
  };
}
