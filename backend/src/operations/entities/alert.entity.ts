import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One alert instance's life, from pending to resolved. At most one open alert per fingerprint
 * (rule and series, or the source for freshness alerts): the partial unique index is the
 * deduplication that holds even when two evaluations race.
 */
@Entity({ name: 'ops_alerts' })
@Index('ux_ops_alerts_open_fingerprint', ['fingerprint'], { unique: true, where: '"open"' })
@Index('ix_ops_alerts_started_at', ['startedAt'])
export class AlertEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  @Column({ type: 'varchar', length: 300 }) fingerprint!: string;
  @Column({ name: 'rule_id', type: 'varchar', length: 64, nullable: true }) ruleId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) metric!: string | null;
  @Column({ name: 'source_id', type: 'varchar', length: 64, nullable: true }) sourceId!: string | null;
  /** The brand of the source an alert is about; tenant-scoped principals see only theirs. */
  @Column({ type: 'varchar', length: 100, nullable: true }) tenant!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) labels!: Record<string, string>;
  /** For rule alerts: the labels of the series (or group) this instance is about. */
  @Column({ name: 'series_labels', type: 'jsonb', nullable: true }) seriesLabels!: Record<string, string> | null;
  @Column({ type: 'varchar', length: 16 }) module!: string;
  @Column({ type: 'boolean' }) open!: boolean;
  @Column({ type: 'varchar', length: 16 }) state!: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) severity!: string | null;
  @Column({ type: 'double precision', nullable: true }) value!: number | null;
  @Column({ type: 'double precision', nullable: true }) threshold!: number | null;
  @Column({ type: 'text' }) message!: string;
  @Column({ name: 'state_since', type: 'timestamptz' }) stateSince!: Date;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true }) firedAt!: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'last_evaluated_at', type: 'timestamptz' }) lastEvaluatedAt!: Date;
  @Column({ name: 'acknowledged_by', type: 'varchar', length: 320, nullable: true }) acknowledgedBy!: string | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'ack_comment', type: 'text', nullable: true }) ackComment!: string | null;
  @Column({ name: 'silenced_by', type: 'uuid', nullable: true }) silencedBy!: string | null;
  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true }) notifiedAt!: Date | null;
}
