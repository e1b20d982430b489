import { Column, Entity, Index } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

/** An incident or workplace request from the ticketing system. */
@Entity({ name: 'incidents' })
@Index('ix_incidents_state_severity', ['state', 'severity'])
export class IncidentEntity extends NormalizedRecord {
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  @Column({ type: 'varchar', length: 500 }) title!: string;
  /** critical, high, medium or low. */
  @Column({ type: 'varchar', length: 16 }) severity!: string;
  @Column({ type: 'varchar', length: 16 }) state!: string;
  @Column({ name: 'assignment_group', type: 'varchar', length: 200, nullable: true }) assignmentGroup!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) assignee!: string | null;
  @Column({ name: 'department_id', type: 'varchar', length: 64, nullable: true }) departmentId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) location!: string | null;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt!: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}
