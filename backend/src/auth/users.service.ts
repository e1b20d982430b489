import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DataScopes, Page, Principal, Role, UserView } from '@switchyard/contracts';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { Clock, DomainException, parseOrThrow, ResourceNotFoundException, toPage, type PageWindow } from '../common';
import { AuditService } from './audit/audit.service';
import { createUserSchema, updateUserSchema } from './dto/auth.schemas';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { hashSecret } from './passwords';
import { DomainEventBus } from '../events';
import { principalKey, PrincipalVersionsService } from './revocation/principal-versions.service';

export type { UserView };

/** Who a provider says signed in, and the access its claims map to. */
export interface FederatedIdentity {
  provider: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  displayName: string;
  roles: Role[];
  dataScopes: DataScopes;
  /** Link to an existing user of the same verified email on first sign-in. */
  linkByEmail: boolean;
}

export type FederatedSignIn =
  | { user: UserEntity; outcome: 'created' | 'linked' | 'updated' | 'unchanged' }
  | { user: null; outcome: 'disabled' | 'email_taken' };

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly bus: DomainEventBus,
    private readonly versions: PrincipalVersionsService,
  ) {}

  async create(body: unknown, actor: Principal | null): Promise<UserView> {
    const input = parseOrThrow(createUserSchema, body);
    if (await this.users.findOneBy({ email: input.email })) {
      throw new DomainException('CONFLICT', 409, `a user with email ${input.email} already exists`);
    }
    const now = this.clock.now();
    const user: UserEntity = {
      id: randomUUID(),
      email: input.email,
      displayName: input.displayName,
      passwordHash: await hashSecret(input.password),
      roles: input.roles,
      dataScopes: input.dataScopes,
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      ssoProvider: null,
      ssoSubject: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.users.insert(user);
    await this.audit.record({
      action: 'user.create',
      actor: actor ?? { kind: 'system', id: null },
      outcome: 'success',
      resourceType: 'user',
      resourceId: user.id,
      details: { email: user.email, roles: user.roles },
    });
    return toView(user);
  }

  /**
   * A change of access (roles, data scopes, disabled, password) revokes every token of the
   * user at once, and ends its sessions when it is disabled or its password reset.
   */
  async update(id: string, body: unknown, actor: Principal): Promise<UserView> {
    const input = parseOrThrow(updateUserSchema, body);
    const accessChange = input.roles !== undefined || input.dataScopes !== undefined || input.disabled !== undefined;
    if (accessChange && actor.kind === 'user' && actor.id === id) {
      throw new DomainException('FORBIDDEN', 403, 'you cannot change your own roles, data scopes or disabled flag');
    }
    const user = await this.require(id);
    const wasActiveAdmin = isActiveMasterAdmin(user);
    if (input.displayName !== undefined) user.displayName = input.displayName;
    if (input.roles !== undefined) user.roles = input.roles;
    if (input.dataScopes !== undefined) user.dataScopes = input.dataScopes;
    if (input.disabled !== undefined) user.disabled = input.disabled;
    if (input.password !== undefined) user.passwordHash = await hashSecret(input.password);
    user.updatedAt = this.clock.now();
    const save = async (manager: EntityManager): Promise<void> => {
      if (wasActiveAdmin && !isActiveMasterAdmin(user)) await this.requireAnotherMasterAdmin(manager, id);
      await manager.save(UserEntity, user);
      if (input.disabled === true || input.password !== undefined) {
        await manager.update(RefreshTokenEntity, { userId: id, revokedAt: IsNull() }, { revokedAt: user.updatedAt });
      }
    };
    if (accessChange || input.password !== undefined) await this.versions.revoke(principalKey('user', id), save);
    else await this.users.manager.transaction(save);
    if (input.disabled === true || input.roles !== undefined || input.dataScopes !== undefined) {
      this.bus.publish({
        type: 'principal.revoked',
        at: user.updatedAt.toISOString(),
        principalId: id,
        reason: input.disabled === true ? 'disabled' : 'access_changed',
      });
    }
    const changed = Object.keys(input).filter((k) => k !== 'password');
    await this.audit.record({
      action: 'user.update',
      actor,
      outcome: 'success',
      resourceType: 'user',
      resourceId: id,
      details: { changed: input.password !== undefined ? [...changed, 'password (reset)'] : changed },
    });
    return toView(user);
  }

  async get(id: string): Promise<UserView> {
    return toView(await this.require(id));
  }

  async list(window: PageWindow): Promise<Omit<Page<UserView>, 'generatedAt'>> {
    const [rows, total] = await this.users.findAndCount({
      order: { email: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return toPage(window, rows.map(toView), total);
  }

  /**
   * Just-in-time provisioning: the user of this provider subject, created or linked on first
   * sign-in, with roles and data scopes set from the provider's claims every time. A change
   * of access revokes the user's older tokens, as an admin's change would.
   */
  async signInFederated(identity: FederatedIdentity): Promise<FederatedSignIn> {
    const now = this.clock.now();
    const email = identity.email.trim().toLowerCase();
    let user = await this.users.findOneBy({ ssoProvider: identity.provider, ssoSubject: identity.subject });
    let outcome: FederatedSignIn['outcome'] = 'updated';
    if (!user) {
      const byEmail = await this.users.findOneBy({ email });
      if (byEmail && !(identity.linkByEmail && identity.emailVerified && !byEmail.ssoProvider)) {
        return { user: null, outcome: 'email_taken' };
      }
      user = byEmail ?? {
        id: randomUUID(),
        email,
        displayName: identity.displayName,
        // No password: such a user signs in through the provider only.
        passwordHash: '!sso',
        roles: [],
        dataScopes: { tenants: [], departments: [], teams: [], portfolios: [] },
        disabled: false,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        ssoProvider: null,
        ssoSubject: null,
        createdAt: now,
        updatedAt: now,
      };
      outcome = byEmail ? 'linked' : 'created';
    }
    if (user.disabled) return { user: null, outcome: 'disabled' };
    const accessChanged =
      JSON.stringify([...user.roles].sort()) !== JSON.stringify([...identity.roles].sort()) ||
      JSON.stringify(user.dataScopes) !== JSON.stringify(identity.dataScopes);
    if (outcome === 'updated' && !accessChanged) outcome = 'unchanged';
    Object.assign(user, {
      roles: identity.roles,
      dataScopes: identity.dataScopes,
      displayName: identity.displayName,
      ssoProvider: identity.provider,
      ssoSubject: identity.subject,
      lastLoginAt: now,
      updatedAt: now,
    });
    const saved = user;
    const save = async (manager: EntityManager): Promise<void> => void (await manager.save(UserEntity, saved));
    if (outcome === 'updated' || outcome === 'linked') {
      await this.versions.revoke(principalKey('user', user.id), save);
      this.bus.publish({
        type: 'principal.revoked',
        at: now.toISOString(),
        principalId: user.id,
        reason: 'access_changed',
      });
    } else await this.users.manager.transaction(save);
    return { user, outcome };
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async recordLogin(user: UserEntity, succeeded: boolean, lockedUntil: Date | null): Promise<void> {
    const now = this.clock.now();
    await this.users.update(
      { id: user.id },
      succeeded
        ? { failedLogins: 0, lockedUntil: null, lastLoginAt: now }
        : { failedLogins: user.failedLogins + 1, lockedUntil },
    );
  }

  /**
   * Refuses to demote or disable the last enabled master admin. The enabled admins are
   * locked first, so two admins demoting each other at once cannot both succeed.
   */
  private async requireAnotherMasterAdmin(manager: EntityManager, id: string): Promise<void> {
    const admins = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.disabled = false AND :role = ANY(u.roles)', { role: 'master_admin' })
      .setLock('pessimistic_write')
      .getMany();
    if (!admins.some((admin) => admin.id !== id)) {
      throw new DomainException('CONFLICT', 409, 'this is the last enabled master admin; promote another one first');
    }
  }

  private async require(id: string): Promise<UserEntity> {
    const user = /^[0-9a-f-]{36}$/.test(id) ? await this.users.findOneBy({ id }) : null;
    if (!user) throw new ResourceNotFoundException('user', id);
    return user;
  }
}

function isActiveMasterAdmin(user: UserEntity): boolean {
  return !user.disabled && user.roles.includes('master_admin');
}

function toView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    dataScopes: user.dataScopes,
    disabled: user.disabled,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
