import type { AlertSeverity, AlertState } from '@switchyard/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a group last knew of one of its alerts. */
export interface GroupedAlert {
  state: AlertState;
  severity: AlertSeverity | null;
  message: string;
  labels: Record<string, string>;
  silenced: boolean;
}

/**
 * The alerts of one policy that share the policy's `groupBy` values, and when the group is
 * next sent: `groupWait` after a change, or `repeatInterval` after the last send while firing.
 */
@Entity({ name: 'notification_groups' })
@Index('ix_notification_groups_flush_at', ['flushAt'])
export class NotificationGroupEntity {
  @PrimaryColumn({ name: 'policy_id', type: 'varchar', length: 64 })
  policyId!: string;

  @PrimaryColumn({ name: 'group_key', type: 'varchar', length: 500 })
  groupKey!: string;

  @Column({ type: 'jsonb' })
  alerts!: Record<string, GroupedAlert>;

  @Column({ name: 'flush_at', type: 'timestamptz', nullable: true })
  flushAt!: Date | null;

  @Column({ name: 'last_sent_at', type: 'timestamptz', nullable: true })
  lastSentAt!: Date | null;
}
