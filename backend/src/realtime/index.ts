export { RealtimeModule } from './realtime.module';
export { LiveHub } from './live-hub.service';
export { LivePublisher } from './live-publisher.service';
export { LiveIoAdapter } from './live-io-adapter';
export { RedisConnections } from './redis-connections';
export { SseStreams, splitList, valuesFlag } from './sse-streams.service';
