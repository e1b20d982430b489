import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLIENT_ERROR_LEVELS,
  DATABASE_KINDS,
  type BackendInstance,
  type ClientErrorLevel,
  type ClientErrorReport,
  type DatabaseKind,
  type DatabaseStatus,
  type ReadinessState,
  type SystemStatus,
  type ClientErrorAccepted,
  type Page,
} from '@switchyard/contracts';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageModel, TimestampedModel } from '../../common';

export class DatabaseStatusModel implements DatabaseStatus {
  @ApiProperty({ enum: DATABASE_KINDS }) kind!: DatabaseKind;
  @ApiProperty({ type: String, nullable: true, example: 'PostgreSQL 18.0 on x86_64-pc-linux-gnu' })
  serverVersion!: string | null;
  @ApiProperty() reachable!: boolean;
  @ApiProperty({ type: Number, nullable: true }) latencyMs!: number | null;
  @ApiProperty({ minimum: 0 }) migrationsApplied!: number;
  @ApiPropertyOptional() reason?: string;
}

export class SystemStatusModel extends TimestampedModel implements SystemStatus {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) readiness!: ReadinessState;
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({ example: 'v20.20.2' }) nodeVersion!: string;
  @ApiProperty({ example: 'production' }) environment!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty() uptimeSeconds!: number;
  @ApiProperty({ format: 'uuid' }) instanceId!: string;
  @ApiProperty({ type: DatabaseStatusModel }) database!: DatabaseStatusModel;
}

export class BackendInstanceModel implements BackendInstance {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() hostname!: string;
  @ApiProperty() pid!: number;
  @ApiProperty() version!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) stoppedAt!: string | null;
  @ApiProperty({ enum: ['running', 'missing', 'stopped'] }) state!: BackendInstance['state'];
}

export class BackendInstancePageModel extends PageModel implements Page<BackendInstance> {
  @ApiProperty({ type: [BackendInstanceModel] }) items!: BackendInstanceModel[];
}

export class ClientErrorReportDto implements ClientErrorReport {
  @ApiProperty({ enum: CLIENT_ERROR_LEVELS })
  @IsIn(CLIENT_ERROR_LEVELS, { message: `level must be one of ${CLIENT_ERROR_LEVELS.join(', ')}` })
  level!: ClientErrorLevel;

  @ApiProperty({ maxLength: 2000, example: 'Cannot read properties of undefined' })
  @IsString({ message: 'message must be text' })
  @MinLength(1, { message: 'message must not be empty' })
  @MaxLength(2000, { message: 'message must be at most 2000 characters' })
  message!: string;

  @ApiProperty({ maxLength: 2000, example: '/system' })
  @IsString({ message: 'url must be text' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url!: string;

  @ApiPropertyOptional({ maxLength: 8000 })
  @IsOptional()
  @IsString({ message: 'stack must be text' })
  @MaxLength(8000, { message: 'stack must be at most 8000 characters' })
  stack?: string;

  @ApiPropertyOptional({ maxLength: 128 })
  @IsOptional()
  @IsString({ message: 'traceId must be text' })
  @MaxLength(128, { message: 'traceId must be at most 128 characters' })
  traceId?: string;
}

export class ClientErrorAcceptedModel extends TimestampedModel implements ClientErrorAccepted {
  @ApiProperty({ format: 'uuid', description: 'Id of the log entry holding the report.' }) id!: string;
}
