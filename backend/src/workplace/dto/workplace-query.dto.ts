import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_TIMEFRAME_DEFAULT,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATES,
  type IncidentKind,
} from '@switchyard/contracts';
import { IsIn, IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common';

/** A department or team id: a code (`ops`) or the name an HRIS uses as its id (`FP&A`). */
const NAME = "[\\p{L}\\p{N}][\\p{L}\\p{N} _&.'()/-]{0,63}";
const ID = new RegExp(`^${NAME}$`, 'u');
const ID_LIST = new RegExp(`^${NAME}(,${NAME})*$`, 'u');

export class SummaryQueryDto {
  @ApiPropertyOptional({
    example: 'Operations,Engineering',
    description: 'Comma-separated department ids; all visible when absent.',
  })
  @IsOptional()
  @Matches(ID_LIST, { message: 'departments must be a comma-separated list of department ids' })
  departments?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-05-01',
    description: 'Point-in-time metrics (uptime) as of the end of this UTC day; now when absent.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar date, YYYY-MM-DD' })
  date?: string;
}

export class PeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'Facilities' })
  @IsOptional()
  @Matches(ID, { message: 'team must be a team id' })
  team?: string;

  @ApiPropertyOptional({ example: 'Operations' })
  @IsOptional()
  @Matches(ID, { message: 'department must be a department id' })
  department?: string;

  @ApiPropertyOptional({ enum: ['sentiment'], description: 'sentiment needs people.sensitive_read and is audited.' })
  @IsOptional()
  @IsIn(['sentiment'], { message: 'include must be sentiment' })
  include?: 'sentiment';
}

export class EventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: EVENT_TIMEFRAME_DEFAULT, description: 'Window length in days, 1d to 90d.' })
  @IsOptional()
  @Matches(/^\d{1,3}d$/, { message: 'timeframe must be a number of days like 7d (1d to 90d)' })
  timeframe?: string;

  @ApiPropertyOptional({ example: 'hq', description: 'Case-insensitive exact location.' })
  @IsOptional()
  @MaxLength(100, { message: 'location must be at most 100 characters' })
  location?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Window start; now when absent.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;
}

export class IncidentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'open',
    description: `Comma list of open, closed or raw states (${INCIDENT_STATES.join(', ')}).`,
  })
  @IsOptional()
  @MaxLength(200, { message: 'state is too long' })
  state?: string;

  @ApiPropertyOptional({ example: 'high,critical', description: `Comma list of ${INCIDENT_SEVERITIES.join(', ')}.` })
  @IsOptional()
  @MaxLength(200, { message: 'severity is too long' })
  severity?: string;

  @ApiPropertyOptional({ example: 'Operations' })
  @IsOptional()
  @Matches(ID, { message: 'department must be a department id' })
  department?: string;

  @ApiPropertyOptional({ enum: INCIDENT_KINDS })
  @IsOptional()
  @IsIn(INCIDENT_KINDS, { message: `kind must be one of ${INCIDENT_KINDS.join(', ')}` })
  kind?: IncidentKind;
}
