import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config';
import { PortfolioModule } from '../portfolio';
import { SourcesModule } from '../sources';
import { DashboardFeed } from './dashboard-feed';
import { LiveTopicEntity } from './entities/live-topic.entity';
import { LiveHub } from './live-hub.service';
import { LiveLookupsRepository } from './live-lookups.repository';
import { LiveMetrics } from './live-metrics';
import { LivePublisher } from './live-publisher.service';
import { LiveGateway } from './live.gateway';
import { LocalUpdateLog } from './local-update-log';
import { PrincipalVersionsRelay } from './principal-versions-relay';
import { RedisConnections } from './redis-connections';
import { RedisUpdateLog } from './redis-update-log';
import { SseStreams } from './sse-streams.service';
import { StreamController } from './stream.controller';
import { TopicAccessService } from './topic-access.service';
import { UpdateLog } from './update-log';

/** Real-time push: domain events → numbered topic updates → Socket.IO `/live` and SSE clients. */
@Module({
  imports: [TypeOrmModule.forFeature([LiveTopicEntity]), SourcesModule, PortfolioModule],
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
    LiveLookupsRepository,
    LiveHub,
    LivePublisher,
    DashboardFeed,
    LiveGateway,
    PrincipalVersionsRelay,
  ],
  exports: [LiveHub, LivePublisher, RedisConnections, SseStreams],
})
export class RealtimeModule {}
