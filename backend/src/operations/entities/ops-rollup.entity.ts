import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Count, sum, min and max of one metric over one bucket (1 minute or 1 hour). */
@Entity({ name: 'ops_rollups' })
@Index('ix_ops_rollups_bucket', ['resolution', 'bucketStart'])
export class OpsRollupEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) metric!: string;
  @PrimaryColumn({ type: 'varchar', length: 4 }) resolution!: string;
  @PrimaryColumn({ name: 'bucket_start', type: 'timestamptz' }) bucketStart!: Date;
  @Column({ type: 'integer' }) count!: number;
  @Column({ type: 'double precision' }) sum!: number;
  @Column({ type: 'double precision' }) min!: number;
  @Column({ type: 'double precision' }) max!: number;
}
