import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventsPage, IncidentsPage, PeoplePage, Principal, WorkplaceSummary } from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors, ConditionalGetInterceptor, resolvePage, type Stamped } from '../common';
import { EventsQueryDto, IncidentsQueryDto, PeopleQueryDto, SummaryQueryDto } from './dto/workplace-query.dto';
import { EventsPageModel, IncidentsPageModel, PeoplePageModel, WorkplaceSummaryModel } from './dto/workplace.models';
import { WorkplaceService } from './workplace.service';

@ApiTags('workplace')
@Controller()
export class WorkplaceController {
  constructor(private readonly workplace: WorkplaceService) {}

  @Get('summary')
  @RequirePermission('dashboard.read')
  @UseInterceptors(ConditionalGetInterceptor)
  @ApiOperation({
    summary: 'Department scorecards: headcount, open roles, open incidents and tasks, utilisation, uptime.',
    description:
      'utilisation = headcount / (headcount + openRoles), null with no seats; uptime = latest uptime_percentage ' +
      'sample at or before the end of `date` (UTC). Answers carry an ETag; If-None-Match gives 304.',
  })
  @ApiOkResponse({ type: WorkplaceSummaryModel })
  @ApiErrors(400, 401, 403)
  summary(
    @Query() query: SummaryQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<WorkplaceSummary>> {
    return this.workplace.summary(query, principal);
  }

  @Get('people')
  @RequirePermission('people.read')
  @ApiOperation({
    summary: 'Teams with staffing and hiring pipeline; include=sentiment (people.sensitive_read, audited).',
  })
  @ApiOkResponse({ type: PeoplePageModel })
  @ApiErrors(400, 401, 403)
  people(@Query() query: PeopleQueryDto, @CurrentPrincipal() principal: Principal): Promise<Stamped<PeoplePage>> {
    const filters = { team: query.team, department: query.department, includeSentiment: query.include === 'sentiment' };
    return this.workplace.people(filters, resolvePage(query), principal);
  }

  @Get('events')
  @RequirePermission('events.read')
  @ApiOperation({
    summary: 'Event occurrences in [from, from + timeframe), recurrences expanded in each event’s time zone.',
  })
  @ApiOkResponse({ type: EventsPageModel })
  @ApiErrors(400, 401, 403)
  events(@Query() query: EventsQueryDto): Promise<Stamped<EventsPage>> {
    const filters = { timeframe: query.timeframe, location: query.location, from: query.from };
    return this.workplace.events(filters, resolvePage(query));
  }

  @Get('incidents')
  @RequirePermission('incidents.read')
  @ApiOperation({
    summary: 'Incidents and workplace requests, newest first; state accepts open, closed or raw states.',
  })
  @ApiOkResponse({ type: IncidentsPageModel })
  @ApiErrors(400, 401, 403)
  incidents(
    @Query() query: IncidentsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<IncidentsPage>> {
    const { state, severity, department, kind } = query;
    return this.workplace.incidents({ state, severity, department, kind }, resolvePage(query), principal);
  }
}
