import { Column, Entity, Index } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

/** One metric sample. The external id is `<metric>@<timestamp>`, so a sample is stored once. */
@Entity({ name: 'data_points' })
@Index('ix_data_points_metric_recorded_at', ['metric', 'recordedAt'])
export class DataPointEntity extends NormalizedRecord {
  @Column({ type: 'varchar', length: 32 }) category!: string;
  @Column({ type: 'varchar', length: 64 }) metric!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'varchar', length: 16, nullable: true }) unit!: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
