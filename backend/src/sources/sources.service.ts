import { Injectable, Logger } from '@nestjs/common';
import {
  CREDENTIAL_KINDS_FOR_AUTH,
  type ConnectorDefinition,
  type StreamDefinition,
  type CredentialKind,
  type FieldError,
  type Page,
  type Principal,
  type Source,
  type SourceDomain,
  type SourceStatus,
} from '@switchyard/contracts';
import { AuditService, DataScopeService } from '../auth';
import { ConnectorsService, render } from '../connectors';
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
import { FreshnessService } from './state/freshness.service';
import { SourceStateView } from './state/source-state-view';
import { SourcesRepository, type SourceFilters } from './sources.repository';

@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);

  constructor(
    private readonly sources: SourcesRepository,
    private readonly credentials: CredentialsService,
    private readonly clock: Clock,
    private readonly scopes: DataScopeService,
    private readonly audit: AuditService,
    private readonly bus: DomainEventBus,
    private readonly connectors: ConnectorsService,
    private readonly addressPolicy: AddressPolicy,
    private readonly freshness: FreshnessService,
    private readonly view: SourceStateView,
  ) {}

  async create(body: unknown, actor?: Principal): Promise<Source> {
    const validated = await this.validate(body);
    if (await this.sources.findById(validated.input.id)) {
      throw new DomainException('CONFLICT', 409, `source ${validated.input.id} already exists; use PUT to replace it`);
    }
    const now = this.clock.now();
    const entity = toEntity(validated, now, now);
    await this.sources.insert(entity);
    this.logger.log(
      { sourceId: entity.id, connector: entity.connector.id, stream: entity.connector.stream },
      'source created',
    );
    await this.record('source.create', entity.id, actor);
    return this.present(entity);
  }

  async replace(id: string, body: unknown, actor?: Principal): Promise<Source> {
    const existing = await this.require(id);
    const validated = await this.validate(body);
    if (validated.input.id !== id) {
      throw new ValidationFailedException([{ field: 'id', message: 'id must match the id in the path' }]);
    }
    const entity = toEntity(validated, existing.createdAt, this.clock.now());
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

  /** One source as the in-memory view holds it (no database round trip); read-only. */
  async requireKnown(id: string): Promise<SourceEntity> {
    const row = (await this.view.sources()).find((source) => source.id === id);
    if (!row) throw new ResourceNotFoundException('source', id);
    return row;
  }

  /** Every source as the in-memory view holds it (no database round trip); read-only. */
  async known(): Promise<readonly SourceEntity[]> {
    return this.view.sources();
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
    return rows.length > 0 ? this.freshness.statusOf(rows) : new Map();
  }

  /**
   * Validates a source that is not saved (connection test and preview), optionally
   * against a draft connector that is not saved either.
   */
  validateDraft(body: unknown, draft?: ConnectorDefinition): Promise<ValidatedSource> {
    return this.validate(body, draft);
  }

  private async validate(body: unknown, draft?: ConnectorDefinition): Promise<ValidatedSource> {
    const input = parseOrThrow(sourceDefinitionSchema, body);
    const { connector, stream } = draft
      ? resolveDraft(draft, input.connector.stream)
      : await this.connectors.resolve(input.connector.id, input.connector.stream);
    const problems: FieldError[] = [];
    const declared = new Map((connector.config ?? []).map((field) => [field.name, field]));
    for (const name of Object.keys(input.connector.config)) {
      if (!declared.has(name)) {
        const known = [...declared.keys()].join(', ') || 'none';
        problems.push({
          field: `connector.config.${name}`,
          message: `connector ${connector.id} has no setting "${name}" (it has ${known})`,
        });
      }
    }
    for (const field of declared.values()) {
      if (input.connector.config[field.name] === undefined && field.default !== undefined) {
        input.connector.config[field.name] = field.default;
      }
    }
    // A webhook source only maps what is pushed to it: the connector's URLs are never called.
    if (input.kind === 'http-pull') problems.push(...(await this.checkPullSettings(connector, input.connector.config)));
    const needed = CREDENTIAL_KINDS_FOR_AUTH[connector.auth.type];
    // A webhook source only maps what is pushed to it: its connector's auth is never used.
    if (input.kind === 'http-pull' && needed.length > 0 && !input.connector.credentialId) {
      problems.push({
        field: 'connector.credentialId',
        message: `connector ${connector.id} needs a credential (${needed.join(' or ')})`,
      });
    }
    const credentialIds: Array<[string, string, readonly CredentialKind[]]> = [];
    if (input.connector.credentialId)
      credentialIds.push(['connector.credentialId', input.connector.credentialId, needed]);
    if (input.webhookSecretCredentialId)
      credentialIds.push(['webhookSecretCredentialId', input.webhookSecretCredentialId, ['webhook-secret']]);
    for (const [field, credentialId, kinds] of credentialIds) {
      problems.push(...(await this.checkCredential(field, credentialId, kinds, input.tenant)));
    }
    if (problems.length > 0) throw new ValidationFailedException(problems);
    return { input, domain: stream.domain, connector, stream };
  }

  private async checkPullSettings(
    connector: ConnectorDefinition,
    config: Record<string, string>,
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    for (const field of connector.config ?? []) {
      if (field.required && !config[field.name]) {
        problems.push({
          field: `connector.config.${field.name}`,
          message: `is required by connector ${connector.id} (${field.label})`,
        });
      }
    }
    if (problems.length > 0) return problems;
    const urls = [render(connector.baseUrl, { config })];
    if ('tokenUrl' in connector.auth && connector.auth.tokenUrl) {
      const tokenUrl = render(connector.auth.tokenUrl, { config });
      // jwt-bearer: an empty token URL means the key's own token_uri, checked by the address policy when used.
      if (tokenUrl !== '' || connector.auth.type !== 'jwt-bearer') urls.push(tokenUrl);
    }
    for (const url of urls) {
      if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
        problems.push({
          field: 'connector.config',
          message: `"${url}" is not an http:// or https:// URL; check the connector settings`,
        });
        continue;
      }
      const verdict = await this.addressPolicy.check(url);
      if (!verdict.allowed) problems.push({ field: 'connector.config', message: `${url}: ${verdict.reason}` });
    }
    return problems;
  }

  private async checkCredential(
    field: string,
    credentialId: string,
    kinds: readonly CredentialKind[],
    tenant: string | null,
  ): Promise<FieldError[]> {
    const credential = await this.credentials.describe(credentialId);
    if (!credential) {
      return [
        { field, message: `credential ${credentialId} does not exist; create it under /api/v1/credentials first` },
      ];
    }
    const problems: FieldError[] = [];
    if (credential.tenant !== null && credential.tenant !== tenant) {
      problems.push({
        field,
        message: `credential ${credentialId} belongs to tenant ${credential.tenant}, not to ${tenant ?? 'no tenant'}`,
      });
    }
    if (kinds.length > 0 && !kinds.includes(credential.kind)) {
      problems.push({
        field,
        message: `credential ${credentialId} is a ${credential.kind} credential; this needs ${kinds.join(' or ')}`,
      });
    }
    return problems;
  }
}

export interface ValidatedSource {
  input: ParsedSourceDefinition;
  domain: SourceDomain;
  connector: ConnectorDefinition;
  stream: StreamDefinition;
}

function resolveDraft(
  draft: ConnectorDefinition,
  streamName: string,
): { connector: ConnectorDefinition; stream: StreamDefinition } {
  const stream = draft.streams.find((s) => s.name === streamName);
  if (!stream) {
    throw new ValidationFailedException([
      { field: 'connector.stream', message: `the draft connector has no stream "${streamName}"` },
    ]);
  }
  return { connector: draft, stream };
}

function toEntity(
  { input, domain }: Pick<ValidatedSource, 'input' | 'domain'>,
  createdAt: Date,
  updatedAt: Date,
): SourceEntity {
  return { ...input, domain, createdAt, updatedAt };
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
      lastAttemptAt: null,
      lastAttemptStatus: null,
      lastError: null,
      nextAttemptAt: null,
      servingCached: false,
    },
  };
}
