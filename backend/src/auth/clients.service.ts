import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ClientView, ClientWithSecret, Page, Principal } from '@switchyard/contracts';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock, DomainException, parseOrThrow, ResourceNotFoundException, toPage, type PageWindow } from '../common';
import { AuditService } from './audit/audit.service';
import { createClientSchema } from './dto/auth.schemas';
import { ServiceClientEntity } from './entities/service-client.entity';
import { burnVerification, hashSecret, verifySecret } from './passwords';
import { principalKey, PrincipalVersionsService } from './revocation/principal-versions.service';

export type { ClientView, ClientWithSecret };

@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(ServiceClientEntity) private readonly clients: Repository<ServiceClientEntity>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly versions: PrincipalVersionsService,
  ) {}

  async create(body: unknown, actor: Principal | null, secret = newSecret()): Promise<ClientWithSecret> {
    const input = parseOrThrow(createClientSchema, body);
    if (await this.clients.findOneBy({ id: input.id })) {
      throw new DomainException('CONFLICT', 409, `client ${input.id} already exists`);
    }
    const client: ServiceClientEntity = {
      ...input,
      secretHash: await hashSecret(secret),
      createdAt: this.clock.now(),
      rotatedAt: null,
      revokedAt: null,
    };
    await this.clients.insert(client);
    await this.audit.record({
      action: 'client.create',
      actor: actor ?? { kind: 'system', id: null },
      outcome: 'success',
      resourceType: 'client',
      resourceId: client.id,
      details: { scopes: client.scopes },
    });
    return { ...toView(client), clientSecret: secret };
  }

  async rotate(id: string, actor: Principal): Promise<ClientWithSecret> {
    const client = await this.require(id);
    const secret = newSecret();
    client.secretHash = await hashSecret(secret);
    client.rotatedAt = this.clock.now();
    await this.clients.save(client);
    await this.audit.record({
      action: 'client.rotate_secret',
      actor,
      outcome: 'success',
      resourceType: 'client',
      resourceId: id,
    });
    return { ...toView(client), clientSecret: secret };
  }

  async revoke(id: string, actor: Principal): Promise<ClientView> {
    const client = await this.require(id);
    client.revokedAt ??= this.clock.now();
    // Tokens already issued stop working now, not when they expire.
    await this.versions.revoke(principalKey('client', id), (manager) => manager.save(ServiceClientEntity, client));
    await this.audit.record({
      action: 'client.revoke',
      actor,
      outcome: 'success',
      resourceType: 'client',
      resourceId: id,
    });
    return toView(client);
  }

  async list(window: PageWindow): Promise<Omit<Page<ClientView>, 'generatedAt'>> {
    const [rows, total] = await this.clients.findAndCount({
      order: { id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return toPage(window, rows.map(toView), total);
  }

  async get(id: string): Promise<ClientView> {
    return toView(await this.require(id));
  }

  exists(id: string): Promise<boolean> {
    return this.clients.existsBy({ id });
  }

  /** The client when id and secret match and it is not revoked; otherwise null, in constant-ish time. */
  async authenticate(id: string, secret: string): Promise<ServiceClientEntity | null> {
    const client = await this.clients.findOneBy({ id });
    if (!client || client.revokedAt) return burnVerification(secret).then(() => null);
    return (await verifySecret(client.secretHash, secret)) ? client : null;
  }

  private async require(id: string): Promise<ServiceClientEntity> {
    const client = await this.clients.findOneBy({ id });
    if (!client) throw new ResourceNotFoundException('client', id);
    return client;
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function toView(client: ServiceClientEntity): ClientView {
  return {
    id: client.id,
    name: client.name,
    scopes: client.scopes,
    dataScopes: client.dataScopes,
    createdAt: client.createdAt.toISOString(),
    rotatedAt: client.rotatedAt?.toISOString() ?? null,
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}
