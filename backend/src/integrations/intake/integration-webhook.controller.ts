import { Controller, HttpCode, Param, Post, Req, UseGuards, type RawBodyRequest } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { INTEGRATIONS, type WebhookHandshakeReceipt, type WebhookReceipt } from '@switchyard/contracts';
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
  @Public() // Vendors carry no token; each sender's own signature (or hook secret) authenticates them.
  @UseGuards(WebhookThrottlerGuard)
  @SkipThrottle({ signin: true, refresh: true })
  @HttpCode(202)
  @ApiOperation({
    summary: "Webhook from an integration, in its sender's native format and signature.",
    description: [
      'Stripe (`Stripe-Signature`), QuickBooks Online (`intuit-signature`), Gusto (`X-Gusto-Signature`, plus the',
      "verification-token handshake), Procore (the hook's `Authorization` header), a configured HMAC scheme, or",
      'Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the generic body.',
      'Verified, PII-redacted and stored once per sender event id before the answer; classified and grouped into',
      'issues afterwards. A repeated event id gets the original receipt. 503 means nothing was stored: send it again.',
      '403: the sender address is outside the ranges configured for the integration (INTEGRATION_WEBHOOK_ALLOWED_IPS).',
      'See docs/webhook-senders.md.',
    ].join(' '),
  })
  @ApiParam({ name: 'integration', enum: INTEGRATIONS })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiAcceptedResponse({ type: WebhookReceiptModel })
  @ApiErrors(400, 401, 403, 404, 413, 415, 429, 503)
  receive(
    @Param('integration') integration: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<WebhookReceipt | WebhookHandshakeReceipt> {
    return this.intake.receive(integration, request.rawBody, request.headers, request.ip);
  }
}
