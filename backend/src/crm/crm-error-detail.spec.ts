import type { Principal } from '@switchyard/contracts';
import { GENERIC_SYNC_ERROR, redactFreshness, withoutErrorDetail } from './crm-error-detail';

const reader = { permissions: ['crm.read'] } as unknown as Principal;
const admin = { permissions: ['crm.read', 'sync.raw_read'] } as unknown as Principal;
const lastError = {
  code: 'UPSTREAM_SERVER_ERROR',
  category: 'upstream_error',
  message: 'ClientTether failed with HTTP 503',
  at: 'x',
  detail: 'maintenance until 14:00',
};

describe('CRM error detail (seed 004: no user-facing error details)', () => {
  it('drops quoted upstream errors from freshness reasons', () => {
    expect(withoutErrorDetail('never loaded: HTTP 503 maintenance')).toBe('never loaded: the last attempt failed');
    expect(withoutErrorDetail('last sync failed: ClientTether failed with HTTP 503; serving cached data')).toBe(
      'last sync failed; serving cached data',
    );
    expect(withoutErrorDetail('no successful sync for 3 h (last error: HTTP 503 maintenance)')).toBe(
      'no successful sync for 3 h (the last attempt failed)',
    );
    const freshness = {
      state: 'stale' as const,
      asOf: null,
      servingCached: false,
      sources: [
        {
          id: 's',
          name: 'n',
          lastSuccessAt: null,
          dataAsOf: null,
          ageSeconds: null,
          state: 'stale' as const,
          reason: 'never loaded: boom',
          lastAttemptAt: null,
          lastAttemptStatus: 'failed' as const,
          lastError,
          nextAttemptAt: null,
          servingCached: false,
        },
      ],
    };
    expect(redactFreshness(freshness, reader).sources[0].reason).not.toContain('boom');
    expect(redactFreshness(freshness, admin).sources[0].reason).toContain('boom');
  });

  it('gives CRM readers a generic last error (code and time kept), raw readers the whole of it', () => {
    const source = {
      id: 's',
      name: 'n',
      lastSuccessAt: null,
      dataAsOf: null,
      ageSeconds: null,
      state: 'fresh' as const,
      reason: null,
      lastAttemptAt: null,
      lastAttemptStatus: 'failed' as const,
      lastError,
      nextAttemptAt: null,
      servingCached: true,
    };
    const whole = { state: 'fresh' as const, asOf: null, servingCached: true, sources: [source] };
    expect(redactFreshness(whole, reader).sources[0].lastError).toEqual({
      ...lastError,
      message: GENERIC_SYNC_ERROR,
      detail: null,
    });
    expect(redactFreshness(whole, admin).sources[0].lastError).toEqual(lastError);
  });
});
