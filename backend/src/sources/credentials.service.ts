import { Injectable, Logger } from '@nestjs/common';
import type { Credential, Page, Principal } from '@switchyard/contracts';
import { AuditService } from '../auth';
import { Clock, DomainException, parseOrThrow, ResourceNotFoundException, SecretBox, toPage } from '../common';
import type { PageWindow } from '../common';
import { credentialSchema } from './dto/source-definition.schema';
import { CredentialEntity } from './entities/credential.entity';
import { CredentialsRepository, SourcesRepository } from './sources.repository';

/** A credential opened for use by the sync engine. Never logged, never returned by the API. */
export interface OpenedCredential {
  id: string;
  kind: CredentialEntity['kind'];
  clientId: string | null;
  secret: string;
}

@Injectable()
export class CredentialsService {
  private readonly logger = new Logger(CredentialsService.name);

  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly sources: SourcesRepository,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Creates or rotates: the same id replaces the secret and keeps the creation time. */
  async put(
    body: unknown,
    idFromPath?: string,
    actor?: Principal,
  ): Promise<{ credential: Credential; created: boolean }> {
    const input = parseOrThrow(credentialSchema, body);
    if (idFromPath !== undefined && input.id !== idFromPath) {
      throw new DomainException('VALIDATION_FAILED', 400, 'id in the body must match the id in the path', {
        fields: [{ field: 'id', message: 'id must match the path' }],
      });
    }
    const existing = await this.credentials.findById(input.id);
    const now = this.clock.now();
    const sealedSecret = this.box.encrypt(input.secret);
    const entity: CredentialEntity = {
      id: input.id,
      name: input.name,
      kind: input.kind,
      tenant: input.tenant,
      clientId: input.clientId,
      sealedSecret,
      keyId: this.box.keyIdOf(sealedSecret),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.credentials.save(entity);
    this.logger.log(
      { credentialId: entity.id, keyId: entity.keyId },
      existing ? 'credential rotated' : 'credential created',
    );
    await this.audit.record({
      action: existing ? 'credential.rotate' : 'credential.create',
      actor: actor ?? { kind: 'system', id: null },
      outcome: 'success',
      resourceType: 'credential',
      resourceId: entity.id,
      details: { keyId: entity.keyId },
    });
    return { credential: toCredential(entity), created: !existing };
  }

  async get(id: string): Promise<Credential> {
    return toCredential(await this.require(id));
  }

  async list(window: PageWindow): Promise<Omit<Page<Credential>, 'generatedAt'>> {
    const [rows, total] = await this.credentials.list(window);
    return toPage(window, rows.map(toCredential), total);
  }

  async delete(id: string, actor?: Principal): Promise<void> {
    const users = await this.sources.usingCredential(id);
    if (users.length > 0) {
      throw new DomainException('CONFLICT', 409, `credential ${id} is used by source(s) ${users.join(', ')}`);
    }
    if (!(await this.credentials.delete(id))) throw new ResourceNotFoundException('credential', id);
    await this.audit.record({
      action: 'credential.delete',
      actor: actor ?? { kind: 'system', id: null },
      outcome: 'success',
      resourceType: 'credential',
      resourceId: id,
    });
  }

  /** The credential without its secret, or null. */
  async describe(id: string): Promise<Credential | null> {
    const row = await this.credentials.findById(id);
    return row ? toCredential(row) : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.credentials.findById(id)) !== null;
  }

  /** For the sync engine only. Returns null when the credential is gone. */
  async open(id: string): Promise<OpenedCredential | null> {
    const row = await this.credentials.findById(id);
    if (!row) return null;
    return { id: row.id, kind: row.kind, clientId: row.clientId, secret: this.box.decrypt(row.sealedSecret) };
  }

  private async require(id: string): Promise<CredentialEntity> {
    const row = await this.credentials.findById(id);
    if (!row) throw new ResourceNotFoundException('credential', id);
    return row;
  }
}

function toCredential(row: CredentialEntity): Credential {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    tenant: row.tenant,
    clientId: row.clientId,
    hasSecret: row.sealedSecret.length > 0,
    keyId: row.keyId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
