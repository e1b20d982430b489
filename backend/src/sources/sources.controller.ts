import { CurrentPrincipal, RequirePermission } from '../auth';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, Principal, Source } from '@switchyard/contracts';
import { ApiErrors, resolvePage, type Stamped } from '../common';
import { SOURCE_DEFINITION_BODY, SourceListQueryDto, SourceModel, SourcePageModel } from './dto/source.models';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @RequirePermission('sources.read')
  @ApiOperation({ summary: 'Sources with their live status: next run, breaker, last error and freshness.' })
  @ApiOkResponse({ type: SourcePageModel })
  @ApiErrors(400)
  list(@Query() query: SourceListQueryDto, @CurrentPrincipal() principal: Principal): Promise<Stamped<Page<Source>>> {
    const { domain, tenant, kind, enabled } = query;
    const filters = { domain, tenant, kind, enabled: enabled === undefined ? undefined : enabled === 'true' };
    return this.sources.list(filters, resolvePage(query), principal);
  }

  @Get(':id')
  @RequirePermission('sources.read')
  @ApiOperation({ summary: 'One source and its live status.' })
  @ApiOkResponse({ type: SourceModel })
  @ApiErrors(404)
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<Source> {
    return this.sources.get(id, principal);
  }

  @Post()
  @RequirePermission('sources.write')
  @ApiOperation({
    summary: 'Define a source.',
    description:
      'Names a connector and stream (GET /api/v1/connectors), its credential by id and the connector settings. Cadence at least 5 s; the connector URLs must be http/https and private, loopback and link-local hosts are refused unless in SOURCE_ALLOWED_HOSTS.',
  })
  @ApiBody({ schema: SOURCE_DEFINITION_BODY })
  @ApiCreatedResponse({ type: SourceModel })
  @ApiErrors(400, 409, 413, 415)
  create(@Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<Source> {
    return this.sources.create(body, actor);
  }

  @Put(':id')
  @RequirePermission('sources.write')
  @ApiOperation({ summary: 'Replace a source definition.' })
  @ApiBody({ schema: SOURCE_DEFINITION_BODY })
  @ApiOkResponse({ type: SourceModel })
  @ApiErrors(400, 404, 413, 415)
  replace(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<Source> {
    return this.sources.replace(id, body, actor);
  }

  @Patch(':id')
  @RequirePermission('sources.write')
  @ApiOperation({
    summary: 'Change some fields of a source (top-level merge), e.g. `enabled` or `connector`.',
    description:
      'After the connector or its mapping changed, POST /sources/{id}/replay rebuilds the normalized rows from raw snapshots.',
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: { enabled: false } } })
  @ApiOkResponse({ type: SourceModel })
  @ApiErrors(400, 404, 413, 415)
  update(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<Source> {
    return this.sources.update(id, body, actor);
  }

  @Delete(':id')
  @RequirePermission('sources.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a source with its runs, snapshots and normalized rows.' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  delete(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.sources.delete(id, actor);
  }
}
