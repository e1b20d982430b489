import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@switchyard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentPrincipal } from '../auth';
import { ApiErrors } from '../common';
import { SseStreams, splitList, valuesFlag } from './sse-streams.service';

/**
 * Server-Sent Events with the same topics, authorization and messages as the `/live`
 * socket, for simple clients. `Last-Event-ID` (sent by browsers on reconnect) resumes
 * every topic from where the client was.
 */
@ApiTags('live')
@Controller('stream')
export class StreamController {
  constructor(private readonly streams: SseStreams) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Live updates as Server-Sent Events: `update`, `resync`, `heartbeat`, `auth_expired`.',
    description:
      'Each topic is authorized like its REST route. Event ids carry every topic position; send it back as Last-Event-ID to resume. EventSource clients that cannot set headers may pass `access_token`.',
  })
  @ApiQuery({ name: 'topics', description: 'Comma-separated topics, e.g. `domain:projects,alerts`.' })
  @ApiQuery({
    name: 'sources',
    required: false,
    description:
      'Only updates from these sources (data point sources, source ids, or seed 002 source names such as `system_health,workflows`); see docs/realtime-protocol.md.',
  })
  @ApiQuery({
    name: 'categories',
    required: false,
    description:
      'Only operations data of these categories or metrics (e.g. `cpu_usage,revenue`); narrows data points, snapshots and alerts.',
  })
  @ApiQuery({
    name: 'values',
    required: false,
    enum: ['1', 'true'],
    description: 'Also follow `datapoints`: each committed batch of data points with its values (seed 002).',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The stream: `event:` lines `update`, `resync`, `heartbeat`, `auth_expired`, each with JSON `data:`.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 403, 404)
  stream(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Query('topics') topicsParam: unknown,
    @Query('sources') sourcesParam: unknown,
    @Query('categories') categoriesParam: unknown,
    @Query('values') valuesParam: unknown,
    @Headers('last-event-id') lastEventId: unknown,
  ): Promise<void> {
    const topics = splitList(topicsParam);
    if (valuesFlag(valuesParam) && !topics.includes('datapoints')) topics.push('datapoints');
    return this.streams.open(request, reply, principal, {
      topics,
      filters: { sources: splitList(sourcesParam), categories: splitList(categoriesParam) },
      lastEventId,
    });
  }
}
