import { ServiceUnavailableException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';
import { DomainException, TimestampedModel } from '../common';

export interface HealthReport {
  status: 'ok';
  checks: HealthIndicatorResult;
}

export class HealthReportModel extends TimestampedModel implements HealthReport {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { database: { status: 'up', kind: 'postgres', latencyMs: 1.2 } },
  })
  checks!: HealthIndicatorResult;
}

/**
 * Terminus answers with `{ status, info, error, details }`; Switchyard reports the checks
 * on success and turns a failure into the API error payload, naming what is down.
 */
export async function toHealthReport(check: Promise<HealthCheckResult>): Promise<HealthReport> {
  try {
    const result = await check;
    return { status: 'ok', checks: result.details };
  } catch (error) {
    if (!(error instanceof ServiceUnavailableException)) throw error;
    const details = (error.getResponse() as Partial<HealthCheckResult>).details ?? {};
    const down = Object.entries(details)
      .filter(([, check]) => check.status === 'down')
      .map(([name, check]) => `${name}: ${typeof check.message === 'string' ? check.message : 'down'}`);
    throw new DomainException('NOT_READY', 503, `Not ready. ${down.join('; ')}`, { details: { checks: details } });
  }
}
