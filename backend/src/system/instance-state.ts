import type { BackendInstance } from '@switchyard/contracts';
import type { BackendInstanceEntity } from './entities/backend-instance.entity';

/** An instance that missed this many heartbeats is shown as missing (crashed or cut off). */
export const MISSED_BEATS_BEFORE_MISSING = 3;

export function toBackendInstance(row: BackendInstanceEntity, now: Date, heartbeatSeconds: number): BackendInstance {
  const silentMs = now.getTime() - row.lastSeenAt.getTime();
  const state: BackendInstance['state'] = row.stoppedAt
    ? 'stopped'
    : silentMs > MISSED_BEATS_BEFORE_MISSING * heartbeatSeconds * 1000
      ? 'missing'
      : 'running';
  return {
    id: row.id,
    hostname: row.hostname,
    pid: row.pid,
    version: row.version,
    startedAt: row.startedAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    stoppedAt: row.stoppedAt ? row.stoppedAt.toISOString() : null,
    state,
  };
}
