import { Column, Entity, Index } from 'typeorm';
import { NormalizedRecord } from '../../sources/normalized-record';

// The five ClientTether tables. Every row carries its tenant (brand); reads are always tenant-scoped.

@Entity({ name: 'crm_leads' })
@Index('ix_crm_leads_tenant_status', ['tenant', 'status'])
export class CrmLeadEntity extends NormalizedRecord {
  @Column({ name: 'first_name', type: 'varchar', length: 100, nullable: true }) firstName!: string | null;
  @Column({ name: 'last_name', type: 'varchar', length: 100, nullable: true }) lastName!: string | null;
  @Column({ type: 'varchar', length: 320, nullable: true }) email!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) phone!: string | null;
  @Column({ name: 'lead_source', type: 'varchar', length: 64 }) leadSource!: string;
  @Column({ type: 'varchar', length: 32 }) status!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) owner!: string | null;
  @Column({ name: 'created_at_source', type: 'timestamptz' }) createdAtSource!: Date;
}

@Entity({ name: 'crm_pipeline_items' })
@Index('ix_crm_pipeline_items_tenant_stage', ['tenant', 'stage'])
export class CrmPipelineItemEntity extends NormalizedRecord {
  @Column({ name: 'lead_external_id', type: 'varchar', length: 128, nullable: true }) leadExternalId!: string | null;
  @Column({ type: 'varchar', length: 300 }) name!: string;
  @Column({ type: 'varchar', length: 32 }) stage!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'integer', nullable: true }) probability!: number | null;
  @Column({ name: 'expected_close', type: 'date', nullable: true }) expectedClose!: string | null;
  @Column({ name: 'stage_entered_at', type: 'timestamptz', nullable: true }) stageEnteredAt!: Date | null;
}

@Entity({ name: 'crm_hot_list_items' })
@Index('ix_crm_hot_list_items_tenant_priority', ['tenant', 'priority'])
export class CrmHotListItemEntity extends NormalizedRecord {
  @Column({ name: 'lead_external_id', type: 'varchar', length: 128, nullable: true }) leadExternalId!: string | null;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;
  @Column({ type: 'integer' }) priority!: number;
  @Column({ type: 'varchar', length: 32 }) status!: string;
  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true }) lastActivityAt!: Date | null;
  @Column({ name: 'added_at', type: 'timestamptz', nullable: true }) addedAt!: Date | null;
}

@Entity({ name: 'crm_notes' })
@Index('ix_crm_notes_tenant_noted_at', ['tenant', 'notedAt'])
export class CrmNoteEntity extends NormalizedRecord {
  @Column({ name: 'lead_external_id', type: 'varchar', length: 128, nullable: true }) leadExternalId!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) author!: string | null;
  @Column({ type: 'text' }) body!: string;
  @Column({ name: 'noted_at', type: 'timestamptz' }) notedAt!: Date;
}

@Entity({ name: 'crm_scheduled_activities' })
@Index('ix_crm_scheduled_activities_tenant_when', ['tenant', 'scheduledFor'])
export class CrmScheduledActivityEntity extends NormalizedRecord {
  @Column({ name: 'lead_external_id', type: 'varchar', length: 128, nullable: true }) leadExternalId!: string | null;
  @Column({ name: 'activity_type', type: 'varchar', length: 32 }) activityType!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ name: 'scheduled_for', type: 'timestamptz' }) scheduledFor!: Date;
  @Column({ name: 'duration_minutes', type: 'integer', nullable: true }) durationMinutes!: number | null;
  @Column({ name: 'assigned_to', type: 'varchar', length: 200, nullable: true }) assignedTo!: string | null;
  @Column({ type: 'varchar', length: 32 }) status!: string;
}
