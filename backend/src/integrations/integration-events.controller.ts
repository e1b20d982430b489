import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FeedbackView, GoldenCase, IntegrationEventDetail, Principal } from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors, parseOrThrow, uuidParam, type Stamped } from '../common';
import { CorrectionsModel, FEEDBACK_BODY, FeedbackModel, IntegrationEventDetailModel } from './dto/integrations.models';
import { feedbackSchema } from './dto/integrations.schemas';
import { IntegrationEventsService } from './integration-events.service';

@ApiTags('integrations')
@Controller()
export class IntegrationEventsController {
  constructor(private readonly events: IntegrationEventsService) {}

  @Get('integration-events/:id')
  @RequirePermission('integrations.read')
  @ApiOperation({ summary: 'One integration event with its redacted payload and classification.' })
  @ApiOkResponse({ type: IntegrationEventDetailModel })
  @ApiErrors(400, 404)
  detail(@Param('id', uuidParam('id')) id: string): Promise<Stamped<IntegrationEventDetail>> {
    return this.events.detail(id);
  }

  @Post('integration-events/:id/feedback')
  @HttpCode(200)
  @RequirePermission('integrations.manage')
  @ApiOperation({
    summary: 'Say whether the classification helped, and optionally which category was right.',
    description: 'One verdict per event and person; sending it again replaces it.',
  })
  @ApiBody({ schema: FEEDBACK_BODY })
  @ApiOkResponse({ type: FeedbackModel })
  @ApiErrors(400, 404)
  feedback(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FeedbackView> {
    return this.events.giveFeedback(id, parseOrThrow(feedbackSchema, body), principal);
  }

  @Get('integration-feedback/corrections')
  @RequirePermission('integrations.read')
  @ApiOperation({
    summary: 'Category corrections people gave, in the golden set format (to review and add to it).',
  })
  @ApiOkResponse({ type: CorrectionsModel })
  @ApiErrors()
  async corrections(): Promise<Stamped<{ items: GoldenCase[]; generatedAt: string }>> {
    return { items: await this.events.corrections() };
  }
}
