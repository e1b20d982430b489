import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A threshold rule on one metric; the defaults come from the admin blueprint (seeded by migration). */
@Entity({ name: 'ops_alert_rules' })
@Index('ix_ops_alert_rules_metric', ['metric'])
export class AlertRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 64 }) metric!: string;
  @Column({ type: 'double precision' }) warning!: number;
  @Column({ type: 'double precision' }) critical!: number;
  @Column({ type: 'varchar', length: 8 }) direction!: string;
  @Column({ name: 'hold_seconds', type: 'integer' }) holdSeconds!: number;
  @Column({ name: 'no_data_after_seconds', type: 'integer' }) noDataAfterSeconds!: number;
  @Column({ name: 'alert_on_no_data', type: 'boolean' }) alertOnNoData!: boolean;
  /** Labels added to every alert of the rule. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) labels!: Record<string, string>;
  /** Label values a series must have to be watched (`source` names the source). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) matchers!: Record<string, string>;
  /** The labels that make one alert instance; null: every series (source and labels) is its own. */
  @Column({ name: 'group_by', type: 'text', array: true, nullable: true }) groupBy!: string[] | null;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
