import type { BreakerState, FreshnessState, SyncErrorCategory, SyncErrorCode } from '@switchyard/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SourceEntity } from '../entities/source.entity';

/** The sync engine's runtime state per source: schedule, lease, clocks, breaker and last error. */
@Entity({ name: 'source_states' })
@Index('ix_source_states_next_run_at', ['nextRunAt'])
export class SourceStateEntity {
  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId!: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;

  @Column({ name: 'next_run_at', type: 'timestamptz' })
  nextRunAt!: Date;

  @Column({ name: 'next_full_at', type: 'timestamptz', nullable: true })
  nextFullAt!: Date | null;

  /** Instance that claimed the source; the claim lapses at `lease_until` if that instance dies. */
  @Column({ name: 'lease_owner', type: 'uuid', nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  cursor!: string | null;

  @Column({ name: 'last_run_id', type: 'uuid', nullable: true })
  lastRunId!: string | null;

  @Column({ name: 'last_run_status', type: 'varchar', length: 32, nullable: true })
  lastRunStatus!: string | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_full_sync_at', type: 'timestamptz', nullable: true })
  lastFullSyncAt!: Date | null;

  @Column({ name: 'data_as_of', type: 'timestamptz', nullable: true })
  dataAsOf!: Date | null;

  @Column({ name: 'rate_limited_until', type: 'timestamptz', nullable: true })
  rateLimitedUntil!: Date | null;

  /** cockatiel's serialized breaker, restored at the start of each run. */
  @Column({ name: 'breaker_snapshot', type: 'jsonb', nullable: true })
  breakerSnapshot!: object | null;

  @Column({ name: 'breaker_state', type: 'varchar', length: 16, default: 'closed' })
  breakerState!: BreakerState;

  @Column({ name: 'breaker_opened_at', type: 'timestamptz', nullable: true })
  breakerOpenedAt!: Date | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'last_error_code', type: 'varchar', length: 64, nullable: true })
  lastErrorCode!: SyncErrorCode | null;

  @Column({ name: 'last_error_message', type: 'text', nullable: true })
  lastErrorMessage!: string | null;

  /** What the upstream itself said about the last failure (its error body); shown only to raw readers. */
  @Column({ name: 'last_error_detail', type: 'text', nullable: true })
  lastErrorDetail!: string | null;

  @Column({ name: 'last_error_category', type: 'varchar', length: 32, nullable: true })
  lastErrorCategory!: SyncErrorCategory | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt!: Date | null;

  /** Content hash of each page of the last successful fetch, per mode, to recognise an unchanged upstream. */
  @Column({ name: 'last_page_hashes', type: 'jsonb', nullable: true })
  lastPageHashes!: { full?: string[]; incremental?: string[] } | null;

  /** Last freshness state announced, so a change is announced once. */
  @Column({ name: 'freshness_state', type: 'varchar', length: 16, nullable: true })
  freshnessState!: FreshnessState | null;

  /** Last "serving cached data after a failed sync" flag announced. */
  @Column({ name: 'freshness_cached', type: 'boolean', default: false })
  freshnessCached!: boolean;
}
