import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  BREAKER_STATES,
  CREDENTIAL_KINDS,
  FRESHNESS_STATES,
  SOURCE_DOMAINS,
  SOURCE_KINDS,
  SYNC_RUN_STATUSES,
  type BreakerState,
  type Freshness,
  type FreshnessError,
  type SourceFreshness,
  type SyncRunStatus,
  type CredentialKind,
  type FreshnessState,
  type SourceDomain,
  type SourceKind,
  type Credential,
  type Page,
  type Source,
  type SourceStatus,
} from '@switchyard/contracts';
import { z } from 'zod';
import { matching, oneOf, PageModel, PageQueryDto, QueryField, TimestampedModel, zodBodySchema } from '../../common';
import { credentialSchema, sourceDefinitionSchema } from './source-definition.schema';

/** OpenAPI schemas generated from the same zod schemas that validate the bodies. */
function openApiSchema(schema: z.ZodType, io: 'input' | 'output'): ApiPropertyOptions {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as ApiPropertyOptions;
}

export const SOURCE_DEFINITION_BODY = zodBodySchema(sourceDefinitionSchema);
export const CREDENTIAL_BODY = zodBodySchema(credentialSchema);
const definitionShape = sourceDefinitionSchema.shape;

/** The contract's shape of this nested object. */
type BreakerStatus = SourceStatus['breaker'];

export class BreakerStatusModel implements BreakerStatus {
  @ApiProperty({ enum: BREAKER_STATES }) state!: BreakerState;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a probe request will be let through.',
  })
  halfOpenAt!: string | null;
}

export class SyncErrorSummaryModel implements FreshnessError {
  @ApiProperty({ example: 'UPSTREAM_SERVER_ERROR' }) code!: string;
  @ApiProperty({ example: 'upstream_error' }) category!: string;
  @ApiProperty({
    example: 'ClientTether failed with HTTP 503 (3 attempts)',
    description: 'A plain cause, without the upstream’s own words.',
  })
  message!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Service Unavailable',
    description: 'What the upstream itself said; only with the `sync.raw_read` permission (REST), otherwise null.',
  })
  detail!: string | null;
}

export class SourceFreshnessModel implements SourceFreshness {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last successful sync.' })
  lastSuccessAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Newest business timestamp seen.' })
  dataAsOf!: string | null;
  @ApiProperty({ type: Number, nullable: true }) ageSeconds!: number | null;
  @ApiProperty({ enum: FRESHNESS_STATES }) state!: FreshnessState;
  @ApiProperty({ type: String, nullable: true, example: 'upstream data has not changed for 16 min' }) reason!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last attempt ended.' })
  lastAttemptAt!: string | null;
  @ApiProperty({ enum: SYNC_RUN_STATUSES, nullable: true, description: 'How the last attempt ended.' })
  lastAttemptStatus!: SyncRunStatus | null;
  @ApiProperty({ type: SyncErrorSummaryModel, nullable: true, description: 'Why the last attempt failed.' })
  lastError!: SyncErrorSummaryModel | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The next scheduled attempt; after a failure, the retry.',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({
    description: 'The last attempt failed: the answer is cached data from the last good sync, whatever its age.',
  })
  servingCached!: boolean;
}

/** The `freshness` object of every data answer. */
export class FreshnessModel implements Freshness {
  @ApiProperty({ enum: FRESHNESS_STATES, description: 'The worst state of the sources behind the answer.' })
  state!: FreshnessState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The oldest data clock.' })
  asOf!: string | null;
  @ApiProperty({ description: 'Some source behind the answer is serving cached data after a failed sync.' })
  servingCached!: boolean;
  @ApiProperty({ type: [SourceFreshnessModel] }) sources!: SourceFreshnessModel[];
}

export class SourceStatusModel implements SourceStatus {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextRunAt!: string | null;
  @ApiProperty() running!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lastRunId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'succeeded' }) lastRunStatus!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSuccessAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastFullSyncAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dataAsOf!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Incremental sync cursor.' }) cursor!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Waiting out a Retry-After until then.',
  })
  rateLimitedUntil!: string | null;
  @ApiProperty({ type: BreakerStatusModel }) breaker!: BreakerStatusModel;
  @ApiProperty({ type: SyncErrorSummaryModel, nullable: true }) lastError!: SyncErrorSummaryModel | null;
  @ApiProperty({ type: SourceFreshnessModel }) freshness!: SourceFreshnessModel;
}

export class SourceModel extends TimestampedModel implements Source {
  @ApiProperty({ example: 'pm-projects' }) id!: string;
  @ApiProperty({ example: 'PM projects' }) name!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
  @ApiProperty({ enum: SOURCE_DOMAINS }) domain!: SourceDomain;
  @ApiProperty(openApiSchema(definitionShape.connector, 'output')) connector!: Source['connector'];
  @ApiProperty({ type: String, nullable: true, description: 'CRM brand the data belongs to.' }) tenant!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty(openApiSchema(definitionShape.cadence, 'output')) cadence!: Source['cadence'];
  @ApiProperty(openApiSchema(definitionShape.fullSync, 'output')) fullSync!: Source['fullSync'];
  @ApiProperty() timeoutMs!: number;
  @ApiProperty(openApiSchema(definitionShape.retry, 'output')) retry!: Source['retry'];
  @ApiProperty(openApiSchema(definitionShape.retrySchedule, 'output')) retrySchedule!: Source['retrySchedule'];
  @ApiProperty(openApiSchema(definitionShape.breaker, 'output')) breaker!: Source['breaker'];
  @ApiProperty(openApiSchema(definitionShape.freshness, 'output')) freshness!: Source['freshness'];
  @ApiProperty({ type: String, nullable: true }) webhookSecretCredentialId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: SourceStatusModel }) status!: SourceStatusModel;
}

export class SourcePageModel extends PageModel implements Page<Source> {
  @ApiProperty({ type: [SourceModel] }) items!: SourceModel[];
}

export class SourceListQueryDto extends PageQueryDto {
  @QueryField(oneOf('domain', SOURCE_DOMAINS).optional(), { enum: SOURCE_DOMAINS })
  domain?: SourceDomain;

  @QueryField(matching(/^[a-z0-9-]{1,64}$/, 'tenant must be a tenant id').optional(), { example: 'acme-fitness' })
  tenant?: string;

  @QueryField(oneOf('kind', SOURCE_KINDS).optional(), { enum: SOURCE_KINDS })
  kind?: SourceKind;

  @QueryField(matching(/^(true|false|1|0)$/, 'enabled must be true or false').optional(), { enum: ['true', 'false'] })
  enabled?: string;
}

export class CredentialModel extends TimestampedModel implements Credential {
  @ApiProperty({ example: 'crm-acme-fitness' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CREDENTIAL_KINDS }) kind!: CredentialKind;
  @ApiProperty({ type: String, nullable: true }) tenant!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
  @ApiProperty({ description: 'Secrets are write-only; this says whether one is stored.' }) hasSecret!: boolean;
  @ApiProperty({ type: [String], description: 'Names of the further secrets set (their values are never returned).' })
  fieldNames!: string[];
  @ApiProperty({ type: [String], description: 'Ids of the sources that use this credential.' }) usedBy!: string[];
  @ApiProperty({ example: 'k2026' }) keyId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CredentialPageModel extends PageModel implements Page<Credential> {
  @ApiProperty({ type: [CredentialModel] }) items!: CredentialModel[];
}
