import type { NotificationMatch } from '@switchyard/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Routes matching alerts to contact points, grouped, with a repeat interval. */
@Entity({ name: 'notification_policies' })
export class NotificationPolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('ix_notification_policies_tenant')
  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenant!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'contact_point_ids', type: 'jsonb' })
  contactPointIds!: string[];

  @Column({ type: 'jsonb' })
  match!: NotificationMatch;

  @Column({ name: 'group_by', type: 'jsonb' })
  groupBy!: string[];

  @Column({ name: 'group_wait_seconds', type: 'integer' })
  groupWaitSeconds!: number;

  @Column({ name: 'repeat_interval_seconds', type: 'integer' })
  repeatIntervalSeconds!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
