import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  INTEGRATIONS,
  type IntegrationDetail,
  type IntegrationEventView,
  type IntegrationId,
  type IntegrationList,
  type Page,
} from '@switchyard/contracts';
import { RequirePermission } from '../auth';
import { ApiErrors, resolvePage, ValidationFailedException, type Stamped } from '../common';
import {
  IntegrationDetailModel,
  IntegrationEventPageModel,
  IntegrationEventsQueryDto,
  IntegrationListModel,
} from './dto/integrations.models';
import { IntegrationHealthService } from './health/integration-health.service';
import { IntegrationEventsService } from './integration-events.service';

const integrationParam = new ParseEnumPipe(Object.fromEntries(INTEGRATIONS.map((i) => [i, i])), {
  exceptionFactory: () =>
    new ValidationFailedException([{ field: 'id', message: `id must be one of ${INTEGRATIONS.join(', ')}` }]),
});

@ApiTags('integrations')
@Controller('integrations')
export class IntegrationsController {
  constructor(
    private readonly health: IntegrationHealthService,
    private readonly integrationEvents: IntegrationEventsService,
  ) {}

  @Get()
  @RequirePermission('integrations.read')
  @ApiOperation({ summary: 'Every integration with its 24-hour health, trend, MTTD, MTTR and feedback share.' })
  @ApiOkResponse({ type: IntegrationListModel })
  @ApiErrors()
  list(): Promise<Stamped<IntegrationList>> {
    return this.health.list();
  }

  @Get(':id')
  @RequirePermission('integrations.read')
  @ApiOperation({ summary: "One integration's health." })
  @ApiParam({ name: 'id', enum: INTEGRATIONS })
  @ApiOkResponse({ type: IntegrationDetailModel })
  @ApiErrors(400)
  detail(@Param('id', integrationParam) id: IntegrationId): Promise<Stamped<IntegrationDetail>> {
    return this.health.detail(id);
  }

  @Get(':id/events')
  @RequirePermission('integrations.read')
  @ApiOperation({ summary: "An integration's events, newest first, with their classification." })
  @ApiParam({ name: 'id', enum: INTEGRATIONS })
  @ApiOkResponse({ type: IntegrationEventPageModel })
  @ApiErrors(400)
  events(
    @Param('id', integrationParam) id: IntegrationId,
    @Query() query: IntegrationEventsQueryDto,
  ): Promise<Stamped<Page<IntegrationEventView>>> {
    return this.integrationEvents.list(id, query.status, resolvePage(query));
  }
}
