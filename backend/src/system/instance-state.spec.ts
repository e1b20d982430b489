import { BackendInstanceEntity } from './entities/backend-instance.entity';
import { toBackendInstance } from './instance-state';

function row(overrides: Partial<BackendInstanceEntity>): BackendInstanceEntity {
  return Object.assign(new BackendInstanceEntity(), {
    id: '0c8f5bd4-5b9f-4d64-9a0f-0d8ab2b1c001',
    hostname: 'replica-a',
    pid: 41,
    version: '0.1.0',
    startedAt: new Date('2026-11-26T09:00:00Z'),
    lastSeenAt: new Date('2026-11-26T09:59:50Z'),
    stoppedAt: null,
    ...overrides,
  });
}

const now = new Date('2026-11-26T10:00:00Z');

describe('toBackendInstance', () => {
  it('is running while heartbeats arrive', () => {
    expect(toBackendInstance(row({}), now, 15).state).toBe('running');
  });

  it('is missing after three missed heartbeats', () => {
    expect(toBackendInstance(row({ lastSeenAt: new Date('2026-11-26T09:59:14Z') }), now, 15).state).toBe('missing');
  });

  it('is stopped after a graceful shutdown, however long ago', () => {
    const stopped = new Date('2026-11-26T09:30:00Z');
    const instance = toBackendInstance(row({ lastSeenAt: stopped, stoppedAt: stopped }), now, 15);
    expect(instance).toMatchObject({ state: 'stopped', stoppedAt: '2026-11-26T09:30:00.000Z' });
  });
});
