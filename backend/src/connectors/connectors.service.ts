import { Injectable, Logger } from '@nestjs/common';
import type {
  ConnectorDefinition,
  ConnectorDefinitionInput,
  ConnectorSummary,
  Principal,
  StreamDefinition,
} from '@switchyard/contracts';
import { AuditService } from '../auth';
import { Clock, DomainException, parseOrThrow, ResourceNotFoundException, ValidationFailedException } from '../common';
import { BUILT_IN_CONNECTORS } from './builtin';
import { connectorDefinitionSchema } from './definition/connector.schema';
import { ConnectorsRepository } from './connectors.repository';
import type { ConnectorEntity } from './entities/connector.entity';

/** A connector and one of its streams, as a source uses them. */
export interface ResolvedStream {
  connector: ConnectorDefinition;
  stream: StreamDefinition;
}

/**
 * Built-in connectors (code) and administrators' connectors (data, versioned), behind one
 * lookup. Definitions are validated once when saved and cached by id and version.
 */
@Injectable()
export class ConnectorsService {
  private readonly logger = new Logger(ConnectorsService.name);
  private readonly builtIn = new Map<string, ConnectorDefinition>(
    BUILT_IN_CONNECTORS.map((c) => [c.id, { ...c, builtIn: true, version: 1, createdAt: null, updatedAt: null }]),
  );

  constructor(
    private readonly repository: ConnectorsRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ConnectorSummary[]> {
    const custom = (await this.repository.findAll()).map(toDefinition);
    return [...this.builtIn.values(), ...custom].map(summarize);
  }

  async get(id: string): Promise<ConnectorDefinition> {
    const found = await this.find(id);
    if (!found) throw new ResourceNotFoundException('connector', id);
    return found;
  }

  async find(id: string): Promise<ConnectorDefinition | null> {
    const builtIn = this.builtIn.get(id);
    if (builtIn) return builtIn;
    const row = await this.repository.findById(id);
    return row ? toDefinition(row) : null;
  }

  /** The stream a source names, or a field error that says what is wrong with the reference. */
  async resolve(connectorId: string, streamName: string): Promise<ResolvedStream> {
    const connector = await this.find(connectorId);
    if (!connector) {
      throw new ValidationFailedException([
        {
          field: 'connector.id',
          message: `connector ${connectorId} does not exist (GET /api/v1/connectors lists them)`,
        },
      ]);
    }
    const stream = connector.streams.find((s) => s.name === streamName);
    if (!stream) {
      const names = connector.streams.map((s) => s.name).join(', ');
      throw new ValidationFailedException([
        {
          field: 'connector.stream',
          message: `connector ${connectorId} has no stream "${streamName}" (it has ${names})`,
        },
      ]);
    }
    return { connector, stream };
  }

  /** Validates a definition without saving it (the editor's check, and test/preview of a draft). */
  validate(body: unknown): ConnectorDefinitionInput {
    return parseOrThrow(connectorDefinitionSchema, body);
  }

  async create(body: unknown, actor: Principal): Promise<ConnectorDefinition> {
    const input = this.validate(body);
    if (this.builtIn.has(input.id) || (await this.repository.findById(input.id))) {
      throw new DomainException('CONFLICT', 409, `connector ${input.id} already exists; use PUT to change it`);
    }
    return this.store(input, null, actor);
  }

  async replace(id: string, body: unknown, actor: Principal): Promise<ConnectorDefinition> {
    if (this.builtIn.has(id)) throw builtInIsReadOnly(id);
    const previous = await this.repository.findById(id);
    if (!previous) throw new ResourceNotFoundException('connector', id);
    const input = this.validate(body);
    if (input.id !== id) throw new ValidationFailedException([{ field: 'id', message: 'id must match the path' }]);
    return this.store(input, previous, actor);
  }

  async delete(id: string, actor: Principal): Promise<void> {
    if (this.builtIn.has(id)) throw builtInIsReadOnly(id);
    const users = await this.repository.usedBy(id);
    if (users.length > 0) {
      throw new DomainException('CONFLICT', 409, `connector ${id} is used by source(s) ${users.join(', ')}`);
    }
    if (!(await this.repository.delete(id))) throw new ResourceNotFoundException('connector', id);
    await this.record('connector.delete', id, actor);
  }

  private async store(
    input: ConnectorDefinitionInput,
    previous: ConnectorEntity | null,
    actor: Principal,
  ): Promise<ConnectorDefinition> {
    const now = this.clock.now();
    const entity: ConnectorEntity = {
      id: input.id,
      version: (previous?.version ?? 0) + 1,
      definition: input,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    };
    await this.repository.save(entity, previous);
    this.logger.log({ connectorId: entity.id, version: entity.version }, 'connector saved');
    await this.record(previous ? 'connector.update' : 'connector.create', entity.id, actor, entity.version);
    return toDefinition(entity);
  }

  private async record(action: string, id: string, actor: Principal, version?: number): Promise<void> {
    await this.audit.record({
      action,
      actor,
      outcome: 'success',
      resourceType: 'connector',
      resourceId: id,
      ...(version === undefined ? {} : { details: { version } }),
    });
  }
}

function builtInIsReadOnly(id: string): DomainException {
  return new DomainException(
    'CONFLICT',
    409,
    `connector ${id} is built in and cannot be changed; copy it under a new id`,
  );
}

function toDefinition(row: ConnectorEntity): ConnectorDefinition {
  return {
    ...row.definition,
    builtIn: false,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function summarize(c: ConnectorDefinition): ConnectorSummary {
  return {
    id: c.id,
    name: c.name,
    description: c.description ?? null,
    documentationUrl: c.documentationUrl ?? null,
    builtIn: c.builtIn,
    version: c.version,
    authType: c.auth.type,
    streams: c.streams.map((s) => ({
      name: s.name,
      label: s.label ?? s.name,
      domain: s.domain,
      targets: s.records.map((r) => r.target),
    })),
  };
}
