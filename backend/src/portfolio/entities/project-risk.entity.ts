import { Column, Entity, Index } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

@Entity({ name: 'project_risks' })
@Index('ix_project_risks_project', ['projectExternalId'])
export class ProjectRiskEntity extends NormalizedRecord {
  @Column({ name: 'project_external_id', type: 'varchar', length: 128 }) projectExternalId!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) category!: string | null;
  @Column({ type: 'integer' }) probability!: number;
  @Column({ type: 'integer' }) impact!: number;
  @Column({ type: 'integer' }) score!: number;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) owner!: string | null;
  @Column({ type: 'text', nullable: true }) mitigation!: string | null;
  @Column({ name: 'identified_at', type: 'timestamptz' }) identifiedAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
