import type { LiveHeartbeat, Principal } from '@switchyard/contracts';
import type { LiveTransportKind } from './live-metrics';
import type { TopicCursors } from './topic-cursors';

/** One client connection as the hub sees it, whatever its transport. */
export interface LiveSink {
  readonly id: string;
  readonly transport: LiveTransportKind;
  principal: Principal;
  tokenExpiresAt: Date;
  readonly cursors: TopicCursors;
  heartbeat(beat: LiveHeartbeat): void;
  /**
   * Ends the connection after telling the client its access was revoked. Sockets are closed
   * by the gateway instead (through Socket.IO rooms, on every replica); SSE streams here.
   */
  revoke?(reason: string): void;
}
