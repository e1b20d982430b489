import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { NotificationPolicy, Page, Principal } from '@switchyard/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors, PageQueryDto, resolvePage, type Stamped } from '../common';
import {
  NOTIFICATION_POLICY_BODY,
  NotificationPolicyModel,
  NotificationPolicyPageModel,
} from './dto/notification.models';
import { NotificationPoliciesService } from './notification-policies.service';

@ApiTags('notifications')
@Controller('notifications/policies')
export class NotificationPoliciesController {
  constructor(private readonly policies: NotificationPoliciesService) {}

  @Get()
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'Notification policies the caller’s tenants may see.' })
  @ApiOkResponse({ type: NotificationPolicyPageModel })
  @ApiErrors(400)
  list(
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<Page<NotificationPolicy>>> {
    return this.policies.list(principal, resolvePage(query));
  }

  @Get(':id')
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'One notification policy.' })
  @ApiOkResponse({ type: NotificationPolicyModel })
  @ApiErrors(404)
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<NotificationPolicy> {
    return this.policies.get(id, principal);
  }

  @Post()
  @RequirePermission('alerts.manage')
  @ApiOperation({
    summary: 'Create (201) or replace (200) a policy routing alerts to contact points.',
    description:
      'Matches by severity, module, team and labels; groups by `groupBy`; first send after `groupWaitSeconds`, ' +
      'repeated every `repeatIntervalSeconds` while firing. Silenced alerts are not sent.',
  })
  @ApiBody({ schema: NOTIFICATION_POLICY_BODY })
  @ApiCreatedResponse({ type: NotificationPolicyModel })
  @ApiErrors(400, 404, 413, 415)
  async put(
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationPolicy> {
    const { policy, created } = await this.policies.put(body, principal);
    void reply.status(created ? 201 : 200);
    return policy;
  }

  @Delete(':id')
  @RequirePermission('alerts.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a notification policy and its alert groups.' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.policies.remove(id, principal);
  }
}
