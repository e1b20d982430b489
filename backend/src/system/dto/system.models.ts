import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DATABASE_KINDS,
  type BackendInstance,
  type DatabaseKind,
  type DatabaseStatus,
  type ReadinessState,
  type SystemStatus,
  type ClientErrorAccepted,
  type Page,
} from '@switchyard/contracts';
import { PageModel, TimestampedModel, zodBodySchema } from '../../common';
import { clientErrorReportSchema } from './system.schemas';

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

export const CLIENT_ERROR_REPORT_BODY = zodBodySchema(clientErrorReportSchema);

export class ClientErrorAcceptedModel extends TimestampedModel implements ClientErrorAccepted {
  @ApiProperty({ format: 'uuid', description: 'Id of the log entry holding the report.' }) id!: string;
}
