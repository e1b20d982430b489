import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal, RunHistoryList } from '@switchyard/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth';
import { ApiErrors, matching, QueryField, TimestampedModel, wholeNumber, type Stamped } from '../common';
import { RunHistoryService } from './run-history.service';

export const MAX_HISTORY_RUNS = 50;

export class RunHistoryQueryDto {
  @QueryField(wholeNumber('limit', 1, MAX_HISTORY_RUNS).optional(), {
    type: Number,
    minimum: 1,
    maximum: MAX_HISTORY_RUNS,
    default: 20,
    description: 'Runs per source.',
  })
  limit?: number;

  @QueryField(matching(/^[a-z0-9-]{1,64}$/, 'sourceId must be a source id').optional(), {
    example: 'pm-projects',
    description: 'Only this source.',
  })
  sourceId?: string;
}

export class RunHistoryListModel extends TimestampedModel implements RunHistoryList {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'Per source: `recent` (the last finished runs, oldest first: status, trigger, times, duration, attempts, records, error) and `last24h` / `last30d` success shares (`succeeded` of `total` finished runs; good = succeeded, partial or unchanged).',
  })
  items!: RunHistoryList['items'];
}

@ApiTags('sync')
@Controller()
export class RunHistoryController {
  constructor(private readonly history: RunHistoryService) {}

  @Get('sync-runs/history')
  @RequirePermission('sync.read')
  @ApiOperation({ summary: "Every visible source's last runs (a heartbeat strip) and its 24 h / 30 d success share." })
  @ApiOkResponse({ type: RunHistoryListModel })
  @ApiErrors(400)
  async list(
    @Query() query: RunHistoryQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Stamped<RunHistoryList>> {
    return { items: await this.history.history(query.limit ?? 20, principal, query.sourceId) };
  }
}
