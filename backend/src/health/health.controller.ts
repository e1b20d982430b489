import { Public } from '../auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { ApiErrorResponseModel } from '../common';
import { DatabaseHealthIndicator } from './database.health';
import { RedisHealthIndicator } from './redis.health';
import { HealthReportModel, toHealthReport, type HealthReport } from './health-report';

@ApiTags('health')
@Public() // Probes from orchestrators and load balancers carry no token.
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP. Checks no dependency.' })
  @ApiOkResponse({ type: HealthReportModel })
  live(): Promise<HealthReport> {
    return toHealthReport(this.health.check([]));
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: the database (and Redis, when configured) answer within the configured timeout.',
  })
  @ApiOkResponse({ type: HealthReportModel, description: 'Ready to take traffic.' })
  @ApiServiceUnavailableResponse({
    type: ApiErrorResponseModel,
    description: 'Not ready (code NOT_READY); error.details has each check.',
  })
  ready(): Promise<HealthReport> {
    const checks = [() => this.database.check('database')];
    if (this.redis.enabled) checks.push(() => this.redis.check('redis'));
    return toHealthReport(this.health.check(checks));
  }
}
