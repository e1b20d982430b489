import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config';
import { SourcesModule } from '../sources';
import { LiveTopicEntity } from './entities/live-topic.entity';
import { LiveHub } from './live-hub.service';
import { LiveMetrics } from './live-metrics';
import { LivePublisher } from './live-publisher.service';
import { LiveRoutes } from './live-routes';
import { LiveGateway } from './live.gateway';
import { LocalUpdateLog } from './local-update-log';
import { PrincipalVersionsRelay } from './principal-versions-relay';
import { ChangeRelay } from './change-relay';
import { RedisConnections } from './redis-connections';
import { RedisUpdateLog } from './redis-update-log';
import { SseStreams } from './sse-streams.service';
import { StreamController } from './stream.controller';
import { TopicAccessService } from './topic-access.service';
import { UpdateLog } from './update-log';

/**
 * Real-time push: domain events → numbered topic updates → Socket.IO `/live` and SSE clients.
 * Transport only: the domain modules import it and register their topics in `LiveRoutes`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LiveTopicEntity]), SourcesModule],
  controllers: [StreamController],
  providers: [
    RedisConnections,
    LocalUpdateLog,
    RedisUpdateLog,
    {
      provide: UpdateLog,
      inject: [AppConfig, LocalUpdateLog, RedisUpdateLog],
      useFactory: (config: AppConfig, local: LocalUpdateLog, redis: RedisUpdateLog) =>
        config.live.redisUrl ? redis : local,
    },
    LiveMetrics,
    TopicAccessService,
    SseStreams,
    LiveRoutes,
    LiveHub,
    LivePublisher,
    LiveGateway,
    PrincipalVersionsRelay,
    ChangeRelay,
  ],
  exports: [LiveHub, LivePublisher, LiveRoutes, RedisConnections, SseStreams],
})
export class RealtimeModule {}
