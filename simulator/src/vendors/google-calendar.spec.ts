import { generateKeyPairSync } from 'node:crypto';
import {
  call,
  credentials,
  googleAssertion,
  googleToken,
  googleTokenRequest,
  sendJson,
  startSimulator,
  type TestSimulator,
} from '../spec-helpers';

interface GoogleEvent {
  id: string;
  status: string;
  summary?: string;
  start?: { dateTime?: string; date?: string; timeZone?: string };
  recurrence?: string[];
  recurringEventId?: string;
  originalStartTime?: { dateTime?: string; date?: string };
  organizer?: { email: string };
}
interface EventsPage {
  items: GoogleEvent[];
  nextPageToken?: string;
  nextSyncToken?: string;
  timeZone: string;
}

const EVENTS = '/google/calendar/v3/calendars/workplace%40switchyard.example/events';

describe('google (OAuth2 JWT bearer grant)', () => {
  let t: TestSimulator;
  beforeEach(async () => {
    t = await startSimulator();
  });
  afterEach(() => t.sim.close());

  it('grants a token for an assertion signed with the demo service-account key', async () => {
    const answer = await googleTokenRequest(t.sim, await googleAssertion(t.sim, t.clock.time));
    expect(answer.status).toBe(200);
    const body = answer.json<{ access_token: string; expires_in: number; token_type: string }>();
    expect(body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
    expect((await call(t.sim, EVENTS, { headers: credentials('google', body.access_token) })).status).toBe(200);
    t.clock.advance(3599_000);
    expect((await call(t.sim, EVENTS, { headers: credentials('google', body.access_token) })).status).toBe(401);
  });

  it('refuses an assertion signed with another key, or living past an hour, with invalid_grant', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const otherKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const wrongKey = await googleTokenRequest(
      t.sim,
      await googleAssertion(t.sim, t.clock.time, { privateKey: otherKey }),
    );
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });

    const longLived = await googleTokenRequest(
      t.sim,
      await googleAssertion(t.sim, t.clock.time, { lifetimeSeconds: 7200 }),
    );
    const longLivedBody = longLived.json<{ error: string; error_description: string }>();
    expect(longLivedBody.error).toBe('invalid_grant');
    expect(longLivedBody.error_description).toMatch(/short-lived/);
    const stale = await googleTokenRequest(t.sim, await googleAssertion(t.sim, t.clock.time - 2 * 3600_000));
    expect(stale.json()).toMatchObject({ error: 'invalid_grant' });
    const stranger = await googleTokenRequest(
      t.sim,
      await googleAssertion(t.sim, t.clock.time, { iss: 'x@y.iam.gserviceaccount.com' }),
    );
    expect(stranger.json()).toMatchObject({ error: 'invalid_grant' });
    const wrongGrant = await call(t.sim, '/google/token', sendJson('POST', { grant_type: 'client_credentials' }));
    expect(wrongGrant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('refuses calendar calls without a token (401) or without a calendar scope (403) in Google’s envelope', async () => {
    const missing = await call(t.sim, EVENTS);
    expect(missing.status).toBe(401);
    expect(missing.json()).toMatchObject({
      error: { code: 401, status: 'UNAUTHENTICATED', errors: [{ domain: 'global', reason: 'authError' }] },
    });
    const assertion = await googleAssertion(t.sim, t.clock.time, { scope: 'https://www.googleapis.com/auth/drive' });
    const token = (await googleTokenRequest(t.sim, assertion)).json<{ access_token: string }>().access_token;
    const forbidden = await call(t.sim, EVENTS, { headers: credentials('google', token) });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: { errors: [{ reason: 'insufficientPermissions' }] } });
  });
});

describe('google (Calendar API v3 events)', () => {
  let t: TestSimulator;
  let token: string;
  beforeEach(async () => {
    t = await startSimulator();
    token = await googleToken(t);
  });
  afterEach(() => t.sim.close());

  const list = async (query: string) => {
    const answer = await call(t.sim, `${EVENTS}?${query}`, { headers: credentials('google', token) });
    return { status: answer.status, page: answer.json<EventsPage>(), text: answer.text };
  };

  async function listAll(query: string): Promise<{ items: GoogleEvent[]; pages: number; syncToken: string }> {
    const items: GoogleEvent[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    for (;;) {
      const { status, page } = await list(query + (pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''));
      expect(status).toBe(200);
      items.push(...page.items);
      pages++;
      if (page.nextPageToken === undefined) {
        expect(page.nextSyncToken).toEqual(expect.any(String));
        return { items, pages, syncToken: page.nextSyncToken ?? '' };
      }
      expect(page.nextSyncToken).toBeUndefined();
      pageToken = page.nextPageToken;
    }
  }

  it('pages with pageToken to a last page that carries nextSyncToken', async () => {
    const whole = (await list('maxResults=2500')).page.items;
    const { items, pages } = await listAll('maxResults=7');
    expect(pages).toBeGreaterThan(3);
    expect(items.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    const masters = items.filter((e) => e.recurrence);
    expect(masters.length).toBe(8);
    expect(masters.every((e) => e.recurrence?.[0].startsWith('RRULE:FREQ='))).toBe(true);
    // Cancelled occurrences of a series are listed even without showDeleted when singleEvents is false.
    expect(items.some((e) => e.status === 'cancelled' && e.recurringEventId)).toBe(true);
    expect(items.some((e) => e.start?.date !== undefined)).toBe(true);
  });

  it('expands recurring events into instances ordered by start time within the window', async () => {
    const { page } = await list(
      'singleEvents=true&orderBy=startTime&timeMin=2026-05-14T00:00:00Z&timeMax=2026-06-14T00:00:00Z&maxResults=2500',
    );
    expect(page.timeZone).toBe('America/Chicago');
    const instances = page.items.filter((e) => e.recurringEventId);
    expect(instances.length).toBeGreaterThan(10);
    expect(page.items.some((e) => e.recurrence)).toBe(false);
    expect(page.items.every((e) => e.status !== 'cancelled')).toBe(true);
    const starts = page.items.map((e) => Date.parse(e.start?.dateTime ?? `${e.start?.date}T00:00:00Z`));
    expect(starts.every((s) => s < Date.parse('2026-06-14T00:00:00Z'))).toBe(true);
    const first = instances[0];
    expect(first.id).toMatch(new RegExp(`^${first.recurringEventId}_\\d{8}T\\d{6}Z$`));
    expect(first.start?.dateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(first.originalStartTime).toEqual({ dateTime: first.start?.dateTime, timeZone: first.start?.timeZone });
  });

  it('syncs incrementally with syncToken: only changes, deletions as cancelled', async () => {
    const full = await listAll('maxResults=100');
    t.sim.advance('google', 40);
    const delta = await listAll(`syncToken=${encodeURIComponent(full.syncToken)}`);
    expect(delta.items.length).toBeGreaterThan(0);
    expect(delta.items.length).toBeLessThan(full.items.length);
    expect(delta.items.some((e) => e.status === 'cancelled' && !e.recurringEventId)).toBe(true);
    const quiet = await listAll(`syncToken=${encodeURIComponent(delta.syncToken)}`);
    expect(quiet.items).toEqual([]);
  });

  it('answers 410 fullSyncRequired once sync tokens expire, and a full resync recovers', async () => {
    const full = await listAll('maxResults=100');
    const expired = await call(t.sim, '/_control/vendors/google/actions/expire-sync-tokens', { method: 'POST' });
    expect(expired.status).toBe(200);
    const gone = await list(`syncToken=${encodeURIComponent(full.syncToken)}`);
    expect(gone.status).toBe(410);
    expect(gone.page).toMatchObject({
      error: { code: 410, errors: [{ domain: 'calendar', reason: 'fullSyncRequired', location: 'syncToken' }] },
    });
    const again = await listAll('maxResults=100');
    expect(again.items.map((e) => e.id)).toEqual(full.items.map((e) => e.id));
    expect((await list(`syncToken=${encodeURIComponent(again.syncToken)}`)).status).toBe(200);
  });

  it('refuses bad parameter combinations with Google’s 400 envelope', async () => {
    const full = await listAll('maxResults=100');
    const cases: [string, string][] = [
      [`syncToken=${encodeURIComponent(full.syncToken)}&timeMin=2026-05-01T00:00:00Z`, 'invalid'],
      ['orderBy=startTime', 'invalid'],
      ['timeMin=2026-05-02T00:00:00Z&timeMax=2026-05-01T00:00:00Z', 'timeRangeEmpty'],
      ['timeMin=yesterday', 'invalid'],
      ['pageToken=forged', 'invalid'],
    ];
    for (const [query, reason] of cases) {
      const { status, page } = await list(query);
      expect(status).toBe(400);
      expect(page).toMatchObject({ error: { code: 400, errors: [{ reason }] } });
    }
  });

  it('applies faults with Google’s 429 body and drifts dateTime', async () => {
    t.sim.addFault('google', { type: 'rate_limit', count: 1 });
    const limited = await list('');
    expect(limited.status).toBe(429);
    expect(limited.page).toMatchObject({ error: { code: 429, errors: [{ reason: 'rateLimitExceeded' }] } });
    t.sim.addFault('google', { type: 'schema_drift', count: 1 });
    const drifted = await list('');
    expect(drifted.text).toContain('"date_time":');
    expect(drifted.text).not.toContain('"dateTime":');
  });

  it('is deterministic for a seed', async () => {
    const other = await startSimulator();
    try {
      const otherToken = await googleToken(other);
      t.sim.advance('google', 25);
      other.sim.advance('google', 25);
      const query = `${EVENTS}?singleEvents=true&timeMin=2026-05-01T00:00:00Z&maxResults=2500`;
      const mine = await call(t.sim, query, { headers: credentials('google', token) });
      const theirs = await call(other.sim, query, { headers: credentials('google', otherToken) });
      expect(mine.text).toEqual(theirs.text);
    } finally {
      await other.sim.close();
    }
  });
});
