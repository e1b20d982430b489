import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ERROR_CODES,
  type ApiErrorBody,
  type ErrorCode,
  type ApiErrorResponse,
  type FieldError,
} from '@switchyard/contracts';

/** OpenAPI models for the shared response shapes. */
export class FieldErrorModel implements FieldError {
  @ApiProperty({ example: 'pageSize' }) field!: string;
  @ApiProperty({ example: 'pageSize must be between 1 and 200' }) message!: string;
}

export class ApiErrorBodyModel implements ApiErrorBody {
  @ApiProperty({ enum: ERROR_CODES, example: 'VALIDATION_FAILED' }) code!: ErrorCode;
  @ApiProperty({ example: 'Invalid request: pageSize must be between 1 and 200' }) message!: string;
  @ApiPropertyOptional({ description: 'Seconds to wait before retrying.', example: 30 }) retryAfter?: number;
  @ApiProperty({
    description: 'Equals the X-Trace-Id response header.',
    example: '4f1c2a9e-0d3b-4c55-9a53-2b1f7f0f6a10',
  })
  traceId!: string;
  @ApiPropertyOptional({ type: [FieldErrorModel] }) fields?: FieldErrorModel[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}

export class ApiErrorResponseModel implements ApiErrorResponse {
  @ApiProperty({ type: ApiErrorBodyModel }) error!: ApiErrorBodyModel;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export abstract class TimestampedModel {
  @ApiProperty({ format: 'date-time', description: 'When the server produced this answer (UTC).' })
  generatedAt!: string;
}

export abstract class PageModel extends TimestampedModel {
  @ApiProperty({ minimum: 1 }) page!: number;
  @ApiProperty({ minimum: 1 }) pageSize!: number;
  @ApiProperty({ minimum: 0, description: 'Rows matching the filters, across all pages.' }) total!: number;
  @ApiProperty({ description: 'More rows follow this page (offset + items < total).' }) hasMore!: boolean;
}
