import { ApiProperty } from '@nestjs/swagger';
import {
  SYNC_ERROR_CATEGORIES,
  SYNC_ERROR_CODES,
  SYNC_MODES,
  SYNC_RUN_STATUSES,
  SYNC_TRIGGERS,
  type SyncErrorCategory,
  type SyncErrorCode,
  type SyncMode,
  type SyncRunStatus,
  type SyncTrigger,
  type Page,
  type RawSnapshot,
  type RawSnapshotSummary,
  type RefreshAccepted,
  type SyncRun,
} from '@switchyard/contracts';
import { isoDateTime, matching, oneOf, PageModel, PageQueryDto, QueryField, TimestampedModel } from '../../common';

export class SyncRunModel extends TimestampedModel implements SyncRun {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'pm-projects' }) sourceId!: string;
  @ApiProperty({ enum: SYNC_TRIGGERS }) trigger!: SyncTrigger;
  @ApiProperty({ enum: SYNC_MODES }) mode!: SyncMode;
  @ApiProperty({ enum: SYNC_RUN_STATUSES }) status!: SyncRunStatus;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs!: number | null;
  @ApiProperty({ description: 'Upstream requests, retries included.' }) attempts!: number;
  @ApiProperty() pages!: number;
  @ApiProperty() recordsFetched!: number;
  @ApiProperty({ description: 'Rows inserted or changed (unchanged rows are not counted).' }) recordsUpserted!: number;
  @ApiProperty({
    description: 'Rows not written because the stored row is newer (a late retry, an out-of-order event).',
  })
  recordsSkippedOlder!: number;
  @ApiProperty({ description: 'Rows tombstoned by a full refresh.' }) recordsDeleted!: number;
  @ApiProperty({ enum: SYNC_ERROR_CODES, nullable: true }) errorCode!: SyncErrorCode | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({ enum: SYNC_ERROR_CATEGORIES, nullable: true }) errorCategory!: SyncErrorCategory | null;
  @ApiProperty({ type: Boolean, nullable: true }) retryable!: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) retryAfterSeconds!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) instanceId!: string | null;
}

export class SyncRunPageModel extends PageModel implements Page<SyncRun> {
  @ApiProperty({ type: [SyncRunModel] }) items!: SyncRunModel[];
}

const STATUS_LIST = new RegExp(`^(${SYNC_RUN_STATUSES.join('|')})(,(${SYNC_RUN_STATUSES.join('|')}))*$`);

export class SyncRunQueryDto extends PageQueryDto {
  @QueryField(matching(/^[a-z0-9-]{1,64}$/, 'sourceId must be a source id').optional(), { example: 'pm-projects' })
  sourceId?: string;

  @QueryField(
    matching(STATUS_LIST, `status must be a comma-separated list of ${SYNC_RUN_STATUSES.join(', ')}`).optional(),
    { description: `Comma-separated: ${SYNC_RUN_STATUSES.join(', ')}`, example: 'failed,partial' },
  )
  status?: string;

  @QueryField(oneOf('trigger', SYNC_TRIGGERS).optional(), { enum: SYNC_TRIGGERS })
  trigger?: SyncTrigger;

  @QueryField(isoDateTime('since must be an ISO 8601 date-time').optional(), {
    format: 'date-time',
    description: 'Runs queued at or after this time.',
  })
  since?: string;
}

export class RefreshQueryDto {
  @QueryField(oneOf('mode', SYNC_MODES).optional(), {
    enum: SYNC_MODES,
    default: 'incremental',
    description: '`full` also tombstones rows the upstream no longer has.',
  })
  mode?: SyncMode;
}

export class RefreshAcceptedModel extends TimestampedModel implements RefreshAccepted {
  @ApiProperty({ format: 'uuid', description: 'Follow it at GET /api/v1/sync-runs/{runId}.' }) runId!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty({ enum: SYNC_RUN_STATUSES }) status!: SyncRunStatus;
  @ApiProperty({ format: 'date-time', description: 'Now, or the end of a pending Retry-After.' }) notBefore!: string;
}

export class RawSnapshotSummaryModel implements RawSnapshotSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ type: String, nullable: true }) tenant!: string | null;
  @ApiProperty() page!: number;
  @ApiProperty() full!: boolean;
  @ApiProperty({ format: 'date-time' }) fetchedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Last time an identical page was fetched.' }) lastSeenAt!: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) contentHash!: string;
  @ApiProperty() bytes!: number;
  @ApiProperty() requestUrl!: string;
}

export class RawSnapshotModel extends RawSnapshotSummaryModel implements RawSnapshot {
  @ApiProperty({ description: 'The upstream page exactly as received.', type: 'object', additionalProperties: true })
  payload!: unknown;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class RawSnapshotPageModel extends PageModel implements Page<RawSnapshotSummary> {
  @ApiProperty({ type: [RawSnapshotSummaryModel] }) items!: RawSnapshotSummaryModel[];
}
