import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DATE_RANGES,
  PORTFOLIOS,
  PRIORITIES,
  PROJECT_STATUSES,
  RISK_LEVELS,
  RISK_STATUSES,
  type DateRange,
} from '@switchyard/contracts';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common';

/** A comma-separated list whose every item is one of `values`. */
function listOf(values: readonly string[]): RegExp {
  const one = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^(${one})(,(${one}))*$`);
}
const ID_LIST = /^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,99}$/;

export class ProjectQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...PORTFOLIOS, 'All'], default: 'All' })
  @IsOptional()
  @IsIn([...PORTFOLIOS, 'All'], { message: `portfolio must be one of ${[...PORTFOLIOS, 'All'].join(', ')}` })
  portfolio?: string;

  @ApiPropertyOptional({ description: `Comma-separated: ${PROJECT_STATUSES.join(', ')}`, example: 'At Risk,Critical' })
  @IsOptional()
  @Matches(listOf(PROJECT_STATUSES), {
    message: `status must be a comma-separated list of ${PROJECT_STATUSES.join(', ')}`,
  })
  status?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: string;

  @ApiPropertyOptional({ example: 'Platform' })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _&.'()/-]{0,63}$/u, { message: 'team must be a team id' })
  team?: string;
}

export class FinancialQueryDto {
  @ApiPropertyOptional({
    description: 'Comma-separated project ids; all visible projects when left out.',
    example: 'PRJ-1001,PRJ-1002',
  })
  @IsOptional()
  @Matches(ID_LIST, { message: 'projectIds must be a comma-separated list of project ids' })
  projectIds?: string;

  @ApiPropertyOptional({ enum: DATE_RANGES, default: '3M' })
  @IsOptional()
  @IsIn(DATE_RANGES, { message: `dateRange must be one of ${DATE_RANGES.join(', ')}` })
  dateRange?: DateRange;

  @ApiPropertyOptional({ format: 'date', description: 'With dateRange=Custom.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startDate must be a date like 2026-01-31' })
  startDate?: string;

  @ApiPropertyOptional({ format: 'date', description: 'With dateRange=Custom.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be a date like 2026-06-30' })
  endDate?: string;
}

export class RiskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: `Comma-separated: ${RISK_LEVELS.join(', ')}`, example: 'Critical,High' })
  @IsOptional()
  @Matches(listOf(RISK_LEVELS), { message: `riskLevel must be a comma-separated list of ${RISK_LEVELS.join(', ')}` })
  riskLevel?: string;

  @ApiPropertyOptional({ description: `Comma-separated: ${RISK_STATUSES.join(', ')}`, example: 'Open' })
  @IsOptional()
  @Matches(listOf(RISK_STATUSES), { message: `status must be a comma-separated list of ${RISK_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ example: 'PRJ-1001' })
  @IsOptional()
  @Matches(ID_LIST, { message: 'projectIds must be a comma-separated list of project ids' })
  projectIds?: string;
}

export class DashboardQueryDto {
  @ApiPropertyOptional({ enum: [...PORTFOLIOS, 'All'], default: 'All' })
  @IsOptional()
  @IsIn([...PORTFOLIOS, 'All'], { message: `portfolio must be one of ${[...PORTFOLIOS, 'All'].join(', ')}` })
  portfolio?: string;
}

export const splitList = (value: string | undefined): string[] | undefined => (value ? value.split(',') : undefined);
