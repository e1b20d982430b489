import { Injectable, Logger } from '@nestjs/common';
import type { Credential, Page, Principal } from '@switchyard/contracts';
import { AuditService } from '../auth';
import {
  Clock,
  ComputedCache,
  DomainException,
  parseOrThrow,
  ResourceNotFoundException,
  SecretBox,
  toPage,
} from '../common';
import { AppConfig } from '../config';
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
  fields: Record<string, string>;
}

@Injectable()
export class CredentialsService {
  private readonly logger = new Logger(CredentialsService.name);
  /**
   * Opened credentials for the webhook path (a signature check per delivery must not cost a
   * read and an unseal). Dropped on every write here; another replica's write reaches this
   * one within `SOURCE_STATE_MAX_AGE_MS`, like source state.
   */
  private readonly recent: ComputedCache<OpenedCredential | null>;

  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly sources: SourcesRepository,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.recent = new ComputedCache(config.sync.sourceStateMaxAgeMs, 1000);
  }

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
    const fieldNames = Object.keys(input.fields);
    const entity: CredentialEntity = {
      sealedFields: fieldNames.length > 0 ? this.box.encrypt(JSON.stringify(input.fields)) : null,
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
    this.recent.invalidate();
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
    return { credential: await this.present(entity), created: !existing };
  }

  async get(id: string): Promise<Credential> {
    return this.present(await this.require(id));
  }

  async list(window: PageWindow): Promise<Omit<Page<Credential>, 'generatedAt'>> {
    const [rows, total] = await this.credentials.list(window);
    return toPage(window, await Promise.all(rows.map((row) => this.present(row))), total);
  }

  async delete(id: string, actor?: Principal): Promise<void> {
    const users = await this.sources.usingCredential(id);
    if (users.length > 0) {
      throw new DomainException('CONFLICT', 409, `credential ${id} is used by source(s) ${users.join(', ')}`);
    }
    const deleted = await this.credentials.delete(id);
    this.recent.invalidate();
    if (!deleted) throw new ResourceNotFoundException('credential', id);
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
    return row ? this.present(row) : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.credentials.findById(id)) !== null;
  }

  /** For the sync engine only. Returns null when the credential is gone. */
  async open(id: string): Promise<OpenedCredential | null> {
    const row = await this.credentials.findById(id);
    return row ? this.opened(row) : null;
  }

  /** `open`, answered from memory when this instance opened it moments ago and nothing was written since. */
  openRecent(id: string): Promise<OpenedCredential | null> {
    return this.recent.get(id, () => this.open(id));
  }

  /**
   * Runs `work` with the credential locked (across replicas) and stores the fields it
   * returns: a rotating OAuth2 refresh token is used and replaced by one holder at a time,
   * and the replacement is sealed before anyone else can read the old one.
   */
  async withLocked<T>(
    id: string,
    work: (credential: OpenedCredential) => Promise<{ result: T; fields?: Record<string, string> }>,
  ): Promise<T | null> {
    const answer = await this.credentials.transaction(async (locked) => {
      const row = await locked.findForUpdate(id);
      if (!row) return null;
      const opened = this.opened(row);
      const { result, fields } = await work(opened);
      if (fields) {
        const merged = { ...opened.fields, ...fields };
        await locked.updateFields(id, this.box.encrypt(JSON.stringify(merged)), this.clock.now());
        this.logger.log({ credentialId: id, fields: Object.keys(fields) }, 'credential field rotated by the upstream');
      }
      return result;
    });
    this.recent.invalidate();
    return answer;
  }

  private opened(row: CredentialEntity): OpenedCredential {
    const fields = row.sealedFields ? (JSON.parse(this.box.decrypt(row.sealedFields)) as Record<string, string>) : {};
    return { id: row.id, kind: row.kind, clientId: row.clientId, secret: this.box.decrypt(row.sealedSecret), fields };
  }

  private async present(row: CredentialEntity): Promise<Credential> {
    const fieldNames = row.sealedFields
      ? Object.keys(JSON.parse(this.box.decrypt(row.sealedFields)) as Record<string, string>).sort()
      : [];
    return toCredential(row, fieldNames, await this.sources.usingCredential(row.id));
  }

  private async require(id: string): Promise<CredentialEntity> {
    const row = await this.credentials.findById(id);
    if (!row) throw new ResourceNotFoundException('credential', id);
    return row;
  }
}

function toCredential(row: CredentialEntity, fieldNames: string[], usedBy: string[]): Credential {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    tenant: row.tenant,
    clientId: row.clientId,
    hasSecret: row.sealedSecret.length > 0,
    fieldNames,
    usedBy,
    keyId: row.keyId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
