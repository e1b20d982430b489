export { RealtimeModule } from './realtime.module';
export { LiveHub } from './live-hub.service';
export { LivePublisher } from './live-publisher.service';
export { LiveIoAdapter } from './live-io-adapter';
export { RedisConnections } from './redis-connections';
export { SseStreams, splitList, valuesFlag } from './sse-streams.service';
export {
  LiveRoutes,
  needs,
  type FreshnessScope,
  type LiveClient,
  type LiveRouteSet,
  type SourceChange,
  type TopicDecision,
  type TopicUpdate,
} from './live-routes';
