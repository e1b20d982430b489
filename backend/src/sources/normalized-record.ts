import { Column, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SourceEntity } from './entities/source.entity';

/**
 * Columns every normalized table shares. Rows are keyed by (source, external id) so a
 * replay or a second source can never collide; the content hash lets an upsert skip
 * rows that did not change, and `deleted_at` is the tombstone a full refresh leaves.
 */
export abstract class NormalizedRecord {
  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId!: string;

  /** Deleting a source deletes what it fed. */
  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;

  @PrimaryColumn({ name: 'external_id', type: 'varchar', length: 128 })
  externalId!: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenant!: string | null;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  /** The record's own last-change time, as the upstream reported it. */
  @Column({ name: 'source_updated_at', type: 'timestamptz', nullable: true })
  sourceUpdatedAt!: Date | null;

  @Column({ name: 'synced_at', type: 'timestamptz' })
  syncedAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
