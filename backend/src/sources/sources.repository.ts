import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SourceDomain, SourceKind } from '@switchyard/contracts';
import { Repository, type EntityManager } from 'typeorm';
import type { PageWindow } from '../common';
import { CredentialEntity } from './entities/credential.entity';
import { SourceEntity } from './entities/source.entity';
import { SourceStateView } from './state/source-state-view';

export interface SourceFilters {
  domain?: SourceDomain;
  tenant?: string;
  kind?: SourceKind;
  enabled?: boolean;
  /** Tenants the caller may see (untenanted sources are always listed); null for all. */
  tenants?: string[] | null;
}

@Injectable()
export class SourcesRepository {
  constructor(
    @InjectRepository(SourceEntity) private readonly rows: Repository<SourceEntity>,
    private readonly view: SourceStateView,
  ) {}

  findById(id: string): Promise<SourceEntity | null> {
    return this.rows.findOneBy({ id });
  }

  findAll(): Promise<SourceEntity[]> {
    return this.rows.find({ order: { id: 'ASC' } });
  }

  list(filters: SourceFilters, window: PageWindow): Promise<[SourceEntity[], number]> {
    const query = this.rows.createQueryBuilder('s');
    if (filters.domain) query.andWhere('s.domain = :domain', { domain: filters.domain });
    if (filters.tenant) query.andWhere('s.tenant_id = :tenant', { tenant: filters.tenant });
    if (filters.kind) query.andWhere('s.kind = :kind', { kind: filters.kind });
    if (filters.enabled !== undefined) query.andWhere('s.enabled = :enabled', { enabled: filters.enabled });
    if (filters.tenants) {
      // '' keeps IN () valid for a principal with no tenants at all.
      query.andWhere('(s.tenant_id IS NULL OR s.tenant_id IN (:...tenants))', { tenants: [...filters.tenants, ''] });
    }
    return query.orderBy('s.id', 'ASC').skip(window.offset).take(window.pageSize).getManyAndCount();
  }

  async insert(source: SourceEntity): Promise<void> {
    await this.rows.insert(source);
    this.view.definitionsWritten();
  }

  async save(source: SourceEntity): Promise<void> {
    await this.rows.save(source);
    this.view.definitionsWritten();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.rows.delete({ id });
    this.view.definitionsWritten();
    return (result.affected ?? 0) > 0;
  }

  /** Ids of sources that use the credential, for refusing to delete one in use. */
  async usingCredential(credentialId: string): Promise<string[]> {
    const rows = await this.rows
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where(`s.connector ->> 'credentialId' = :credentialId`, { credentialId })
      .orWhere('s.webhook_secret_credential_id = :credentialId', { credentialId })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}

@Injectable()
export class CredentialsRepository {
  constructor(@InjectRepository(CredentialEntity) private readonly rows: Repository<CredentialEntity>) {}

  findById(id: string): Promise<CredentialEntity | null> {
    return this.rows.findOneBy({ id });
  }

  list(window: PageWindow): Promise<[CredentialEntity[], number]> {
    return this.rows.findAndCount({ order: { id: 'ASC' }, skip: window.offset, take: window.pageSize });
  }

  async save(credential: CredentialEntity): Promise<void> {
    await this.rows.save(credential);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.rows.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** Runs `work` in a transaction with a repository bound to it. */
  transaction<T>(work: (locked: LockedCredentials) => Promise<T>): Promise<T> {
    return this.rows.manager.transaction((manager) => work(new LockedCredentials(manager)));
  }
}

/** Credential rows inside a transaction, read with a row lock. */
export class LockedCredentials {
  constructor(private readonly manager: EntityManager) {}

  findForUpdate(id: string): Promise<CredentialEntity | null> {
    return this.manager.findOne(CredentialEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async updateFields(id: string, sealedFields: string, at: Date): Promise<void> {
    await this.manager.update(CredentialEntity, { id }, { sealedFields, updatedAt: at });
  }
}
