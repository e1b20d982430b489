import { Controller, HttpCode, Param, Post, Req, UseGuards, type RawBodyRequest } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { INTEGRATIONS, type WebhookReceipt } from '@switchyard/contracts';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../auth';
import { ApiErrors } from '../../common';
import { WebhookReceiptModel } from '../dto/integrations.models';
import { WebhookIntakeService } from './webhook-intake.service';
import { WebhookThrottlerGuard } from './webhook-throttler.guard';

@ApiTags('integrations')
@Controller('webhooks')
export class IntegrationWebhookController {
  constructor(private readonly intake: WebhookIntakeService) {}

  @Post(':integration')
  @Public() // Vendors carry no token; the Standard Webhooks signature authenticates them.
  @UseGuards(WebhookThrottlerGuard)
  @SkipThrottle({ signin: true, refresh: true })
  @HttpCode(202)
  @ApiOperation({
    summary: 'Signed event from an integration (Standard Webhooks).',
    description:
      'Verified, PII-redacted and stored once per `webhook-id` before the answer; classified and grouped into issues afterwards. A repeated `webhook-id` gets the original receipt. 503 means the event was not stored: send it again.',
  })
  @ApiParam({ name: 'integration', enum: INTEGRATIONS })
  @ApiHeader({ name: 'webhook-id', required: true, description: 'Unique per message; repeats are idempotent.' })
  @ApiHeader({ name: 'webhook-timestamp', required: true, description: 'Unix seconds; at most 5 minutes off.' })
  @ApiHeader({ name: 'webhook-signature', required: true, description: 'v1,<base64 HMAC-SHA256 of id.timestamp.body>' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { type: 'string', example: 'payroll.submit' },
        status: { type: 'string', enum: ['success', 'failure'] },
        occurredAt: { type: 'string', format: 'date-time' },
        data: { type: 'object', additionalProperties: true },
        error: {
          type: 'object',
          properties: {
            message: { type: 'string' },
            code: { type: 'string' },
            httpStatus: { type: 'integer' },
            context: { type: 'object', additionalProperties: true },
          },
        },
      },
    },
  })
  @ApiAcceptedResponse({ type: WebhookReceiptModel })
  @ApiErrors(400, 401, 404, 413, 415, 429, 503)
  receive(
    @Param('integration') integration: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<WebhookReceipt> {
    return this.intake.receive(integration, request.rawBody, request.headers);
  }
}
