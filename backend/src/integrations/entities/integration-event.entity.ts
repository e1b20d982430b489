import type {
  ErrorClassification,
  FailureCategory,
  IntegrationEventStatus,
  IntegrationId,
} from '@switchyard/contracts';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** One received webhook, stored redacted, unique per integration and webhook id. */
@Entity({ name: 'integration_events' })
@Unique('uq_integration_events_webhook', ['integration', 'webhookId'])
@Index('ix_integration_events_integration_occurred', ['integration', 'occurredAt'])
@Index('ix_integration_events_unprocessed', ['receivedAt'], { where: 'processed_at IS NULL' })
@Index('ix_integration_events_issue', ['issueId'])
export class IntegrationEventEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) integration!: IntegrationId;
  @Column({ name: 'webhook_id', type: 'varchar', length: 200 }) webhookId!: string;
  @Column({ name: 'event_type', type: 'varchar', length: 120 }) eventType!: string;
  @Column({ type: 'varchar', length: 16 }) status!: IntegrationEventStatus;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt!: Date | null;
  /** The body as received, PII redacted. */
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ name: 'error_message', type: 'text', nullable: true }) errorMessage!: string | null;
  @Column({ name: 'error_code', type: 'varchar', length: 120, nullable: true }) errorCode!: string | null;
  @Column({ name: 'error_http_status', type: 'integer', nullable: true }) errorHttpStatus!: number | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) category!: FailureCategory | null;
  @Column({ type: 'jsonb', nullable: true }) classification!: ErrorClassification | null;
  @Column({ name: 'issue_id', type: 'uuid', nullable: true }) issueId!: string | null;
  @Column({ name: 'process_attempts', type: 'integer', default: 0 }) processAttempts!: number;
  /** A processor holds the event until then; after it, another may claim it (crash recovery). */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true }) claimedUntil!: Date | null;
}
