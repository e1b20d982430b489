import { CurrentPrincipal, RequirePermission } from '../auth';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  Page,
  Principal,
  RawSnapshot,
  RawSnapshotSummary,
  RefreshAccepted,
  SyncRun,
  SyncRunStatus,
} from '@switchyard/contracts';
import { ApiErrors, PageQueryDto, resolvePage, uuidParam, type Stamped } from '../common';
import {
  RawSnapshotModel,
  RawSnapshotPageModel,
  RefreshAcceptedModel,
  RefreshQueryDto,
  SyncRunModel,
  SyncRunPageModel,
  SyncRunQueryDto,
} from './dto/sync.models';
import { SyncQueries } from './sync-queries.service';
import { SyncService } from './sync.service';

@ApiTags('sync')
@Controller()
export class SyncController {
  constructor(
    private readonly sync: SyncService,
    private readonly queries: SyncQueries,
  ) {}

  @Post('sources/:id/refresh')
  @RequirePermission('sources.refresh')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Refresh now: queue a run (or join the queued one) and start it as soon as possible.',
    description: 'A pending Retry-After is honoured: `notBefore` says when the run can start.',
  })
  @ApiAcceptedResponse({ type: RefreshAcceptedModel })
  @ApiErrors(400, 404, 409)
  refresh(
    @Param('id') id: string,
    @Query() query: RefreshQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefreshAccepted> {
    return this.sync.refresh(id, 'manual', query.mode, principal);
  }

  @Post('sources/:id/replay')
  @RequirePermission('sources.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rebuild the source’s normalized rows from its raw snapshots with the current mapping.',
    description:
      'Runs at once and answers the finished run; `status: failed` with the reason when the raw data does not fit.',
  })
  @ApiOkResponse({ type: SyncRunModel })
  @ApiErrors(404, 409)
  replay(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SyncRun> {
    return this.sync.replay(id, principal);
  }

  @Get('sources/:id/snapshots')
  @RequirePermission('sync.raw_read')
  @ApiOperation({ summary: 'Raw upstream pages kept for audit and replay, newest first (without payloads).' })
  @ApiOkResponse({ type: RawSnapshotPageModel })
  @ApiErrors(400, 404)
  snapshots(
    @Param('id') id: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<Page<RawSnapshotSummary>>> {
    return this.queries.listSnapshots(id, resolvePage(query), principal);
  }

  @Get('sources/:id/snapshots/:snapshotId')
  @RequirePermission('sync.raw_read')
  @ApiOperation({ summary: 'One raw snapshot with its payload exactly as the upstream sent it.' })
  @ApiOkResponse({ type: RawSnapshotModel })
  @ApiErrors(400, 404)
  snapshot(
    @Param('id') id: string,
    @Param('snapshotId', uuidParam('snapshotId')) snapshotId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RawSnapshot> {
    return this.queries.getSnapshot(id, snapshotId, principal);
  }

  @Get('sync-runs')
  @RequirePermission('sync.read')
  @ApiOperation({ summary: 'Sync runs, newest first, filtered by source, status, trigger and time.' })
  @ApiOkResponse({ type: SyncRunPageModel })
  @ApiErrors(400)
  runs(@Query() query: SyncRunQueryDto, @CurrentPrincipal() principal: Principal): Promise<Stamped<Page<SyncRun>>> {
    const filters = {
      sourceId: query.sourceId,
      status: query.status?.split(',') as SyncRunStatus[] | undefined,
      trigger: query.trigger,
      since: query.since ? new Date(query.since) : undefined,
    };
    return this.queries.listRuns(filters, resolvePage(query), principal);
  }

  @Get('sync-runs/:id')
  @RequirePermission('sync.read')
  @ApiOperation({ summary: 'One sync run.' })
  @ApiOkResponse({ type: SyncRunModel })
  @ApiErrors(400, 404)
  run(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<SyncRun> {
    return this.queries.getRun(id, principal);
  }
}
