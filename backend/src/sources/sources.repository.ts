import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SourceDomain, SourceKind } from '@switchyard/contracts';
import { Repository, type FindOptionsWhere } from 'typeorm';
import type { PageWindow } from '../common';
import { CredentialEntity } from './entities/credential.entity';
import { SourceEntity } from './entities/source.entity';

export interface SourceFilters {
  domain?: SourceDomain;
  tenant?: string;
  kind?: SourceKind;
  enabled?: boolean;
}

@Injectable()
export class SourcesRepository {
  constructor(@InjectRepository(SourceEntity) private readonly rows: Repository<SourceEntity>) {}

  findById(id: string): Promise<SourceEntity | null> {
    return this.rows.findOneBy({ id });
  }

  findAll(): Promise<SourceEntity[]> {
    return this.rows.find({ order: { id: 'ASC' } });
  }

  list(filters: SourceFilters, window: PageWindow): Promise<[SourceEntity[], number]> {
    const where = Object.fromEntries(
      Object.entries(filters).filter(([, value]) => value !== undefined),
    ) as FindOptionsWhere<SourceEntity>;
    return this.rows.findAndCount({ where, order: { id: 'ASC' }, skip: window.offset, take: window.pageSize });
  }

  async insert(source: SourceEntity): Promise<void> {
    await this.rows.insert(source);
  }

  async save(source: SourceEntity): Promise<void> {
    await this.rows.save(source);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.rows.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** Ids of sources that use the credential, for refusing to delete one in use. */
  async usingCredential(credentialId: string): Promise<string[]> {
    const rows = await this.rows
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where(`s.request -> 'auth' ->> 'credentialId' = :credentialId`, { credentialId })
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
}
