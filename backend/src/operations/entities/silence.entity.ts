import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Suppresses notifications of matching alerts for a time window; their states stay visible. */
@Entity({ name: 'ops_silences' })
@Index('ix_ops_silences_ends_at', ['endsAt'])
export class SilenceEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'rule_id', type: 'varchar', length: 64, nullable: true }) ruleId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) metric!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) labels!: Record<string, string>;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text' }) comment!: string;
  @Column({ name: 'created_by', type: 'varchar', length: 320 }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
