import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AlertView, OpsSnapshot, OpsStatus, Permission, Principal } from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentPrincipal } from '../auth';
import { ApiErrors, Clock, DomainException, stampGeneratedAt, ValidationFailedException } from '../common';
import { SseStreams, splitList, valuesFlag } from '../realtime';
import { AlertsService } from './alerts/alerts.service';
import { OpsAggregator } from './ops-aggregator.service';

/** The path seed 002 documents; outside `/api/v1` (see create-app's prefix exclusions). */
export const ADMIN_DASHBOARD_PATH = 'api/admin-dashboard/realtime';

const GET_ACTIONS = ['snapshot', 'system-status', 'alerts', 'sse'] as const;
const POST_ACTIONS = ['acknowledge-alert', 'force-aggregation', 'start-aggregator', 'stop-aggregator'] as const;
/** The comment recorded when an alert is acknowledged through the alias (the blueprint's body has none). */
export const ALIAS_ACK_COMMENT = 'acknowledged through /api/admin-dashboard/realtime';
const ALIAS = { 'x-blueprint-alias': 'seed 002 (admin dashboard aggregator); see docs/blueprint-compatibility.md' };

/**
 * Seed 002's aggregator API as documented, served by the operations center: every action is
 * an alias of an `/api/v1/ops/...` route (or the stream), with that route's permission.
 */
@ApiTags('blueprint aliases')
@Controller(ADMIN_DASHBOARD_PATH)
export class AdminDashboardController {
  constructor(
    private readonly aggregator: OpsAggregator,
    private readonly alerts: AlertsService,
    private readonly streams: SseStreams,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Authenticated()
  @ApiExtension('x-blueprint-alias', ALIAS['x-blueprint-alias'])
  @ApiOperation({
    summary: 'Blueprint alias (seed 002): snapshot, system status, active alerts, or the SSE stream.',
    description: [
      '`action=snapshot` is GET /api/v1/ops/snapshot, `system-status` is GET /api/v1/ops/status (both `ops.read`),',
      '`alerts` is GET /api/v1/ops/alerts?state=open (`alerts.read`), `sse` is GET /api/v1/stream on `ops`',
      '(plus `alerts` with `alerts.read`, and `datapoints` unless `values=0`), narrowed by `sources` and `categories`.',
    ].join(' '),
  })
  @ApiQuery({ name: 'action', enum: GET_ACTIONS })
  @ApiQuery({ name: 'sources', required: false, description: 'For `sse`: e.g. `system_health,workflows`.' })
  @ApiQuery({ name: 'categories', required: false, description: 'For `sse`: categories or metrics, e.g. `cpu_usage`.' })
  @ApiQuery({
    name: 'values',
    required: false,
    enum: ['1', '0'],
    description: 'For `sse`: data point values (default 1).',
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({
    description: 'The aliased route’s answer (OpsSnapshot, OpsStatus, { items: AlertView[] }) or the stream.',
  })
  @ApiErrors(400, 401, 403)
  async read(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
    @Headers('last-event-id') lastEventId: unknown,
  ): Promise<void> {
    const action = oneOf(query.action, GET_ACTIONS);
    if (action === 'sse') {
      needPermission(principal, 'ops.read');
      const topics = ['ops'];
      if (principal.permissions.includes('alerts.read')) topics.push('alerts');
      if (query.values === undefined || valuesFlag(query.values)) topics.push('datapoints');
      const filters = { sources: splitList(query.sources), categories: splitList(query.categories) };
      // The stream takes the response over; nothing is returned for Nest to send.
      await this.streams.open(request, reply, principal, { topics, filters, lastEventId });
      return;
    }
    // The one response object serves both the stream and JSON, so JSON is sent here, stamped
    // with generatedAt as the global interceptor stamps every other answer.
    await reply.send(stampGeneratedAt(await this.answer(action, principal), this.clock.now()));
  }

  private async answer(
    action: Exclude<(typeof GET_ACTIONS)[number], 'sse'>,
    principal: Principal,
  ): Promise<OpsSnapshot | OpsStatus | { items: AlertView[] }> {
    switch (action) {
      case 'snapshot':
        needPermission(principal, 'ops.read');
        return this.aggregator.snapshotFor(principal);
      case 'system-status':
        needPermission(principal, 'ops.read');
        return this.aggregator.status();
      case 'alerts':
        needPermission(principal, 'alerts.read');
        return this.alerts.list({ state: 'open' }, principal);
    }
  }

  @Post()
  @HttpCode(200)
  @Authenticated()
  @ApiExtension('x-blueprint-alias', ALIAS['x-blueprint-alias'])
  @ApiOperation({
    summary: 'Blueprint alias (seed 002): acknowledge an alert, force aggregation, start or stop the aggregator.',
    description: [
      '`acknowledge-alert` is POST /api/v1/ops/alerts/{alertId}/acknowledge (`alerts.manage`; `comment` optional here),',
      '`force-aggregation` is POST /api/v1/ops/aggregate, `start-aggregator`/`stop-aggregator` are',
      'POST /api/v1/ops/aggregator/start|stop (all three `ops.control`).',
    ].join(' '),
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['action'],
      properties: {
        action: { type: 'string', enum: [...POST_ACTIONS] },
        alertId: { type: 'string', format: 'uuid' },
        comment: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({ description: 'The aliased route’s answer (AlertView, OpsSnapshot or OpsStatus).' })
  @ApiErrors(400, 401, 403, 404, 409, 415)
  async act(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AlertView | OpsSnapshot | OpsStatus> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const action = oneOf(input.action, POST_ACTIONS);
    if (action === 'acknowledge-alert') {
      needPermission(principal, 'alerts.manage');
      const id = input.alertId;
      if (typeof id !== 'string' || !UUID.test(id)) {
        throw new ValidationFailedException([{ field: 'alertId', message: 'alertId is the alert’s id (a UUID)' }]);
      }
      return this.alerts.acknowledge(id, { comment: input.comment ?? ALIAS_ACK_COMMENT }, principal);
    }
    needPermission(principal, 'ops.control');
    if (action === 'force-aggregation') {
      await this.aggregator.aggregate();
      return this.aggregator.snapshotFor(principal);
    }
    if (action === 'start-aggregator') this.aggregator.start();
    else this.aggregator.stop();
    return this.aggregator.status();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ValidationFailedException([{ field: 'action', message: `action is one of ${allowed.join(', ')}` }]);
}

/** The aliased route's permission, refused as the guard refuses it. */
function needPermission(principal: Principal, permission: Permission): void {
  if (!principal.permissions.includes(permission)) {
    throw new DomainException('FORBIDDEN', 403, `this needs the ${permission} permission`, { details: { permission } });
  }
}
