import type { Principal } from '@switchyard/contracts';
import { GENERIC_SYNC_ERROR, redactFreshness, redactSyncError, withoutErrorDetail } from './crm-error-detail';

const reader = { permissions: ['crm.read'] } as unknown as Principal;
const admin = { permissions: ['crm.read', 'sync.raw_read'] } as unknown as Principal;
const error = {
  code: 'UPSTREAM_HTTP_ERROR',
  message: 'HTTP 503 from ct.example: maintenance',
  category: 'transient',
  at: 'x',
};

describe('CRM error detail (seed 004: no user-facing error details)', () => {
  it('gives CRM readers a generic message and keeps the code', () => {
    expect(redactSyncError(error, reader)).toEqual({ ...error, message: GENERIC_SYNC_ERROR });
  });

  it('shows the upstream text to roles allowed raw data', () => {
    expect(redactSyncError(error, admin)).toBe(error);
  });

  it('drops quoted upstream errors from freshness reasons', () => {
    expect(withoutErrorDetail('never loaded: HTTP 503 maintenance')).toBe('never loaded: the last attempt failed');
    expect(withoutErrorDetail('no successful sync for 3 h (last error: HTTP 503 maintenance)')).toBe(
      'no successful sync for 3 h (the last attempt failed)',
    );
    const freshness = {
      state: 'stale' as const,
      asOf: null,
      sources: [
        {
          id: 's',
          name: 'n',
          lastSuccessAt: null,
          dataAsOf: null,
          ageSeconds: null,
          state: 'stale' as const,
          reason: 'never loaded: boom',
        },
      ],
    };
    expect(redactFreshness(freshness, reader).sources[0].reason).not.toContain('boom');
    expect(redactFreshness(freshness, admin).sources[0].reason).toContain('boom');
  });
});
