import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One operational sample, from sync (the metrics feed) or pushed through the API. Raw points
 * are kept for the raw retention window; their 1-minute and 1-hour rollups outlive them.
 */
@Entity({ name: 'ops_data_points' })
@Index('ix_ops_data_points_metric_recorded_at', ['metric', 'recordedAt'])
@Index('ix_ops_data_points_recorded_at', ['recordedAt'])
@Index('ix_ops_data_points_metric_source_recorded_at', ['metric', 'source', 'recordedAt'])
export class OpsDataPointEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 64 }) source!: string;
  @Column({ type: 'varchar', length: 32 }) category!: string;
  @Column({ type: 'varchar', length: 64 }) metric!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) metadata!: Record<string, unknown>;
  /** With the source and metric, the identity of a series. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) labels!: Record<string, string>;
  @Column({ name: 'module_access', type: 'text', array: true }) moduleAccess!: string[];
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ name: 'ingested_at', type: 'timestamptz' }) ingestedAt!: Date;
}
