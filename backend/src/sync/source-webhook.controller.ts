import { Public } from '../auth';
import { Controller, HttpCode, Param, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RefreshAccepted, SyncRun } from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common';
import { RefreshAcceptedModel, SyncRunModel } from './dto/sync.models';
import { SourceWebhookService } from './source-webhook.service';

@ApiTags('sync')
@Controller('sources')
export class SourceWebhookController {
  constructor(private readonly webhooks: SourceWebhookService) {}

  @Post(':id/webhook')
  @Public() // Upstreams carry no token; the Standard Webhooks signature authenticates them.
  @HttpCode(202)
  @ApiOperation({
    summary: 'Signed change notification from an upstream (Standard Webhooks).',
    description:
      'For a pulled source: 202 and a targeted refresh. For a webhook-fed source: the event is stored raw and normalized, 200 with the run. A retry of an event already stored (same webhook-id) stores nothing and answers 200 with the run that stored it. An event that cannot be applied for a reason other than its content answers 503 with Retry-After, so the sender delivers it again.',
  })
  @ApiHeader({
    name: 'webhook-id',
    required: true,
    description: 'Unique per event, kept on retries; at most 255 characters.',
  })
  @ApiHeader({ name: 'webhook-timestamp', required: true, description: 'Unix seconds; at most 5 minutes off.' })
  @ApiHeader({ name: 'webhook-signature', required: true, description: 'v1,<base64 HMAC-SHA256 of id.timestamp.body>' })
  @ApiAcceptedResponse({ type: RefreshAcceptedModel })
  @ApiOkResponse({ type: SyncRunModel })
  @ApiErrors(400, 401, 404, 409, 413, 415, 503)
  async receive(
    @Param('id') id: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefreshAccepted | SyncRun> {
    const outcome = await this.webhooks.receive(id, request.rawBody, request.headers);
    if (outcome.kind === 'refresh') return outcome.accepted;
    void reply.status(200);
    return outcome.run;
  }
}
