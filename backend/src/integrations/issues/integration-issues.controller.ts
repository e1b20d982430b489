import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IssueView, Page, Principal } from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../../auth';
import { ApiErrors, parseOrThrow, resolvePage, uuidParam, type Stamped } from '../../common';
import {
  IntegrationIssuesQueryDto,
  ISSUE_ACTION_BODY,
  IssueDetailModel,
  IssuePageModel,
} from '../dto/integrations.models';
import { issueActionSchema } from '../dto/integrations.schemas';
import { IssueTrackerService } from './issue-tracker.service';

@ApiTags('integrations')
@Controller('integration-issues')
export class IntegrationIssuesController {
  constructor(private readonly issues: IssueTrackerService) {}

  @Get()
  @RequirePermission('integrations.read')
  @ApiOperation({ summary: 'Failures grouped by integration, category and error signature; most recent first.' })
  @ApiOkResponse({ type: IssuePageModel })
  @ApiErrors(400)
  list(@Query() query: IntegrationIssuesQueryDto): Promise<Stamped<Page<IssueView>>> {
    return this.issues.list({ state: query.state, integration: query.integration }, resolvePage(query));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission('integrations.manage')
  @ApiOperation({ summary: 'Someone is on it (open → acknowledged).' })
  @ApiBody({ schema: ISSUE_ACTION_BODY, required: false })
  @ApiOkResponse({ type: IssueDetailModel })
  @ApiErrors(400, 404, 409)
  acknowledge(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IssueView> {
    return this.issues.act(id, 'acknowledge', comment(body), principal);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission('integrations.manage')
  @ApiOperation({ summary: 'Fixed (open or acknowledged → resolved); a new failure reopens it.' })
  @ApiBody({ schema: ISSUE_ACTION_BODY, required: false })
  @ApiOkResponse({ type: IssueDetailModel })
  @ApiErrors(400, 404, 409)
  resolve(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IssueView> {
    return this.issues.act(id, 'resolve', comment(body), principal);
  }

  @Post(':id/ignore')
  @HttpCode(200)
  @RequirePermission('integrations.manage')
  @ApiOperation({ summary: 'Not worth acting on (open or acknowledged → ignored); new failures keep counting.' })
  @ApiBody({ schema: ISSUE_ACTION_BODY, required: false })
  @ApiOkResponse({ type: IssueDetailModel })
  @ApiErrors(400, 404, 409)
  ignore(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IssueView> {
    return this.issues.act(id, 'ignore', comment(body), principal);
  }
}

/** The optional comment of an issue action; a missing body is no comment. */
function comment(body: unknown): string | null {
  return parseOrThrow(issueActionSchema, body ?? {}).comment ?? null;
}
