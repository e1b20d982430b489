import type { SyncErrorCategory, SyncErrorCode, SyncMode, SyncRunStatus, SyncTrigger } from '@switchyard/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SourceEntity } from '../../sources/entities/source.entity';

@Entity({ name: 'sync_runs' })
@Index('ix_sync_runs_source_queued_at', ['sourceId', 'queuedAt'])
@Index('ix_sync_runs_status', ['status'])
export class SyncRunEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'source_id', type: 'varchar', length: 64 }) sourceId!: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;
  @Column({ type: 'varchar', length: 16 }) trigger!: SyncTrigger;
  @Column({ type: 'varchar', length: 16 }) mode!: SyncMode;
  @Column({ type: 'varchar', length: 32 }) status!: SyncRunStatus;
  @Column({ name: 'queued_at', type: 'timestamptz' }) queuedAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'duration_ms', type: 'integer', nullable: true }) durationMs!: number | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'integer', default: 0 }) pages!: number;
  @Column({ name: 'records_fetched', type: 'integer', default: 0 }) recordsFetched!: number;
  @Column({ name: 'records_upserted', type: 'integer', default: 0 }) recordsUpserted!: number;
  @Column({ name: 'records_deleted', type: 'integer', default: 0 }) recordsDeleted!: number;
  @Column({ name: 'records_skipped_older', type: 'integer', default: 0 }) recordsSkippedOlder!: number;
  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true }) errorCode!: SyncErrorCode | null;
  @Column({ name: 'error_message', type: 'text', nullable: true }) errorMessage!: string | null;
  @Column({ name: 'error_category', type: 'varchar', length: 32, nullable: true })
  errorCategory!: SyncErrorCategory | null;
  @Column({ type: 'boolean', nullable: true }) retryable!: boolean | null;
  @Column({ name: 'retry_after_seconds', type: 'integer', nullable: true }) retryAfterSeconds!: number | null;
  @Column({ name: 'instance_id', type: 'uuid', nullable: true }) instanceId!: string | null;

  /** Not stored: the ids a run changed, carried to the records.changed event. */
  upsertedIds?: string[];
  deletedIds?: string[];
}
