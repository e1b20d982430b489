import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { In, type DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';
import type { Repository } from 'typeorm';
import { GroupedRead } from '../../common';
import { AppConfig } from '../../config';
import { DomainEventBus } from '../../events';
import { SourceEntity } from '../entities/source.entity';
import { SourceStateEntity } from './source-state.entity';

/** What changed: some sources' state (by id), every source's state, or the sources themselves. */
export type StateChange = { kind: 'states'; ids: string[] } | { kind: 'all' } | { kind: 'sources' };

/** A change made here (to be told to the other replicas) or received from one. */
export interface StateInvalidation {
  local: boolean;
  change: StateChange;
}

/**
 * Sources and their state held in memory, so that judging the freshness of an answer costs
 * no database round trip. A write of a source's state made through the repositories marks
 * that source's row stale (a write inside a transaction marks it again when the transaction
 * commits); the next reader of that row reads it again, together with every other stale row
 * asked for meanwhile (one grouped query). A write of a source definition reloads the list.
 * Other replicas' changes arrive through `applyRemote` (the realtime module's Redis relay);
 * a row is also read again once it is older than `SOURCE_STATE_MAX_AGE_MS`, so a lost message
 * heals. A row read while a change to it happened is handed to its readers but stays stale.
 */
@Injectable()
export class SourceStateView implements OnModuleInit, OnModuleDestroy, EntitySubscriberInterface {
  private list: { version: number; value: Promise<SourceEntity[]> } | null = null;
  private listVersion = 0;
  /** Rows held, each with the time it was read and the change count it was read at. */
  private readonly rows = new Map<string, { state: SourceStateEntity | null; at: number; version: number }>();
  /** Change count per source; `epoch` counts changes to every source at once. */
  private readonly versions = new Map<string, number>();
  private epoch = 0;
  private changes = 0;
  private readonly pendingCommits = new WeakMap<QueryRunner, Set<string> | 'all'>();
  private readonly invalidations = new Subject<StateInvalidation>();
  private subscription: Subscription | null = null;
  private readonly maxAgeMs: number;
  private readonly stateReads: GroupedRead<SourceStateEntity>;
  private loads = 0;

  constructor(
    @InjectRepository(SourceEntity) private readonly sourceRows: Repository<SourceEntity>,
    @InjectRepository(SourceStateEntity) private readonly stateRows: Repository<SourceStateEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: DomainEventBus,
    config: AppConfig,
  ) {
    this.maxAgeMs = config.sync.sourceStateMaxAgeMs;
    this.stateReads = new GroupedRead(async (ids) => {
      this.loads += 1;
      const found = await this.stateRows.findBy({ sourceId: In(ids) });
      return new Map(found.map((state) => [state.sourceId, state]));
    });
  }

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
    // Belt and braces for writes made outside the repositories (a run's events follow its commit).
    this.subscription = this.bus
      .ofType('sync.started', 'sync.finished', 'records.changed', 'breaker.changed', 'source.changed')
      .subscribe((event) =>
        event.type === 'source.changed'
          ? this.change({ kind: 'sources' }, true)
          : this.change({ kind: 'states', ids: [event.sourceId] }, true),
      );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
    this.invalidations.complete();
  }

  /** Local changes, for the relay that tells the other replicas. */
  get invalidations$(): Observable<StateInvalidation> {
    return this.invalidations.asObservable();
  }

  /** Counts every change: equal counts mean nothing held here changed in between. */
  get version(): number {
    return this.changes;
  }

  /** How many grouped state reads went to the database (for tests and benchmarks). */
  get databaseReads(): number {
    return this.loads;
  }

  /** Every source, as defined; shared by all readers: never modify them. */
  sources(): Promise<readonly SourceEntity[]> {
    if (this.list && this.list.version === this.listVersion) return this.list.value;
    const entry = { version: this.listVersion, value: this.sourceRows.find({ order: { id: 'ASC' } }) };
    this.list = entry;
    entry.value.catch(() => {
      if (this.list === entry) this.list = null;
    });
    return entry.value;
  }

  /** The state of these sources (absent when a source has none yet); shared: never modify it. */
  async states(ids: readonly string[]): Promise<ReadonlyMap<string, SourceStateEntity>> {
    const now = Date.now();
    const answer = new Map<string, SourceStateEntity>();
    const stale: string[] = [];
    for (const id of ids) {
      const held = this.rows.get(id);
      if (held && held.version === this.versionOf(id) && now - held.at < this.maxAgeMs) {
        if (held.state) answer.set(id, held.state);
      } else stale.push(id);
    }
    if (stale.length === 0) return answer;
    const asked = new Map(stale.map((id) => [id, this.versionOf(id)]));
    const read = await this.stateReads.read(stale);
    for (const [id, version] of asked) {
      const state = read.get(id) ?? null;
      if (state) answer.set(id, state);
      // Kept only when no change to it happened while it was read.
      if (version === this.versionOf(id)) this.rows.set(id, { state, at: now, version });
    }
    return answer;
  }

  /**
   * A write of a source's state (`sourceId`), or of every source's state (none given). With
   * `manager` inside a transaction, the row is marked stale now and again at the commit.
   */
  written(manager?: EntityManager | null, sourceId?: string): void {
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) {
      const pending = this.pendingCommits.get(runner);
      if (sourceId === undefined || pending === 'all') this.pendingCommits.set(runner, 'all');
      else this.pendingCommits.set(runner, new Set([...(pending ?? []), sourceId]));
    }
    this.change(sourceId === undefined ? { kind: 'all' } : { kind: 'states', ids: [sourceId] }, true);
  }

  /** A source was created, edited or deleted. */
  definitionsWritten(): void {
    this.change({ kind: 'sources' }, true);
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    const pending = this.pendingCommits.get(event.queryRunner);
    if (!pending) return;
    this.pendingCommits.delete(event.queryRunner);
    this.change(pending === 'all' ? { kind: 'all' } : { kind: 'states', ids: [...pending] }, true);
  }

  /** Another replica changed something. */
  applyRemote(change: StateChange): void {
    this.change(change, false);
  }

  private versionOf(id: string): number {
    return this.epoch + (this.versions.get(id) ?? 0);
  }

  private change(change: StateChange, local: boolean): void {
    this.changes += 1;
    if (change.kind === 'states') {
      for (const id of change.ids) this.versions.set(id, (this.versions.get(id) ?? 0) + 1);
    } else {
      this.epoch += 1;
      if (change.kind === 'sources') this.listVersion += 1;
    }
    if (local) this.invalidations.next({ local, change });
  }
}
