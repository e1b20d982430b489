import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SourceEntity } from '../../sources/entities/source.entity';

/**
 * One upstream page exactly as received. Immutable: a page identical to the last one
 * (same hash) is not stored again, only marked as seen.
 */
@Entity({ name: 'raw_snapshots' })
@Index('ix_raw_snapshots_source_fetched_at', ['sourceId', 'fetchedAt'])
@Index('ix_raw_snapshots_run', ['runId'])
@Index('ix_raw_snapshots_source_webhook', ['sourceId', 'webhookId'])
export class RawSnapshotEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'source_id', type: 'varchar', length: 64 }) sourceId!: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;
  @Column({ name: 'run_id', type: 'uuid' }) runId!: string;
  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true }) tenant!: string | null;
  @Column({ type: 'integer' }) page!: number;
  /** Part of a full fetch (the whole data set) rather than an incremental delta. */
  @Column({ type: 'boolean' }) full!: boolean;
  @Column({ name: 'fetched_at', type: 'timestamptz' }) fetchedAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
  @Column({ name: 'content_hash', type: 'varchar', length: 64 }) contentHash!: string;
  @Column({ type: 'integer' }) bytes!: number;
  /** The URL without credentials (they travel in headers, never in the query). */
  @Column({ name: 'request_url', type: 'text' }) requestUrl!: string;
  /** The Standard Webhooks `webhook-id` of a pushed event (null for pulled pages): retries are answered once. */
  @Column({ name: 'webhook_id', type: 'varchar', length: 255, nullable: true }) webhookId!: string | null;
  @Column({ type: 'jsonb' }) payload!: object;
}
