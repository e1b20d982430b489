import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONNECTOR_AUTH_TYPES,
  RECORD_TYPES,
  SOURCE_DOMAINS,
  type ConnectorAuthType,
  type ConnectorSummary,
  type RecordType,
  type SourceDomain,
  type ConnectorDefinition,
  type ItemList,
} from '@switchyard/contracts';

/** The contract's shape of this nested object. */
type ConnectorStreamSummary = ConnectorSummary['streams'][number];

class ConnectorStreamSummaryModel implements ConnectorStreamSummary {
  @ApiProperty({ example: 'incidents' }) name!: string;
  @ApiProperty({ example: 'Incidents' }) label!: string;
  @ApiProperty({ enum: SOURCE_DOMAINS }) domain!: SourceDomain;
  @ApiProperty({ enum: RECORD_TYPES, isArray: true }) targets!: RecordType[];
}

export class ConnectorSummaryModel implements ConnectorSummary {
  @ApiProperty({ example: 'simulator-ticketing' }) id!: string;
  @ApiProperty({ example: 'Simulator: ticketing (demo)' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) documentationUrl!: string | null;
  @ApiProperty() builtIn!: boolean;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ enum: CONNECTOR_AUTH_TYPES }) authType!: ConnectorAuthType;
  @ApiProperty({ type: [ConnectorStreamSummaryModel] }) streams!: ConnectorStreamSummaryModel[];
}

export class ConnectorListModel implements ItemList<ConnectorSummary> {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [ConnectorSummaryModel] }) items!: ConnectorSummaryModel[];
}

/** The definition format is described in docs/connectors.md; the schema here is its outline. */
export const CONNECTOR_DEFINITION_SCHEMA = {
  type: 'object',
  required: ['id', 'name', 'baseUrl', 'auth', 'streams'],
  properties: {
    id: { type: 'string', example: 'acme-incidents' },
    name: { type: 'string' },
    description: { type: 'string' },
    documentationUrl: { type: 'string', format: 'uri' },
    baseUrl: { type: 'string', example: 'https://{{config.host}}/api' },
    config: { type: 'array', items: { type: 'object', additionalProperties: true } },
    auth: {
      type: 'object',
      properties: { type: { type: 'string', enum: [...CONNECTOR_AUTH_TYPES] } },
      additionalProperties: true,
    },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    rateLimit: { type: 'object', additionalProperties: true },
    streams: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
};

export class ConnectorDefinitionModel implements ConnectorDefinition {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty() baseUrl!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) auth!: ConnectorDefinition['auth'];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  streams!: ConnectorDefinition['streams'];
  @ApiProperty() builtIn!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) createdAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt!: string | null;
}
