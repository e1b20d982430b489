import { Column, Entity, Index } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

/** One project's figures for one month. */
@Entity({ name: 'financial_entries' })
@Index('ix_financial_entries_project_month', ['projectExternalId', 'month'])
export class FinancialEntryEntity extends NormalizedRecord {
  @Column({ name: 'project_external_id', type: 'varchar', length: 128 }) projectExternalId!: string;
  /** First day of the month. */
  @Column({ type: 'date' }) month!: string;
  @Column({ type: 'double precision' }) budget!: number;
  @Column({ type: 'double precision' }) actual!: number;
  @Column({ type: 'double precision', nullable: true }) forecast!: number | null;
  @Column({ type: 'double precision', nullable: true }) benefit!: number | null;
  @Column({ type: 'double precision', nullable: true }) roi!: number | null;
  @Column({ name: 'cash_flow', type: 'double precision', nullable: true }) cashFlow!: number | null;
  @Column({ name: 'discount_rate', type: 'double precision', nullable: true }) discountRate!: number | null;
}
