import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ContactPoint, NotificationDelivery, Page, Principal } from '@switchyard/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors, PageQueryDto, resolvePage, type Stamped } from '../common';
import {
  CONTACT_POINT_BODY,
  ContactPointModel,
  ContactPointPageModel,
  DeliveryQueryDto,
  NotificationDeliveryModel,
  NotificationDeliveryPageModel,
} from './dto/notification.models';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('contact-points')
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'Contact points the caller’s tenants may see. Secrets are never returned.' })
  @ApiOkResponse({ type: ContactPointPageModel })
  @ApiErrors(400)
  list(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal): Promise<Stamped<Page<ContactPoint>>> {
    return this.notifications.list(principal, resolvePage(query));
  }

  @Get('contact-points/:id')
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'One contact point, without its secret.' })
  @ApiOkResponse({ type: ContactPointModel })
  @ApiErrors(404)
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ContactPoint> {
    return this.notifications.get(id, principal);
  }

  @Post('contact-points')
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: 'Create (201) or replace (200) a contact point; its secret is sealed with AES-256-GCM.' })
  @ApiBody({ schema: CONTACT_POINT_BODY })
  @ApiCreatedResponse({ type: ContactPointModel })
  @ApiErrors(400, 404, 413, 415)
  async put(
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ContactPoint> {
    const { point, created } = await this.notifications.put(body, principal);
    void reply.status(created ? 201 : 200);
    return point;
  }

  @Delete('contact-points/:id')
  @RequirePermission('alerts.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact point and its queued sends.' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.notifications.remove(id, principal);
  }

  @Post('contact-points/:id/test')
  @RequirePermission('alerts.manage')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Queue a test notification to this contact point.',
    description: 'Sent like any notification: retried with backoff; follow it in /notifications/deliveries.',
  })
  @ApiAcceptedResponse({ type: NotificationDeliveryModel })
  @ApiErrors(404)
  test(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<NotificationDelivery> {
    return this.notifications.sendTest(id, principal);
  }

  @Get('deliveries')
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'The delivery log, newest first: status, attempts, next retry and last error.' })
  @ApiOkResponse({ type: NotificationDeliveryPageModel })
  @ApiErrors(400)
  deliveries(
    @Query() query: DeliveryQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<Page<NotificationDelivery>>> {
    return this.notifications.listDeliveries(query.contactPointId, principal, resolvePage(query));
  }
}
