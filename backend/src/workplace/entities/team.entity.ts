import { Column, Entity, Index } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

export interface HiringPipeline {
  applied: number;
  screening: number;
  interviewing: number;
  offer: number;
  hired: number;
}

@Entity({ name: 'teams' })
@Index('ix_teams_department', ['departmentId'])
export class TeamEntity extends NormalizedRecord {
  @Column({ name: 'department_id', type: 'varchar', length: 64 }) departmentId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'manager_email', type: 'varchar', length: 320, nullable: true }) managerEmail!: string | null;
  @Column({ type: 'integer' }) headcount!: number;
  @Column({ name: 'open_roles', type: 'integer' }) openRoles!: number;
  @Column({ type: 'jsonb' }) pipeline!: HiringPipeline;
  /** Sensitive: sealed with the secrets key, opened only for readers with the people-sensitive permission. */
  @Column({ name: 'sentiment_sealed', type: 'text', nullable: true }) sentimentSealed!: string | null;
}
