import type { DeliveryStatus, NotificationMessage } from '@switchyard/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContactPointEntity } from './contact-point.entity';

/** The outbox: one row per send, claimed by one instance at a time and retried until delivered. */
@Entity({ name: 'notification_deliveries' })
@Index('ix_notification_deliveries_due', ['status', 'nextAttemptAt'])
export class NotificationDeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('ix_notification_deliveries_contact_point')
  @Column({ name: 'contact_point_id', type: 'varchar', length: 64 })
  contactPointId!: string;

  @ManyToOne(() => ContactPointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_point_id' })
  contactPoint?: ContactPointEntity;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, nullable: true })
  tenant!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'jsonb' })
  message!: NotificationMessage;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** A claim by one instance; it lapses if that instance dies mid-send. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
