import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SourcePreviewResult, SourceTestResult } from '@switchyard/contracts';
import { RequirePermission } from '../auth';
import { ApiErrors } from '../common';
import { SourcePreviewModel, SourceTestModel, SOURCE_TRIAL_BODY } from './dto/source-trial.models';
import { SourceTrialService } from './source-trial.service';

@ApiTags('sources')
@Controller('sources')
export class SourceTrialController {
  constructor(private readonly trials: SourceTrialService) {}

  @Post('test')
  @RequirePermission('sources.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Test a draft source: connect, authenticate and fetch the first page. Nothing is stored.',
    description:
      'An upstream failure answers 502 UPSTREAM_ERROR with details.syncErrorCode, category and upstreamStatus, and a plain cause in the message.',
  })
  @ApiBody({ schema: SOURCE_TRIAL_BODY })
  @ApiOkResponse({ type: SourceTestModel })
  @ApiErrors(400, 404, 413, 415, 502)
  test(@Body() body: unknown): Promise<SourceTestResult> {
    return this.trials.test(body);
  }

  @Post('preview')
  @RequirePermission('sources.write')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Preview a draft source: the first mapped records and every field that could not be mapped. Nothing is stored.',
  })
  @ApiBody({ schema: SOURCE_TRIAL_BODY })
  @ApiOkResponse({ type: SourcePreviewModel })
  @ApiErrors(400, 404, 413, 415, 502)
  preview(@Body() body: unknown): Promise<SourcePreviewResult> {
    return this.trials.preview(body);
  }
}
