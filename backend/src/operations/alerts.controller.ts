import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ALERT_STATES, type AlertRule, type AlertView, type Principal, type Silence } from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors, uuidParam } from '../common';
import { AlertsService } from './alerts/alerts.service';
import { SecurityAlertsService } from './alerts/security-alerts.service';
import {
  ACKNOWLEDGE_BODY,
  ALERT_RULE_BODY,
  AlertListModel,
  AlertRuleListModel,
  AlertRuleModel,
  AlertViewModel,
  RevokedFromAlertModel,
  SILENCE_BODY,
  SilenceListModel,
  SilenceModel,
} from './dto/ops.models';

/** Alert rules, alerts, acknowledgements and silences of the operations center. */
@ApiTags('alerts')
@Controller('ops')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly security: SecurityAlertsService,
  ) {}

  @Get('alert-rules')
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'Every alert rule.' })
  @ApiOkResponse({ type: AlertRuleListModel })
  @ApiErrors()
  rules(): Promise<{ items: AlertRule[] }> {
    return this.alerts.listRules();
  }

  @Get('alert-rules/:id')
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'One alert rule.' })
  @ApiOkResponse({ type: AlertRuleModel })
  @ApiErrors(404)
  rule(@Param('id') id: string): Promise<AlertRule> {
    return this.alerts.getRule(id);
  }

  @Post('alert-rules')
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: 'Define an alert rule: thresholds, direction, hold duration, no-data handling.' })
  @ApiBody({ schema: ALERT_RULE_BODY })
  @ApiCreatedResponse({ type: AlertRuleModel })
  @ApiErrors(400, 409, 415)
  createRule(@Body() body: unknown): Promise<AlertRule> {
    return this.alerts.createRule(body);
  }

  @Put('alert-rules/:id')
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: 'Replace an alert rule (its id stays).' })
  @ApiBody({ schema: ALERT_RULE_BODY })
  @ApiOkResponse({ type: AlertRuleModel })
  @ApiErrors(400, 404, 415)
  replaceRule(@Param('id') id: string, @Body() body: unknown): Promise<AlertRule> {
    return this.alerts.replaceRule(id, body);
  }

  @Delete('alert-rules/:id')
  @HttpCode(204)
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: 'Delete an alert rule; its open alert resolves at the next evaluation.' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  deleteRule(@Param('id') id: string): Promise<void> {
    return this.alerts.deleteRule(id);
  }

  @Get('alerts')
  @RequirePermission('alerts.read')
  @ApiOperation({
    summary:
      'Alerts of your modules and tenants, newest first; `state` filters (comma-separated; `open` means not yet closed).',
  })
  @ApiQuery({ name: 'state', required: false, enum: [...ALERT_STATES, 'open'], isArray: true })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–500, default 100.' })
  @ApiOkResponse({ type: AlertListModel })
  @ApiErrors(400)
  list(
    @Query() query: Record<string, string>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: AlertView[] }> {
    return this.alerts.list(query, principal);
  }

  @Get('alerts/:id')
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'One alert.' })
  @ApiOkResponse({ type: AlertViewModel })
  @ApiErrors(400, 404)
  get(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<AlertView> {
    return this.alerts.get(id, principal);
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: 'Acknowledge an open alert with a comment; who and when are recorded.' })
  @ApiBody({ schema: ACKNOWLEDGE_BODY })
  @ApiOkResponse({ type: AlertViewModel })
  @ApiErrors(400, 404, 409, 415)
  acknowledge(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AlertView> {
    return this.alerts.acknowledge(id, body, principal);
  }

  @Post('alerts/:id/revoke-client')
  @HttpCode(200)
  @RequirePermission('clients.manage')
  @ApiOperation({
    summary:
      'From a security alert about a client (anomaly, expiring secret): revoke that client at once and resolve the alert.',
  })
  @ApiOkResponse({ type: RevokedFromAlertModel })
  @ApiErrors(404, 409)
  revokeClient(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ alert: AlertView; clientId: string }> {
    return this.security.revokeClient(id, principal);
  }

  @Get('silences')
  @RequirePermission('alerts.read')
  @ApiOperation({ summary: 'Silences that are active or scheduled.' })
  @ApiOkResponse({ type: SilenceListModel })
  @ApiErrors()
  silences(@CurrentPrincipal() principal: Principal): Promise<{ items: Silence[] }> {
    return this.alerts.listSilences(principal);
  }

  @Post('silences')
  @RequirePermission('alerts.manage')
  @ApiOperation({
    summary: 'Silence notifications of matching alerts for a time window.',
    description: 'Alert states keep changing and stay visible; only notifications (`notify`) are suppressed.',
  })
  @ApiBody({ schema: SILENCE_BODY })
  @ApiCreatedResponse({ type: SilenceModel })
  @ApiErrors(400, 404, 415)
  createSilence(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<Silence> {
    return this.alerts.createSilence(body, principal);
  }

  @Delete('silences/:id')
  @HttpCode(204)
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: 'End a silence.' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  deleteSilence(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.alerts.deleteSilence(id, principal);
  }
}
