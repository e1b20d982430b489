import { ApiProperty } from '@nestjs/swagger';
import {
  RECORD_TYPES,
  type PreviewFieldError,
  type RecordType,
  type SourcePreviewResult,
  type SourceTestResult,
} from '@switchyard/contracts';

export const SOURCE_TRIAL_BODY = {
  type: 'object',
  required: ['source'],
  properties: {
    source: { type: 'object', additionalProperties: true, description: 'A source definition as for POST /sources.' },
    connector: {
      type: 'object',
      additionalProperties: true,
      description: 'A draft connector definition to use instead of a saved one (the connector editor).',
    },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 20, description: 'Preview: records to answer.' },
  },
};

/** The contract's shape of this nested object. */
type TrialError = NonNullable<SourceTestResult['error']>;

class TrialErrorModel implements TrialError {
  @ApiProperty() code!: string;
  @ApiProperty() category!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: Number, nullable: true }) upstreamStatus!: number | null;
}

export class SourceTestModel implements SourceTestResult {
  @ApiProperty() ok!: boolean;
  @ApiProperty() connectorId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty({ description: 'The first request, API keys in the query masked.' }) requestUrl!: string;
  @ApiProperty({ type: Number, nullable: true }) status!: number | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty() recordCount!: number;
  @ApiProperty() hasMorePages!: boolean;
  @ApiProperty({ type: TrialErrorModel, nullable: true }) error!: TrialErrorModel | null;
}

/** The contract's shape of this nested object. */
type PreviewRecord = SourcePreviewResult['records'][number];

class PreviewRecordModel implements PreviewRecord {
  @ApiProperty({ enum: RECORD_TYPES }) target!: RecordType;
  @ApiProperty() externalId!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) values!: Record<string, unknown>;
}

class PreviewFieldErrorModel implements PreviewFieldError {
  @ApiProperty({ description: 'Index of the record in the fetched pages, from 0.' }) record!: number;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ enum: RECORD_TYPES }) target!: RecordType;
  @ApiProperty({ example: 'severity' }) field!: string;
  @ApiProperty({ example: '"P9" is not one of the mapped values (P1, P2, P3)' }) message!: string;
}

export class SourcePreviewModel extends SourceTestModel implements SourcePreviewResult {
  @ApiProperty({ type: [PreviewRecordModel] }) records!: PreviewRecordModel[];
  @ApiProperty({ type: [PreviewFieldErrorModel] }) fieldErrors!: PreviewFieldErrorModel[];
}
