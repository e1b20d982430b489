import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'auth.login' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,64}$/, { message: 'action must be an action name like auth.login' })
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\S{1,320}$/, { message: 'actorId must be an id or email' })
  actorId?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied'] })
  @IsOptional()
  @IsIn(['success', 'failure', 'denied'], { message: 'outcome must be success, failure or denied' })
  outcome?: 'success' | 'failure' | 'denied';

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since?: string;
}
