import { CurrentPrincipal, RequirePermission } from '../auth';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Credential, Page, Principal } from '@switchyard/contracts';
import type { FastifyReply } from 'fastify';
import { ApiErrors, PageQueryDto, resolvePage, type Stamped } from '../common';
import { CredentialsService } from './credentials.service';
import { CREDENTIAL_BODY, CredentialModel, CredentialPageModel } from './dto/source.models';

@ApiTags('sources')
@Controller('credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @RequirePermission('credentials.read')
  @ApiOperation({ summary: 'Stored upstream credentials. Secrets are write-only and never returned.' })
  @ApiOkResponse({ type: CredentialPageModel })
  @ApiErrors(400)
  list(@Query() query: PageQueryDto): Promise<Stamped<Page<Credential>>> {
    return this.credentials.list(resolvePage(query));
  }

  @Get(':id')
  @RequirePermission('credentials.read')
  @ApiOperation({ summary: 'One credential, without its secret.' })
  @ApiOkResponse({ type: CredentialModel })
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<Credential> {
    return this.credentials.get(id);
  }

  @Post()
  @RequirePermission('credentials.write')
  @ApiOperation({ summary: 'Store a credential, sealed with AES-256-GCM.' })
  @ApiBody({ schema: CREDENTIAL_BODY })
  @ApiCreatedResponse({ type: CredentialModel })
  @ApiErrors(400, 413, 415)
  async create(
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() actor: Principal,
  ): Promise<Credential> {
    const { credential, created } = await this.credentials.put(body, undefined, actor);
    void reply.status(created ? 201 : 200);
    return credential;
  }

  @Put(':id')
  @RequirePermission('credentials.write')
  @ApiOperation({ summary: 'Create or rotate a credential: the new secret replaces the old one.' })
  @ApiBody({ schema: CREDENTIAL_BODY })
  @ApiOkResponse({ type: CredentialModel })
  @ApiErrors(400, 413, 415)
  async put(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<Credential> {
    return (await this.credentials.put(body, id, actor)).credential;
  }

  @Delete(':id')
  @RequirePermission('credentials.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a credential no source uses.' })
  @ApiNoContentResponse()
  @ApiErrors(404, 409)
  delete(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.credentials.delete(id, actor);
  }
}
