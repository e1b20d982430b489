import type {
  FailureCategory,
  FailureSeverity,
  IntegrationId,
  IssueHistoryEntry,
  IssueState,
} from '@switchyard/contracts';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** Failures of one integration, category and error signature, triaged as one. */
@Entity({ name: 'integration_issues' })
@Unique('uq_integration_issues_group', ['integration', 'category', 'signatureHash'])
@Index('ix_integration_issues_state', ['state', 'lastSeenAt'])
export class IntegrationIssueEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) integration!: IntegrationId;
  @Column({ type: 'varchar', length: 32 }) category!: FailureCategory;
  @Column({ name: 'signature_hash', type: 'varchar', length: 64 }) signatureHash!: string;
  @Column({ type: 'text' }) signature!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'varchar', length: 16 }) severity!: FailureSeverity;
  @Column({ type: 'varchar', length: 16 }) state!: IssueState;
  @Column({ type: 'integer', default: 1 }) occurrences!: number;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'last_event_id', type: 'uuid' }) lastEventId!: string;
  @Column({ name: 'state_changed_by', type: 'varchar', length: 320, nullable: true }) stateChangedBy!: string | null;
  @Column({ name: 'state_changed_at', type: 'timestamptz' }) stateChangedAt!: Date;
  @Column({ type: 'jsonb', default: () => "'[]'" }) history!: IssueHistoryEntry[];
}
