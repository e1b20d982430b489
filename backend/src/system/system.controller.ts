import { Public, RequirePermission } from '../auth';
import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BackendInstance, ClientErrorAccepted, Page, SystemStatus } from '@switchyard/contracts';
import { ApiErrors, PageQueryDto, parseOrThrow, resolvePage, type Stamped } from '../common';
import {
  BackendInstancePageModel,
  ClientErrorAcceptedModel,
  CLIENT_ERROR_REPORT_BODY,
  SystemStatusModel,
} from './dto/system.models';
import { clientErrorReportSchema } from './dto/system.schemas';
import { ClientErrorsRateLimitGuard } from './client-errors-rate-limit.guard';
import { SystemService } from './system.service';

@ApiTags('system')
@Controller('system')
export class SystemController {
  constructor(private readonly system: SystemService) {}

  @Get('status')
  @RequirePermission('system.read')
  @ApiOperation({ summary: 'Readiness, version and database of the instance that answers.' })
  @ApiOkResponse({ type: SystemStatusModel })
  @ApiErrors()
  status(): Promise<Stamped<SystemStatus>> {
    return this.system.status();
  }

  @Get('instances')
  @RequirePermission('system.read')
  @ApiOperation({ summary: 'Backend instances (replicas) that registered, newest first.' })
  @ApiOkResponse({ type: BackendInstancePageModel })
  @ApiErrors(400)
  instances(@Query() query: PageQueryDto): Promise<Stamped<Page<BackendInstance>>> {
    return this.system.listInstances(resolvePage(query));
  }

  @Post('client-errors')
  @Public() // Browsers report errors from the sign-in page too; bodies are size-limited and only logged.
  @UseGuards(ClientErrorsRateLimitGuard)
  @HttpCode(202)
  @ApiOperation({ summary: 'Report an error seen in a console browser; it is logged with its trace id.' })
  @ApiBody({ schema: CLIENT_ERROR_REPORT_BODY })
  @ApiAcceptedResponse({ type: ClientErrorAcceptedModel })
  @ApiErrors(400, 413, 415, 429)
  reportClientError(@Body() body: unknown): Stamped<ClientErrorAccepted> {
    return this.system.reportClientError(parseOrThrow(clientErrorReportSchema, body));
  }
}
