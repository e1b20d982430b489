import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, Principal } from '@switchyard/contracts';
import { ApiErrors, PageQueryDto, resolvePage, type Stamped } from '../common';
import { AuditService, type AuditEvent } from './audit/audit.service';
import { ClientsService, type ClientView, type ClientWithSecret } from './clients.service';
import { CurrentPrincipal, RequirePermission } from './decorators';
import { ClientAccessService } from './hygiene/client-access.service';
import {
  ALLOWED_NETWORKS_BODY,
  AuditPageModel,
  ClientModel,
  ClientPageModel,
  ClientWithSecretModel,
  CREATE_CLIENT_BODY,
  CREATE_USER_BODY,
  KeyRotationModel,
  ROTATE_KEYS_BODY,
  UPDATE_USER_BODY,
  UserModel,
  UserPageModel,
} from './dto/auth.models';
import { AuditQueryDto } from './dto/audit-query.dto';
import { SigningKeysService } from './tokens/signing-keys.service';
import { UsersService, type UserView } from './users.service';

@ApiTags('identity')
@Controller()
export class AdminController {
  constructor(
    private readonly users: UsersService,
    private readonly clients: ClientsService,
    private readonly audit: AuditService,
    private readonly keys: SigningKeysService,
    private readonly access: ClientAccessService,
  ) {}

  @Get('users')
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'Users, by email.' })
  @ApiOkResponse({ type: UserPageModel })
  @ApiErrors(400, 401, 403)
  listUsers(@Query() query: PageQueryDto): Promise<Stamped<Page<UserView>>> {
    return this.users.list(resolvePage(query));
  }

  @Get('users/:id')
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'One user.' })
  @ApiOkResponse({ type: UserModel })
  @ApiErrors(401, 403, 404)
  getUser(@Param('id') id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post('users')
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Create a user (argon2id password, at least 12 characters).' })
  @ApiBody({ schema: CREATE_USER_BODY })
  @ApiCreatedResponse({ type: UserModel })
  @ApiErrors(400, 401, 403, 409)
  createUser(@Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<UserView> {
    return this.users.create(body, actor);
  }

  @Patch('users/:id')
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Change a user’s name, roles, data scopes, password or disabled flag.' })
  @ApiBody({ schema: UPDATE_USER_BODY })
  @ApiOkResponse({ type: UserModel })
  @ApiErrors(400, 401, 403, 404)
  updateUser(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<UserView> {
    return this.users.update(id, body, actor);
  }

  @Get('clients')
  @RequirePermission('clients.manage')
  @ApiOperation({ summary: 'OAuth2 service clients (secrets are never shown again).' })
  @ApiOkResponse({ type: ClientPageModel })
  @ApiErrors(400, 401, 403)
  listClients(@Query() query: PageQueryDto): Promise<Stamped<Page<ClientView>>> {
    return this.clients.list(resolvePage(query));
  }

  @Post('clients')
  @RequirePermission('clients.manage')
  @ApiOperation({ summary: 'Create a service client; the answer holds its secret, once.' })
  @ApiBody({ schema: CREATE_CLIENT_BODY })
  @ApiCreatedResponse({ type: ClientWithSecretModel })
  @ApiErrors(400, 401, 403, 409)
  createClient(@Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<ClientWithSecret> {
    return this.clients.create(body, actor);
  }

  @Post('clients/:id/rotate')
  @HttpCode(200)
  @RequirePermission('clients.manage')
  @ApiOperation({
    summary:
      'Issue a new secret, returned once. The previous secret keeps working until it would have expired (the overlap); secrets expire CLIENT_SECRET_MAX_AGE_DAYS after issue.',
  })
  @ApiOkResponse({ type: ClientWithSecretModel })
  @ApiErrors(401, 403, 404)
  rotateClient(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<ClientWithSecret> {
    return this.clients.rotate(id, actor);
  }

  @Put('clients/:id/allowed-networks')
  @RequirePermission('clients.manage')
  @ApiOperation({
    summary:
      'Set the CIDR ranges a client may call from (token endpoint and every request with its tokens); empty allows any address.',
  })
  @ApiBody({ schema: ALLOWED_NETWORKS_BODY })
  @ApiOkResponse({ type: ClientModel })
  @ApiErrors(400, 401, 403, 404)
  setAllowedNetworks(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ClientView> {
    return this.access.setAllowedNetworks(id, body, actor);
  }

  @Post('clients/:id/revoke')
  @HttpCode(200)
  @RequirePermission('clients.manage')
  @ApiOperation({ summary: 'Revoke a client: no new tokens, and the tokens already issued stop working at once.' })
  @ApiOkResponse({ type: ClientModel })
  @ApiErrors(401, 403, 404)
  revokeClient(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<ClientView> {
    return this.clients.revoke(id, actor);
  }

  @Get('audit')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'Audit log, newest first: sign-ins, tokens, administrative actions, sensitive reads.' })
  @ApiOkResponse({ type: AuditPageModel })
  @ApiErrors(400, 401, 403)
  auditLog(@Query() query: AuditQueryDto): Promise<Stamped<Page<AuditEvent>>> {
    const filters = {
      action: query.action,
      actorId: query.actorId,
      outcome: query.outcome,
      since: query.since ? new Date(query.since) : undefined,
    };
    return this.audit.list(filters, resolvePage(query));
  }

  @Post('auth/keys/rotate')
  @HttpCode(200)
  @RequirePermission('keys.manage')
  @ApiOperation({
    summary:
      'Start signing with a new key; old keys keep verifying until their tokens expire, unless `compromised` ends them (and every token issued before) at once.',
  })
  @ApiBody({ schema: ROTATE_KEYS_BODY, required: false })
  @ApiOkResponse({ type: KeyRotationModel })
  @ApiErrors(400, 401, 403)
  rotateKeys(@Body() body: unknown, @CurrentPrincipal() actor: Principal): Promise<{ kid: string; retired: string[] }> {
    return this.keys.rotateAudited(body, actor);
  }
}
