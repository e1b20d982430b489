import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '@switchyard/contracts';
import { Subject, type Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../config';
import { PrincipalVersionsRepository, type PrincipalVersionRow } from './principal-versions.repository';

/** The key of a signing-key compromise: every token issued before it is refused. */
export const EVERY_PRINCIPAL = '*';
/**
 * Polling reads rows changed since the last poll minus this overlap: a bump whose
 * transaction commits a moment after its `changed_at` is still seen.
 */
const POLL_OVERLAP_MS = 10_000;

/** What an access token carries so it can be judged against revocations made after it. */
export interface TokenStamp {
  /** The principal's version when the token was issued. */
  ver: number;
  /** The `*` version (signing-key compromises) when the token was issued. */
  gen: number;
}

export interface VersionChange {
  principalKey: string;
  version: number;
}

export function principalKey(kind: Principal['kind'], id: string): string {
  return `${kind}:${id}`;
}

/**
 * Revocation that takes effect at once: every request and socket compares its token's
 * stamp with the principal's current version, held in memory so the check costs no
 * database round trip. The map is complete (loaded at boot; a key absent from it is at
 * version 0), so a miss never needs a query.
 *
 * Keeping replicas in step: the replica that bumps applies it at once; with Redis the
 * realtime module relays changes (see PrincipalVersionsRelay) so other replicas follow
 * within milliseconds. Against Postgres every replica also polls the (tiny, indexed)
 * table: it is the only channel without Redis and a backstop for messages lost while
 * Redis was away. LISTEN/NOTIFY was not chosen: TypeORM's pool gives no dedicated
 * listening connection, notifications are lost across a reconnect so a poll would be
 * needed anyway, and PGlite has none. PGlite is embedded in one process, so there is no
 * other replica to tell and no poll.
 */
@Injectable()
export class PrincipalVersionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrincipalVersionsService.name);
  private readonly versions = new Map<string, number>();
  private readonly changes = new Subject<VersionChange & { local: boolean }>();
  private lastChangedAt = new Date(0);
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    private readonly rows: PrincipalVersionsRepository,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const row of await this.rows.all()) this.note(row);
    if (this.config.database.kind !== 'postgres') return;
    this.timer = setInterval(() => void this.poll(), this.config.auth.revocationPollMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.changes.complete();
  }

  /** Every change this process learns of; `local` when it was made here (the relay forwards only those). */
  get changes$(): Observable<VersionChange & { local: boolean }> {
    return this.changes.asObservable();
  }

  /** The hot-path check: false when the token predates a revocation of its principal or a key compromise. */
  accepts(kind: Principal['kind'], id: string, stamp: Partial<Record<keyof TokenStamp, unknown>>): boolean {
    const ver = typeof stamp.ver === 'number' ? stamp.ver : 0;
    const gen = typeof stamp.gen === 'number' ? stamp.gen : 0;
    return ver >= (this.versions.get(principalKey(kind, id)) ?? 0) && gen >= (this.versions.get(EVERY_PRINCIPAL) ?? 0);
  }

  /** Whether the key was ever revoked: used for principals whose tokens carry no stamp (other issuers'). */
  wasRevoked(key: string): boolean {
    return (this.versions.get(key) ?? 0) > 0;
  }

  /**
   * The stamp for a token about to be issued, read from the database (not the cache, which
   * may lag another replica's change). Read it *before* the principal's roles and flags:
   * a revocation landing in between then makes the new token stale instead of letting
   * an old state pass with a new stamp.
   */
  async stampFor(kind: Principal['kind'], id: string): Promise<TokenStamp> {
    const key = principalKey(kind, id);
    const found = await this.rows.versionsOf([key, EVERY_PRINCIPAL]);
    return { ver: found.get(key) ?? 0, gen: found.get(EVERY_PRINCIPAL) ?? 0 };
  }

  /**
   * Runs `work` and bumps the key's version in one transaction, then applies the bump here
   * and tells the other replicas. Applied only after the commit: a rolled-back bump must
   * not make tokens carrying the committed version look stale.
   */
  async revoke<T>(
    key: string,
    work: (manager: EntityManager) => Promise<T> = () => Promise.resolve(undefined as T),
  ): Promise<T> {
    const { result, row } = await this.rows.transaction(async (manager) => {
      const value = await work(manager);
      return { result: value, row: await this.rows.bump(manager, key) };
    });
    this.apply(row, true);
    return result;
  }

  /** A change another replica made (relayed through Redis). */
  applyRemote(change: VersionChange): void {
    this.apply({ ...change, changedAt: new Date(0) }, false);
  }

  private apply(row: PrincipalVersionRow, local: boolean): void {
    if (!this.note(row)) return;
    this.changes.next({ principalKey: row.principalKey, version: row.version, local });
  }

  /** Keeps the highest version seen; true when it was news. */
  private note(row: PrincipalVersionRow): boolean {
    if (row.changedAt > this.lastChangedAt) this.lastChangedAt = row.changedAt;
    if ((this.versions.get(row.principalKey) ?? 0) >= row.version) return false;
    this.versions.set(row.principalKey, row.version);
    return true;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const since = new Date(this.lastChangedAt.getTime() - POLL_OVERLAP_MS);
      for (const row of await this.rows.changedSince(since)) this.apply(row, false);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not poll principal versions; revocations from other replicas wait');
    } finally {
      this.polling = false;
    }
  }
}
