import { Column, Entity, Index } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

export interface Milestone {
  id: string;
  name: string;
  dueDate: string;
  completed: boolean;
  completedAt: string | null;
}

@Entity({ name: 'projects' })
@Index('ix_projects_portfolio_status', ['portfolio', 'status'])
export class ProjectEntity extends NormalizedRecord {
  @Column({ type: 'varchar', length: 300 }) name!: string;
  @Column({ type: 'varchar', length: 32 }) portfolio!: string;
  @Column({ type: 'varchar', length: 32 }) status!: string;
  @Column({ type: 'varchar', length: 16 }) priority!: string;
  @Column({ name: 'owner_name', type: 'varchar', length: 200, nullable: true }) ownerName!: string | null;
  @Column({ name: 'owner_email', type: 'varchar', length: 320, nullable: true }) ownerEmail!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) team!: string | null;
  @Column({ type: 'double precision' }) budget!: number;
  @Column({ name: 'actual_cost', type: 'double precision' }) actualCost!: number;
  @Column({ name: 'percent_complete', type: 'double precision' }) percentComplete!: number;
  @Column({ name: 'planned_progress', type: 'double precision' }) plannedProgress!: number;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Column({ name: 'strategic_goal', type: 'varchar', length: 300, nullable: true }) strategicGoal!: string | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) milestones!: Milestone[];
}
