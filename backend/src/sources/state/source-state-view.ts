import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, Repository } from 'typeorm';
import { AppConfig } from '../../config';
import { DomainEventBus } from '../../events';
import { SourceEntity } from '../entities/source.entity';
import { SourceStateEntity } from './source-state.entity';

/** Every source and its state, as read together. Shared by all readers: never modify it. */
export interface SourceStateSnapshot {
  readonly sources: readonly SourceEntity[];
  readonly states: ReadonlyMap<string, SourceStateEntity>;
}

/** Whether an invalidation began here (and should be told to the other replicas) or there. */
export interface StateInvalidation {
  local: boolean;
}

/**
 * Sources and their state held in memory, so that judging the freshness of an answer costs
 * no database round trip. The snapshot is dropped on every write of a source or its state
 * made through the repositories (a write inside a transaction counts when the transaction
 * commits), on the run lifecycle's events, and when another replica says it changed
 * something (`invalidateRemote`, fed by the realtime module's Redis relay). A snapshot read
 * while a change happened is handed to the readers that asked for it but not kept.
 */
@Injectable()
export class SourceStateView implements OnModuleInit, OnModuleDestroy, EntitySubscriberInterface {
  private snapshot: { at: number; version: number; value: Promise<SourceStateSnapshot> } | null = null;
  private version = 0;
  private readonly pendingCommits = new WeakSet<QueryRunner>();
  private readonly invalidations = new Subject<StateInvalidation>();
  private subscription: Subscription | null = null;
  private loads = 0;
  private readonly maxAgeMs: number;

  constructor(
    @InjectRepository(SourceEntity) private readonly sourceRows: Repository<SourceEntity>,
    @InjectRepository(SourceStateEntity) private readonly stateRows: Repository<SourceStateEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: DomainEventBus,
    config: AppConfig,
  ) {
    // A change whose message was lost (a replica's, while Redis was away) heals after this long.
    this.maxAgeMs = config.sync.sourceStateMaxAgeMs;
  }

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
    // Belt and braces for writes made outside the repositories (a run's events follow its commit).
    this.subscription = this.bus
      .ofType('sync.started', 'sync.finished', 'records.changed', 'breaker.changed', 'source.changed')
      .subscribe(() => this.invalidate());
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
    this.invalidations.complete();
  }

  /** Local invalidations, for the relay that tells the other replicas. */
  get invalidations$(): Observable<StateInvalidation> {
    return this.invalidations.asObservable();
  }

  /** How many times the snapshot was read from the database (for tests and benchmarks). */
  get databaseReads(): number {
    return this.loads;
  }

  read(): Promise<SourceStateSnapshot> {
    const now = Date.now();
    const cached = this.snapshot;
    if (cached && cached.version === this.version && now - cached.at < this.maxAgeMs) {
      return cached.value;
    }
    const version = this.version;
    const value = this.load();
    const entry = { at: now, version, value };
    this.snapshot = entry;
    value.catch(() => {
      if (this.snapshot === entry) this.snapshot = null;
    });
    return value;
  }

  /**
   * A write of a source or its state: with `manager` inside a transaction, the snapshot is
   * dropped now and again when the transaction commits (readers in between see the old rows,
   * which is what the database answers them too).
   */
  written(manager?: EntityManager | null): void {
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) this.pendingCommits.add(runner);
    this.invalidate();
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    if (!this.pendingCommits.has(event.queryRunner)) return;
    this.pendingCommits.delete(event.queryRunner);
    this.invalidate();
  }

  /** Another replica changed a source or its state. */
  invalidateRemote(): void {
    this.version += 1;
  }

  private invalidate(): void {
    this.version += 1;
    this.invalidations.next({ local: true });
  }

  private async load(): Promise<SourceStateSnapshot> {
    this.loads += 1;
    const [sources, states] = await Promise.all([
      this.sourceRows.find({ order: { id: 'ASC' } }),
      this.stateRows.find(),
    ]);
    return { sources, states: new Map(states.map((state) => [state.sourceId, state])) };
  }
}
