import { ApiProperty } from '@nestjs/swagger';
import {
  CRM_ACTIVITY_STATUSES,
  CRM_HOT_LIST_STATUSES,
  CRM_LEAD_SOURCES,
  CRM_LEAD_STATUSES,
  CRM_PIPELINE_STAGES,
  FRESHNESS_STATES,
  type CrmActivityStatus,
  type CrmHotListStatus,
  type CrmLeadSource,
  type CrmLeadStatus,
  type FreshnessState,
  type CrmActivity,
  type CrmActivityPage,
  type CrmCount,
  type CrmHotListItem,
  type CrmHotListPage,
  type CrmLead,
  type CrmLeadDetail,
  type CrmLeadPage,
  type CrmLeadStats,
  type CrmNote,
  type CrmNotePage,
  type CrmPipeline,
  type CrmPipelineStageSummary,
  type CrmPipelineWeek,
  type CrmSyncStatus,
  type CrmTenantSyncStatus,
} from '@switchyard/contracts';
import { z } from 'zod';
import {
  isoDateTime,
  matching,
  oneOf,
  PageModel,
  PageQueryDto,
  QueryField,
  text,
  TimestampedModel,
} from '../../common';
import { FreshnessModel, SourceFreshnessModel } from '../../sources/dto/source.models';

// ---- query parameters ----------------------------------------------------------------

const TENANT = /^[a-z0-9-]{1,64}$/;

function RequiredTenant(): PropertyDecorator {
  return QueryField(
    z
      .string({ error: (issue) => (issue.input === undefined ? 'tenant is required' : 'tenant must be a tenant id') })
      .regex(TENANT, { error: 'tenant must be a tenant id' }),
    { example: 'acme-fitness', description: 'The brand; outside your data scopes it reads as not found.' },
  );
}

function OneOf(field: string, values: readonly [string, ...string[]]): PropertyDecorator {
  return QueryField(oneOf(field, values).optional(), { enum: values });
}

function SearchText(field: string, description: string): PropertyDecorator {
  return QueryField(text(field, 200).optional(), { description, maxLength: 200 });
}

export class CrmTenantQueryDto {
  @RequiredTenant() tenant!: string;
}

export class CrmSyncStatusQueryDto {
  @QueryField(matching(TENANT, 'tenant must be a tenant id').optional(), {
    example: 'acme-fitness',
    description: 'One tenant; all you may see when omitted.',
  })
  tenant?: string;
}

export class CrmLeadListQueryDto extends PageQueryDto {
  @RequiredTenant() tenant!: string;
  @OneOf('status', CRM_LEAD_STATUSES) status?: CrmLeadStatus;
  @OneOf('source', CRM_LEAD_SOURCES) source?: CrmLeadSource;
  @SearchText('q', 'Part of the name, email, phone or owner (case-insensitive).') q?: string;
}

export class CrmHotListQueryDto extends PageQueryDto {
  @RequiredTenant() tenant!: string;
  @OneOf('status', CRM_HOT_LIST_STATUSES) status?: CrmHotListStatus;
}

export class CrmNoteListQueryDto extends PageQueryDto {
  @RequiredTenant() tenant!: string;
  @SearchText('q', 'Full-text search of the body (English stemming: "calling" finds "called").') q?: string;
  @SearchText('author', 'Exact author name, case-insensitive.') author?: string;
}

export class CrmScheduleQueryDto extends PageQueryDto {
  @RequiredTenant() tenant!: string;

  @QueryField(isoDateTime('from must be an ISO 8601 date-time').optional(), {
    format: 'date-time',
    description: 'Activities scheduled at or after this instant; default now.',
  })
  from?: string;

  @OneOf('status', CRM_ACTIVITY_STATUSES) status?: CrmActivityStatus;
}

// ---- answers ---------------------------------------------------------------------------

const dateTime = { type: String, format: 'date-time' } as const;
const nullableDateTime = { ...dateTime, nullable: true } as const;
const nullableText = { type: String, nullable: true } as const;

export class CrmLeadModel implements CrmLead {
  @ApiProperty({ example: '1042' }) id!: string;
  @ApiProperty(nullableText) firstName!: string | null;
  @ApiProperty(nullableText) lastName!: string | null;
  @ApiProperty(nullableText) email!: string | null;
  @ApiProperty(nullableText) phone!: string | null;
  @ApiProperty({ example: 'Website', description: `Usually one of ${CRM_LEAD_SOURCES.join(', ')}.` }) source!: string;
  @ApiProperty({ example: 'New', description: `Usually one of ${CRM_LEAD_STATUSES.join(', ')}.` }) status!: string;
  @ApiProperty(nullableText) owner!: string | null;
  @ApiProperty(dateTime) createdAt!: string;
  @ApiProperty(nullableDateTime) updatedAt!: string | null;
}

export class CrmLeadDetailModel extends CrmLeadModel implements CrmLeadDetail {
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class CrmLeadPageModel extends PageModel implements CrmLeadPage {
  @ApiProperty({ type: [CrmLeadModel] }) items!: CrmLeadModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class CrmCountModel implements CrmCount {
  @ApiProperty({ example: 'Website' }) key!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'count / total; null when there are no leads.' })
  share!: number | null;
}

export class CrmLeadStatsModel extends TimestampedModel implements CrmLeadStats {
  @ApiProperty({ example: 'acme-fitness' }) tenant!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CrmCountModel], description: 'Most leads first.' }) bySource!: CrmCountModel[];
  @ApiProperty({ type: [CrmCountModel], description: 'Most leads first.' }) byStatus!: CrmCountModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class CrmPipelineStageModel implements CrmPipelineStageSummary {
  @ApiProperty({ example: 'Proposal', description: `Funnel order: ${CRM_PIPELINE_STAGES.join(', ')}.` }) stage!: string;
  @ApiProperty() count!: number;
  @ApiProperty() totalValue!: number;
  @ApiProperty({ description: 'Σ value × probability / 100; deals without a probability add 0.' })
  weightedValue!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'totalValue / count; null for an empty stage.' })
  averageValue!: number | null;
}

/** The contract's shape of this nested object. */
type CrmPipelineTotals = CrmPipeline['totals'];

export class CrmPipelineTotalsModel implements CrmPipelineTotals {
  @ApiProperty() count!: number;
  @ApiProperty() totalValue!: number;
  @ApiProperty() weightedValue!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Closed Won / (Closed Won + Closed Lost); null when none closed.',
  })
  winRate!: number | null;
}

/** The contract's shape of this nested object. */
type CrmStageCount = CrmPipelineWeek['entered'][number];

export class CrmStageCountModel implements CrmStageCount {
  @ApiProperty() stage!: string;
  @ApiProperty() count!: number;
}

export class CrmPipelineWeekModel implements CrmPipelineWeek {
  @ApiProperty({ ...dateTime, description: 'Monday 00:00 UTC.' }) weekStart!: string;
  @ApiProperty({ type: [CrmStageCountModel], description: 'Deals whose current stage was entered that week.' })
  entered!: CrmStageCountModel[];
}

export class CrmPipelineModel extends TimestampedModel implements CrmPipeline {
  @ApiProperty({ example: 'acme-fitness' }) tenant!: string;
  @ApiProperty({ type: [CrmPipelineStageModel] }) stages!: CrmPipelineStageModel[];
  @ApiProperty({ type: CrmPipelineTotalsModel }) totals!: CrmPipelineTotalsModel;
  @ApiProperty({ type: [CrmPipelineWeekModel], description: 'The last 8 weeks, oldest first.' })
  progression!: CrmPipelineWeekModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class CrmHotListItemModel implements CrmHotListItem {
  @ApiProperty() id!: string;
  @ApiProperty(nullableText) leadId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty(nullableText) reason!: string | null;
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 = hottest.' }) priority!: number;
  @ApiProperty({ example: 'Active' }) status!: string;
  @ApiProperty(nullableDateTime) lastActivityAt!: string | null;
  @ApiProperty(nullableDateTime) addedAt!: string | null;
}

export class CrmHotListPageModel extends PageModel implements CrmHotListPage {
  @ApiProperty({ type: [CrmHotListItemModel] }) items!: CrmHotListItemModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class CrmNoteModel implements CrmNote {
  @ApiProperty() id!: string;
  @ApiProperty(nullableText) leadId!: string | null;
  @ApiProperty(dateTime) date!: string;
  @ApiProperty(nullableText) author!: string | null;
  @ApiProperty({ description: 'The first 200 characters of the body.' }) summary!: string;
  @ApiProperty() body!: string;
}

export class CrmNotePageModel extends PageModel implements CrmNotePage {
  @ApiProperty({ type: [CrmNoteModel] }) items!: CrmNoteModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class CrmActivityModel implements CrmActivity {
  @ApiProperty() id!: string;
  @ApiProperty(nullableText) leadId!: string | null;
  @ApiProperty({ ...nullableText, description: "The lead's name, when the lead is known." }) leadName!: string | null;
  @ApiProperty({ example: 'Call' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty(dateTime) scheduledFor!: string;
  @ApiProperty({ type: Number, nullable: true }) durationMinutes!: number | null;
  @ApiProperty(nullableText) assignedTo!: string | null;
  @ApiProperty({ example: 'Scheduled' }) status!: string;
}

export class CrmActivityPageModel extends PageModel implements CrmActivityPage {
  @ApiProperty({ type: [CrmActivityModel] }) items!: CrmActivityModel[];
  @ApiProperty({ type: FreshnessModel }) freshness!: FreshnessModel;
}

export class CrmTenantSyncStatusModel implements CrmTenantSyncStatus {
  @ApiProperty({ example: 'acme-fitness' }) tenant!: string;
  @ApiProperty({ ...nullableDateTime, description: "Oldest last success of the tenant's CRM sources." })
  lastSuccessAt!: string | null;
  @ApiProperty({ enum: FRESHNESS_STATES }) state!: FreshnessState;
  @ApiProperty(nullableText) reason!: string | null;
  @ApiProperty({ type: [SourceFreshnessModel] }) sources!: SourceFreshnessModel[];
}

export class CrmSyncStatusModel extends TimestampedModel implements CrmSyncStatus {
  @ApiProperty({ type: [CrmTenantSyncStatusModel] }) tenants!: CrmTenantSyncStatusModel[];
}
