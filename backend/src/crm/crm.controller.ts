import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CrmActivityPage,
  CrmHotListPage,
  CrmLeadDetail,
  CrmLeadPage,
  CrmLeadStats,
  CrmNotePage,
  CrmPipeline,
  CrmSyncStatus,
  Principal,
} from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors, ConditionalGetInterceptor, PreparedAnswer, resolvePage, type Stamped } from '../common';
import { CrmService } from './crm.service';
import {
  CrmActivityPageModel,
  CrmHotListPageModel,
  CrmHotListQueryDto,
  CrmLeadDetailModel,
  CrmLeadListQueryDto,
  CrmLeadPageModel,
  CrmLeadStatsModel,
  CrmNoteListQueryDto,
  CrmNotePageModel,
  CrmPipelineModel,
  CrmScheduleQueryDto,
  CrmSyncStatusModel,
  CrmSyncStatusQueryDto,
  CrmTenantQueryDto,
} from './dto/crm.models';

/** The CRM dashboards. Every route reads one tenant; another tenant's data reads as not found. */
@ApiTags('crm')
@Controller('crm')
@UseInterceptors(ConditionalGetInterceptor)
export class CrmController {
  constructor(private readonly crm: CrmService) {}

  @Get('leads')
  @RequirePermission('crm.read')
  @ApiOperation({ summary: 'Leads, newest first, filtered by status, source and a name/email/phone search.' })
  @ApiOkResponse({ type: CrmLeadPageModel })
  @ApiErrors(400, 404)
  leads(
    @Query() query: CrmLeadListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PreparedAnswer<CrmLeadPage>> {
    const { tenant, status, source, q } = query;
    return this.crm.leads(principal, tenant, { status, source, q }, resolvePage(query));
  }

  @Get('leads/stats')
  @RequirePermission('crm.read')
  @ApiOperation({ summary: 'Lead counts in total, by source and by status, with shares.' })
  @ApiOkResponse({ type: CrmLeadStatsModel })
  @ApiErrors(400, 404)
  leadStats(
    @Query() query: CrmTenantQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<CrmLeadStats>> {
    return this.crm.leadStats(principal, query.tenant);
  }

  @Get('leads/:id')
  @RequirePermission('crm.read')
  @ApiOperation({ summary: "One lead of the tenant; another tenant's lead is not found." })
  @ApiOkResponse({ type: CrmLeadDetailModel })
  @ApiErrors(400, 404)
  lead(
    @Param('id') id: string,
    @Query() query: CrmTenantQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CrmLeadDetail> {
    return this.crm.lead(principal, query.tenant, id);
  }

  @Get('pipeline')
  @RequirePermission('crm.read')
  @ApiOperation({
    summary: 'Pipeline stages in funnel order with counts, values and weighted values, and 8 weeks of stage entries.',
  })
  @ApiOkResponse({ type: CrmPipelineModel })
  @ApiErrors(400, 404)
  pipeline(@Query() query: CrmTenantQueryDto, @CurrentPrincipal() principal: Principal): Promise<Stamped<CrmPipeline>> {
    return this.crm.pipeline(principal, query.tenant);
  }

  @Get('hot-list')
  @RequirePermission('crm.read')
  @ApiOperation({ summary: 'Hot list, hottest first (priority 1), then most recent activity.' })
  @ApiOkResponse({ type: CrmHotListPageModel })
  @ApiErrors(400, 404)
  hotList(
    @Query() query: CrmHotListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<CrmHotListPage>> {
    return this.crm.hotList(principal, query.tenant, query.status, resolvePage(query));
  }

  @Get('notes')
  @RequirePermission('crm.read')
  @ApiOperation({ summary: 'Notes, newest first, with full-text search of the body and an author filter.' })
  @ApiOkResponse({ type: CrmNotePageModel })
  @ApiErrors(400, 404)
  notes(@Query() query: CrmNoteListQueryDto, @CurrentPrincipal() principal: Principal): Promise<Stamped<CrmNotePage>> {
    const { tenant, q, author } = query;
    return this.crm.notes(principal, tenant, { q, author }, resolvePage(query));
  }

  @Get('schedule')
  @RequirePermission('crm.read')
  @ApiOperation({ summary: 'Upcoming activities (from now, or `from`), soonest first.' })
  @ApiOkResponse({ type: CrmActivityPageModel })
  @ApiErrors(400, 404)
  schedule(
    @Query() query: CrmScheduleQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<CrmActivityPage>> {
    const { tenant, from, status } = query;
    return this.crm.schedule(principal, tenant, { from, status }, resolvePage(query));
  }

  @Get('sync-status')
  @RequirePermission('crm.read')
  @ApiOperation({
    summary: 'Last successful CRM sync per tenant, with each source’s freshness and last error.',
    description: 'Without `tenant`, every tenant the caller may see.',
  })
  @ApiOkResponse({ type: CrmSyncStatusModel })
  @ApiErrors(400, 404)
  syncStatus(
    @Query() query: CrmSyncStatusQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<CrmSyncStatus>> {
    return this.crm.syncStatus(principal, query.tenant);
  }
}
