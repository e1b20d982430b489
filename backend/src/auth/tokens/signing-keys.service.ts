import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import type { Principal } from '@switchyard/contracts';
import type { Subscription } from 'rxjs';
import { IsNull, Repository } from 'typeorm';
import { Clock, parseOrThrow, SecretBox } from '../../common';
import { AppConfig } from '../../config';
import { AuditService } from '../audit/audit.service';
import { rotateKeysSchema } from '../dto/auth.schemas';
import { SigningKeyEntity } from '../entities/signing-key.entity';
import { EVERY_PRINCIPAL, PrincipalVersionsService } from '../revocation/principal-versions.service';

export const TOKEN_ALGORITHM = 'RS256';
/** After rotation an old key keeps verifying for the life of the tokens it signed, plus slack. */
const RETIRED_KEY_GRACE_MS = 5 * 60_000;
/** An unknown kid makes us reload from the database at most this often (another replica may have rotated). */
const RELOAD_AT_MOST_EVERY_MS = 5_000;

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: KeyObject;
  privateSealed: string;
  createdAt: Date;
  retiredAt: Date | null;
  expiresAt: Date | null;
}

/**
 * JWT signing keys: RS256 pairs kept in the database with the private half sealed.
 * The newest unretired key signs; every unexpired key verifies and is published in the JWKS.
 */
@Injectable()
export class SigningKeysService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SigningKeysService.name);
  private keys = new Map<string, LoadedKey>();
  private lastLoad = 0;
  private compromises: Subscription | null = null;

  constructor(
    @InjectRepository(SigningKeyEntity) private readonly rows: Repository<SigningKeyEntity>,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly versions: PrincipalVersionsService,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.load();
    if (!this.active()) await this.create();
    // A compromise declared on another replica: stop signing with (and trusting) the old key
    // here too. Until this reload lands, the `*` version already refuses every older token.
    this.compromises = this.versions.changes$.subscribe((change) => {
      if (change.principalKey !== EVERY_PRINCIPAL || change.local) return;
      this.load().catch((error: unknown) => this.logger.error({ err: error }, 'could not reload signing keys'));
    });
  }

  onModuleDestroy(): void {
    this.compromises?.unsubscribe();
  }

  /** The key that signs now, with its private half opened. */
  signingKey(): { kid: string; privateKey: KeyObject } {
    const key = this.active();
    if (!key) throw new Error('no active signing key');
    return {
      kid: key.kid,
      privateKey: createPrivateKey({ key: JSON.parse(this.box.decrypt(key.privateSealed)) as JWK, format: 'jwk' }),
    };
  }

  /** The public key for a kid, or null when it is unknown or expired. */
  async publicKey(kid: string): Promise<KeyObject | null> {
    if (!this.keys.has(kid) && Date.now() - this.lastLoad > RELOAD_AT_MOST_EVERY_MS) await this.load();
    const key = this.keys.get(kid);
    if (!key || (key.expiresAt && key.expiresAt <= this.clock.now())) return null;
    return key.publicKey;
  }

  jwks(): { keys: JWK[] } {
    const now = this.clock.now();
    return {
      keys: [...this.keys.values()]
        .filter((k) => !k.expiresAt || k.expiresAt > now)
        .map((k) => ({ ...k.publicJwk, kid: k.kid, alg: TOKEN_ALGORITHM, use: 'sig' })),
    };
  }

  /** The admin route: rotates (ending every older token when the key is `compromised`) and audits it. */
  async rotateAudited(body: unknown, actor: Principal): Promise<{ kid: string; retired: string[] }> {
    const { compromised = false } = parseOrThrow(rotateKeysSchema, body ?? {});
    const result = await this.rotate(compromised);
    if (compromised) await this.versions.revoke(EVERY_PRINCIPAL);
    await this.audit.record({
      action: 'keys.rotate',
      actor,
      outcome: 'success',
      resourceType: 'signing_key',
      resourceId: result.kid,
      details: { compromised },
    });
    return result;
  }

  /**
   * Starts signing with a new key; the old one verifies until its tokens have expired, or
   * not at all when it is `compromised`.
   */
  async rotate(compromised = false): Promise<{ kid: string; retired: string[] }> {
    const now = this.clock.now();
    const retired = [...this.keys.values()].filter((k) => !k.retiredAt).map((k) => k.kid);
    const expiresAt = compromised
      ? now
      : new Date(now.getTime() + this.config.auth.accessTokenTtlSeconds * 1000 + RETIRED_KEY_GRACE_MS);
    for (const kid of retired) await this.rows.update({ kid, retiredAt: IsNull() }, { retiredAt: now, expiresAt });
    const kid = await this.create();
    return { kid, retired };
  }

  private active(): LoadedKey | undefined {
    return [...this.keys.values()]
      .filter((k) => !k.retiredAt)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  }

  private async create(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALGORITHM, {
      modulusLength: 2048,
      extractable: true,
    });
    const kid = `${this.clock.now().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
    await this.rows.insert({
      kid,
      alg: TOKEN_ALGORITHM,
      publicJwk: await exportJWK(publicKey),
      privateSealed: this.box.encrypt(JSON.stringify(await exportJWK(privateKey))),
      createdAt: this.clock.now(),
      retiredAt: null,
      expiresAt: null,
    });
    await this.load();
    this.logger.log({ kid }, 'new JWT signing key in use');
    return kid;
  }

  private async load(): Promise<void> {
    const rows = await this.rows.find();
    this.keys = new Map(
      rows.map((row) => [
        row.kid,
        {
          kid: row.kid,
          publicJwk: row.publicJwk,
          publicKey: createPublicKey({ key: row.publicJwk as JWK & { kty: string }, format: 'jwk' }),
          privateSealed: row.privateSealed,
          createdAt: row.createdAt,
          retiredAt: row.retiredAt,
          expiresAt: row.expiresAt,
        },
      ]),
    );
    this.lastLoad = Date.now();
  }
}
