import type { Credential, Source } from '@switchyard/contracts';
import {
  compatibleCredentials,
  defaultFreshness,
  emptySourceForm,
  sourceFormFrom,
  toDefinition,
} from './source-form.model';

function credential(id: string, kind: Credential['kind'], tenant: string | null = null): Credential {
  return {
    id,
    name: id,
    kind,
    tenant,
    clientId: null,
    hasSecret: true,
    fieldNames: [],
    usedBy: [],
    keyId: 'k1',
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
  };
}

describe('source form model', () => {
  it('derives freshness from the cadence: late after three runs, stale after three times that', () => {
    expect(defaultFreshness('interval', 120)).toEqual({ warnAfterSeconds: 360, staleAfterSeconds: 1080 });
    expect(defaultFreshness('interval', 5)).toEqual({ warnAfterSeconds: 60, staleAfterSeconds: 180 });
    expect(defaultFreshness('cron', 0).warnAfterSeconds).toBeGreaterThan(86_400);
  });

  it('builds the API body: trimmed, empty settings and optional ids left out', () => {
    const body = toDefinition({
      ...emptySourceForm(),
      id: ' tickets ',
      name: 'Tickets',
      connectorId: 'simulator-ticketing',
      stream: 'tickets',
      credentialId: 'ticketing-token',
      config: { baseUrl: 'http://127.0.0.1:4319', unused: '  ' },
      everySeconds: 60,
    });
    expect(body).toEqual({
      id: 'tickets',
      name: 'Tickets',
      kind: 'http-pull',
      connector: {
        id: 'simulator-ticketing',
        stream: 'tickets',
        credentialId: 'ticketing-token',
        config: { baseUrl: 'http://127.0.0.1:4319' },
      },
      tenant: null,
      enabled: true,
      cadence: { type: 'interval', everySeconds: 60 },
      timeoutMs: 10_000,
      freshness: { warnAfterSeconds: 900, staleAfterSeconds: 2700 },
      webhookSecretCredentialId: null,
    });
  });

  it('keeps what the form does not show when it replaces an existing source', () => {
    const existing = {
      id: 'tickets',
      name: 'Tickets',
      kind: 'http-pull',
      tenant: null,
      enabled: true,
      connector: { id: 'c', stream: 's', credentialId: null, config: {} },
      cadence: { type: 'interval', everySeconds: 120, offHoursEverySeconds: 600 },
      fullSync: { expression: '0 2 * * *', timeZone: 'UTC' },
      timeoutMs: 5000,
      retry: { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 1000 },
      breaker: { failureThreshold: 3, halfOpenAfterMs: 5000 },
      freshness: { warnAfterSeconds: 300, staleAfterSeconds: 900, trackDataAge: false },
      webhookSecretCredentialId: null,
    } as unknown as Source;
    const form = sourceFormFrom(existing);
    expect(form.freshnessFollowsCadence).toBe(false);
    const body = toDefinition({ ...form, name: 'Renamed' }, existing);
    expect(body.name).toBe('Renamed');
    expect(body.cadence).toEqual({ type: 'interval', everySeconds: 120, offHoursEverySeconds: 600 });
    expect(body.retry).toEqual(existing.retry);
    expect(body.breaker).toEqual(existing.breaker);
    expect(body.fullSync).toEqual(existing.fullSync);
    expect(body.freshness).toEqual({ warnAfterSeconds: 300, staleAfterSeconds: 900, trackDataAge: false });
  });

  it('offers only credentials of a kind the auth accepts, shared or of the same tenant', () => {
    const all = [
      credential('token', 'token'),
      credential('oauth', 'client-credentials'),
      credential('brand-a', 'token', 'brand-a'),
      credential('brand-b', 'token', 'brand-b'),
    ];
    expect(compatibleCredentials(all, 'bearer', '').map((c) => c.id)).toEqual(['token']);
    expect(compatibleCredentials(all, 'bearer', 'brand-a').map((c) => c.id)).toEqual(['token', 'brand-a']);
    expect(compatibleCredentials(all, 'oauth2-client-credentials', '').map((c) => c.id)).toEqual(['oauth']);
    expect(compatibleCredentials(all, 'none', '')).toEqual([]);
    expect(compatibleCredentials(all, undefined, '')).toEqual([]);
  });
});
