import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ConnectorDefinition, ConnectorSummary, Principal } from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors } from '../common';
import { ConnectorsService } from './connectors.service';
import { CONNECTOR_DEFINITION_SCHEMA, ConnectorDefinitionModel, ConnectorListModel } from './dto/connector.models';

@ApiTags('connectors')
@Controller('connectors')
export class ConnectorsController {
  constructor(private readonly connectors: ConnectorsService) {}

  @Get()
  @RequirePermission('sources.read')
  @ApiOperation({ summary: 'Built-in and custom connectors with their auth type, streams and target record types.' })
  @ApiOkResponse({ type: ConnectorListModel })
  @ApiErrors(401)
  async list(): Promise<{ items: ConnectorSummary[] }> {
    return { items: await this.connectors.list() };
  }

  @Get(':id')
  @RequirePermission('sources.read')
  @ApiOperation({ summary: 'One connector’s whole definition.' })
  @ApiOkResponse({ type: ConnectorDefinitionModel })
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<ConnectorDefinition> {
    return this.connectors.get(id);
  }

  @Post()
  @RequirePermission('sources.write')
  @ApiOperation({
    summary: 'Define a custom connector.',
    description:
      'Validated against the definition schema (docs/connectors.md); field errors name the path in the body.',
  })
  @ApiBody({ schema: CONNECTOR_DEFINITION_SCHEMA })
  @ApiCreatedResponse({ type: ConnectorDefinitionModel })
  @ApiErrors(400, 409, 413, 415)
  create(@Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<ConnectorDefinition> {
    return this.connectors.create(body, actor);
  }

  @Put(':id')
  @RequirePermission('sources.write')
  @ApiOperation({ summary: 'Replace a custom connector (a new version; the previous one is kept).' })
  @ApiBody({ schema: CONNECTOR_DEFINITION_SCHEMA })
  @ApiOkResponse({ type: ConnectorDefinitionModel })
  @ApiErrors(400, 404, 409, 413, 415)
  replace(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ConnectorDefinition> {
    return this.connectors.replace(id, body, actor);
  }

  @Delete(':id')
  @RequirePermission('sources.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a custom connector no source uses.' })
  @ApiNoContentResponse()
  @ApiErrors(404, 409)
  delete(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.connectors.delete(id, actor);
  }
}
