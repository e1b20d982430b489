import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A pushed event that was applied, by its sender's id: a retry with the same id is
 * answered with the run that applied it instead of being applied again. Kept for
 * WEBHOOK_IDEMPOTENCY_DAYS, independent of raw snapshot pruning.
 */
@Entity({ name: 'webhook_receipts' })
@Index('ix_webhook_receipts_received_at', ['receivedAt'])
export class WebhookReceiptEntity {
  /** Who received it: `source:<id>` (or another intake's prefix). */
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'PK_webhook_receipts' }) origin!: string;
  /** The Standard Webhooks `webhook-id`. */
  @PrimaryColumn({
    name: 'webhook_id',
    type: 'varchar',
    length: 255,
    primaryKeyConstraintName: 'PK_webhook_receipts',
  })
  webhookId!: string;
  @Column({ name: 'run_id', type: 'uuid' }) runId!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}
