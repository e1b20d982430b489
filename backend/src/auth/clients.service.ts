import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ClientView, ClientWithSecret, Page, Principal } from '@switchyard/contracts';
import { randomBytes } from 'node:crypto';
import { IsNull, LessThanOrEqual, Repository as Repo } from 'typeorm';
import { Clock, DomainException, parseOrThrow, ResourceNotFoundException, toPage, type PageWindow } from '../common';
import { AppConfig } from '../config';
import { AuditService } from './audit/audit.service';
import { allowedNetworksSchema, createClientSchema } from './dto/auth.schemas';
import { ServiceClientEntity } from './entities/service-client.entity';
import { burnVerification, hashSecret, verifySecret } from './passwords';
import { principalKey, PrincipalVersionsService } from './revocation/principal-versions.service';

export type { ClientView, ClientWithSecret };

const DAY_MS = 86_400_000;

/** Why a client could not authenticate, for the audit log (the caller only learns "invalid_client"). */
export type ClientAuthentication =
  | { client: ServiceClientEntity; secret: 'current' | 'previous' }
  | { client: null; reason: 'unknown or revoked' | 'wrong secret' | 'secret expired' };

@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(ServiceClientEntity) private readonly clients: Repo<ServiceClientEntity>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly versions: PrincipalVersionsService,
    private readonly config: AppConfig,
  ) {}

  async create(body: unknown, actor: Principal | null, secret = newSecret()): Promise<ClientWithSecret> {
    const input = parseOrThrow(createClientSchema, body);
    if (await this.clients.findOneBy({ id: input.id })) {
      throw new DomainException('CONFLICT', 409, `client ${input.id} already exists`);
    }
    const now = this.clock.now();
    const client: ServiceClientEntity = {
      ...input,
      secretHash: await hashSecret(secret),
      createdAt: now,
      rotatedAt: null,
      revokedAt: null,
      secretIssuedAt: now,
      previousSecretHash: null,
      previousSecretExpiresAt: null,
      expiryWarnedAt: null,
    };
    await this.clients.insert(client);
    await this.audit.record({
      action: 'client.create',
      actor: actor ?? { kind: 'system', id: null },
      outcome: 'success',
      resourceType: 'client',
      resourceId: client.id,
      details: { scopes: client.scopes, allowedNetworks: client.allowedNetworks },
    });
    return { ...this.toView(client), clientSecret: secret };
  }

  /**
   * A new secret, shown once. The old one keeps working until it would have expired anyway
   * (the overlap, so consumers can switch without downtime); only two secrets are ever active.
   */
  async rotate(id: string, actor: Principal): Promise<ClientWithSecret> {
    const client = await this.require(id);
    if (client.revokedAt) throw new DomainException('CONFLICT', 409, `client ${id} is revoked`);
    const now = this.clock.now();
    const oldExpiry = this.expiryOf(client);
    const secret = newSecret();
    client.previousSecretHash = oldExpiry > now ? client.secretHash : null;
    client.previousSecretExpiresAt = oldExpiry > now ? oldExpiry : null;
    client.secretHash = await hashSecret(secret);
    client.secretIssuedAt = now;
    client.rotatedAt = now;
    client.expiryWarnedAt = null;
    await this.clients.save(client);
    await this.audit.record({
      action: 'client.rotate_secret',
      actor,
      outcome: 'success',
      resourceType: 'client',
      resourceId: id,
      details: {
        secretExpiresAt: this.expiryOf(client).toISOString(),
        previousSecretExpiresAt: client.previousSecretExpiresAt?.toISOString() ?? null,
      },
    });
    return { ...this.toView(client), clientSecret: secret };
  }

  async setAllowedNetworks(id: string, body: unknown, actor: Principal): Promise<ClientView> {
    const { allowedNetworks } = parseOrThrow(allowedNetworksSchema, body);
    const client = await this.require(id);
    client.allowedNetworks = allowedNetworks;
    await this.clients.save(client);
    await this.audit.record({
      action: 'client.allowed_networks',
      actor,
      outcome: 'success',
      resourceType: 'client',
      resourceId: id,
      details: { allowedNetworks },
    });
    return this.toView(client);
  }

  /** Active clients whose secret expires within the warning window and were not warned yet. */
  async dueForExpiryWarning(): Promise<Array<{ client: ServiceClientEntity; expiresAt: Date }>> {
    const { clientSecretMaxAgeDays, clientSecretWarningDays } = this.config.identity;
    const issuedBefore = new Date(
      this.clock.now().getTime() - (clientSecretMaxAgeDays - clientSecretWarningDays) * DAY_MS,
    );
    const due = await this.clients.findBy({
      revokedAt: IsNull(),
      expiryWarnedAt: IsNull(),
      secretIssuedAt: LessThanOrEqual(issuedBefore),
    });
    return due.map((client) => ({ client, expiresAt: this.expiryOf(client) }));
  }

  /** True when this call claimed the warning (it was not warned yet). */
  async markExpiryWarned(id: string): Promise<boolean> {
    const result = await this.clients.update({ id, expiryWarnedAt: IsNull() }, { expiryWarnedAt: this.clock.now() });
    return (result.affected ?? 0) > 0;
  }

  /** The client's allowlist, for the per-request check (null: no such local client). */
  async allowedNetworksOf(id: string): Promise<string[] | null> {
    const client = await this.clients.findOne({ where: { id }, select: { id: true, allowedNetworks: true } });
    return client?.allowedNetworks ?? null;
  }

  /**
   * Revokes a local client, or the tokens of an external issuer's client (`<issuer>:<client>`),
   * which Switchyard then refuses whatever the issuer says.
   */
  async revokeAny(id: string, actor: Principal, reason: string): Promise<{ id: string; local: boolean }> {
    if (await this.clients.existsBy({ id })) {
      await this.revoke(id, actor);
      return { id, local: true };
    }
    if (!/^[a-z0-9-]{1,31}:\S{1,90}$/.test(id)) throw new ResourceNotFoundException('client', id);
    await this.versions.revoke(principalKey('client', id));
    await this.audit.record({
      action: 'client.revoke',
      actor,
      outcome: 'success',
      resourceType: 'client',
      resourceId: id,
      details: { reason, external: true },
    });
    return { id, local: false };
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
    return this.toView(client);
  }

  async list(window: PageWindow): Promise<Omit<Page<ClientView>, 'generatedAt'>> {
    const [rows, total] = await this.clients.findAndCount({
      order: { id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return toPage(
      window,
      rows.map((r) => this.toView(r)),
      total,
    );
  }

  async get(id: string): Promise<ClientView> {
    return this.toView(await this.require(id));
  }

  exists(id: string): Promise<boolean> {
    return this.clients.existsBy({ id });
  }

  /**
   * The client when id and secret match, the secret has not expired and the client is not
   * revoked. During the overlap after a rotation the previous secret matches too.
   */
  async authenticate(id: string, secret: string): Promise<ClientAuthentication> {
    const client = await this.clients.findOneBy({ id });
    if (!client || client.revokedAt) {
      await burnVerification(secret);
      return { client: null, reason: 'unknown or revoked' };
    }
    const now = this.clock.now();
    if (await verifySecret(client.secretHash, secret)) {
      return this.expiryOf(client) > now ? { client, secret: 'current' } : { client: null, reason: 'secret expired' };
    }
    if (client.previousSecretHash && (await verifySecret(client.previousSecretHash, secret))) {
      return client.previousSecretExpiresAt && client.previousSecretExpiresAt > now
        ? { client, secret: 'previous' }
        : { client: null, reason: 'secret expired' };
    }
    return { client: null, reason: 'wrong secret' };
  }

  expiryOf(client: ServiceClientEntity): Date {
    return new Date(client.secretIssuedAt.getTime() + this.config.identity.clientSecretMaxAgeDays * DAY_MS);
  }

  private toView(client: ServiceClientEntity): ClientView {
    const now = this.clock.now();
    return {
      id: client.id,
      name: client.name,
      scopes: client.scopes,
      dataScopes: client.dataScopes,
      createdAt: client.createdAt.toISOString(),
      rotatedAt: client.rotatedAt?.toISOString() ?? null,
      revokedAt: client.revokedAt?.toISOString() ?? null,
      secretExpiresAt: this.expiryOf(client).toISOString(),
      previousSecretExpiresAt:
        client.previousSecretExpiresAt && client.previousSecretExpiresAt > now
          ? client.previousSecretExpiresAt.toISOString()
          : null,
      allowedNetworks: client.allowedNetworks,
    };
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
