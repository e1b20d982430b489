import { ApiProperty } from '@nestjs/swagger';
import {
  FRESHNESS_STATES,
  type FreshnessState,
  type UpstreamHealth,
  type UpstreamHealthEntry,
} from '@switchyard/contracts';
import { TimestampedModel } from '../../common';
import { SourceFreshnessModel } from './source.models';

export class UpstreamHealthEntryModel extends SourceFreshnessModel implements UpstreamHealthEntry {
  @ApiProperty() domain!: string;
  @ApiProperty({ type: String, nullable: true }) tenant!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ enum: ['closed', 'open', 'half_open'] }) breaker!: UpstreamHealthEntry['breaker'];
  @ApiProperty({ type: String, nullable: true }) lastRunStatus!: string | null;
}

export class UpstreamHealthModel extends TimestampedModel implements UpstreamHealth {
  @ApiProperty({ enum: FRESHNESS_STATES, description: 'Worst state among enabled sources.' }) status!: FreshnessState;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { fresh: 20, late: 1, stale: 0, rate_limited: 0, unavailable: 0 },
  })
  counts!: Record<FreshnessState, number>;
  @ApiProperty({ type: [UpstreamHealthEntryModel], nullable: true }) sources!: UpstreamHealthEntryModel[] | null;
}
