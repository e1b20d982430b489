import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SessionTokens } from '@switchyard/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Clock, DomainException, parseOrThrow } from '../common';
import { AppConfig } from '../config';
import { AuditService } from './audit/audit.service';
import { loginSchema } from './dto/auth.schemas';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import type { UserEntity } from './entities/user.entity';
import { burnVerification, verifySecret } from './passwords';
import { userPrincipal } from './principal';
import { PrincipalVersionsService, type TokenStamp } from './revocation/principal-versions.service';
import { AccessTokensService } from './tokens/access-tokens.service';
import { UsersService } from './users.service';
import { DomainEventBus } from '../events';

/** Failures before an account starts to lock, and the cap on how long it locks. */
const FREE_FAILURES = 5;
const MAX_LOCK_SECONDS = 900;
/**
 * A token presented again this soon after its rotation is a second browser tab refreshing at
 * the same moment, not theft: it gets a new token of the same family instead of a revocation.
 */
const REUSE_GRACE_MS = 10_000;

/** What a single sign-on session keeps for RP-initiated logout. */
export interface FederatedSession {
  provider: string;
  idToken: string;
}

export interface IssuedSession {
  tokens: SessionTokens;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const invalidLogin = () => new DomainException('UNAUTHENTICATED', 401, 'email or password is wrong');
const invalidRefresh = () => new DomainException('UNAUTHENTICATED', 401, 'the session has ended; sign in again');

/**
 * Password sign-in and its sessions: a short-lived access token plus a refresh token that
 * rotates on every use. A refresh token used twice means it was stolen: its whole family
 * (every token of that sign-in) is revoked. Repeated failures lock the account for a
 * doubling time.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    private readonly users: UsersService,
    private readonly accessTokens: AccessTokensService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly bus: DomainEventBus,
    private readonly versions: PrincipalVersionsService,
  ) {}

  async login(body: unknown, ip: string | null): Promise<IssuedSession> {
    const { email, password } = parseOrThrow(loginSchema, body);
    if (!this.config.identity.localLoginEnabled) {
      await this.audit.record({
        action: 'auth.login',
        actor: { kind: 'anonymous', id: email },
        outcome: 'denied',
        ip,
        details: { reason: 'password sign-in is off' },
      });
      throw new DomainException('FORBIDDEN', 403, 'password sign-in is turned off here; use single sign-on');
    }
    const user = await this.users.findByEmail(email);
    const now = this.clock.now();
    if (!user) {
      await burnVerification(password);
      await this.audit.record({
        action: 'auth.login',
        actor: { kind: 'anonymous', id: email },
        outcome: 'failure',
        ip,
        details: { reason: 'unknown email' },
      });
      throw invalidLogin();
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      const retryAfter = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
      await this.audit.record({
        action: 'auth.login',
        actor: { kind: 'anonymous', id: email },
        outcome: 'denied',
        ip,
        details: { reason: 'locked' },
      });
      throw new DomainException('RATE_LIMITED', 429, `too many failed sign-ins; try again in ${retryAfter} s`, {
        retryAfter,
      });
    }
    if (!(await verifySecret(user.passwordHash, password)) || user.disabled) {
      const failures = user.failedLogins + 1;
      const lockSeconds = failures >= FREE_FAILURES ? Math.min(MAX_LOCK_SECONDS, 2 ** (failures - FREE_FAILURES)) : 0;
      await this.users.recordLogin(user, false, lockSeconds ? new Date(now.getTime() + lockSeconds * 1000) : null);
      await this.audit.record({
        action: 'auth.login',
        actor: { kind: 'anonymous', id: email },
        outcome: 'failure',
        ip,
        details: { reason: user.disabled ? 'disabled' : 'wrong password', failures },
      });
      throw invalidLogin();
    }
    await this.users.recordLogin(user, true, null);
    // Read again after the (slow) password check, with the stamp first: a revocation
    // landing meanwhile must leave the new token stale, not carry the old roles.
    const stamp = await this.versions.stampFor('user', user.id);
    const current = await this.users.findById(user.id);
    if (!current || current.disabled) throw invalidLogin();
    const session = await this.issue(current, randomUUID(), stamp);
    await this.audit.record({
      action: 'auth.login',
      actor: session.tokens.principal,
      outcome: 'success',
      ip,
      details: { provider: 'local', roles: current.roles },
    });
    return session;
  }

  async refresh(refreshToken: string | undefined, ip: string | null): Promise<IssuedSession> {
    if (!refreshToken) throw invalidRefresh();
    const now = this.clock.now();
    const stored = await this.refreshTokens.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!stored || stored.revokedAt || stored.expiresAt <= now) throw invalidRefresh();
    if (stored.usedAt && now.getTime() - stored.usedAt.getTime() < REUSE_GRACE_MS) {
      const stamp = await this.versions.stampFor('user', stored.userId);
      const user = await this.users.findById(stored.userId);
      if (!user || user.disabled) throw invalidRefresh();
      return this.issue(user, stored.familyId, stamp, federatedOf(stored));
    }
    if (stored.usedAt) {
      await this.revokeFamily(stored.familyId);
      await this.audit.record({
        action: 'auth.refresh_reuse',
        actor: { kind: 'anonymous', id: stored.userId },
        outcome: 'denied',
        ip,
        details: { family: stored.familyId },
      });
      throw invalidRefresh();
    }
    // Only one concurrent refresh may win the token.
    const claimed = await this.refreshTokens.update({ id: stored.id, usedAt: IsNull() }, { usedAt: now });
    if ((claimed.affected ?? 0) === 0) throw invalidRefresh();
    // The stamp before the user's state (see PrincipalVersionsService.stampFor).
    const stamp = await this.versions.stampFor('user', stored.userId);
    const user = await this.users.findById(stored.userId);
    if (!user || user.disabled) throw invalidRefresh();
    return this.issue(user, stored.familyId, stamp, federatedOf(stored));
  }

  /** A session for a user single sign-on just signed in (roles already set from the provider's claims). */
  async startFederated(userId: string, federated: FederatedSession): Promise<IssuedSession> {
    // The stamp before the user's state (see PrincipalVersionsService.stampFor).
    const stamp = await this.versions.stampFor('user', userId);
    const user = await this.users.findById(userId);
    if (!user || user.disabled) throw invalidLogin();
    return this.issue(user, randomUUID(), stamp, federated);
  }

  /** Ends the session; a single sign-on session answers with its provider and ID token (for RP-initiated logout). */
  async logout(refreshToken: string | undefined, ip: string | null): Promise<FederatedSession | null> {
    if (!refreshToken) return null;
    const stored = await this.refreshTokens.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!stored) return null;
    await this.revokeFamily(stored.familyId);
    this.bus.publish({
      type: 'principal.revoked',
      at: this.clock.now().toISOString(),
      principalId: stored.userId,
      reason: 'signed_out',
    });
    await this.audit.record({
      action: 'auth.logout',
      actor: { kind: 'anonymous', id: stored.userId },
      outcome: 'success',
      ip,
      details: stored.ssoProvider ? { provider: stored.ssoProvider } : {},
    });
    return federatedOf(stored);
  }

  private async issue(
    user: UserEntity,
    familyId: string,
    stamp: TokenStamp,
    federated: FederatedSession | null = null,
  ): Promise<IssuedSession> {
    const principal = userPrincipal(user);
    const { token, expiresIn } = await this.accessTokens.issue(principal, undefined, stamp);
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const refreshExpiresAt = new Date(now.getTime() + this.config.auth.refreshTokenTtlSeconds * 1000);
    await this.refreshTokens.insert({
      id: randomUUID(),
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
      usedAt: null,
      revokedAt: null,
      createdAt: now,
      ssoProvider: federated?.provider ?? null,
      idToken: federated?.idToken ?? null,
    });
    return {
      tokens: { accessToken: token, tokenType: 'Bearer', expiresIn, principal },
      refreshToken,
      refreshExpiresAt,
    };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}

function federatedOf(stored: RefreshTokenEntity): FederatedSession | null {
  return stored.ssoProvider && stored.idToken ? { provider: stored.ssoProvider, idToken: stored.idToken } : null;
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
