import type { FailureCategory, IntegrationId } from '@switchyard/contracts';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** Whether a classification helped, one verdict per event and person (the latest counts). */
@Entity({ name: 'integration_feedback' })
@Unique('uq_integration_feedback_event_by', ['eventId', 'givenBy'])
@Index('ix_integration_feedback_integration', ['integration'])
export class IntegrationFeedbackEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ type: 'varchar', length: 32 }) integration!: IntegrationId;
  @Column({ type: 'boolean' }) helpful!: boolean;
  @Column({ name: 'correct_category', type: 'varchar', length: 32, nullable: true })
  correctCategory!: FailureCategory | null;
  @Column({ name: 'given_by', type: 'varchar', length: 320 }) givenBy!: string;
  @Column({ name: 'given_at', type: 'timestamptz' }) givenAt!: Date;
}
