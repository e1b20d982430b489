import type { SourceDefinitionInput } from '@switchyard/contracts';
import { GOOGLE_CALENDAR_ID, GOOGLE_DEMO_SERVICE_ACCOUNT } from '@switchyard/simulator';
import { DataSource } from 'typeorm';
import { selectRows, startSyncTestbed, testSource, type SyncTestbed } from '../../../test/support/sync-testbed';

interface EventRow {
  external_id: string;
  title: string;
  location: string | null;
  time_zone: string;
  local_start: string;
  local_end: string;
  rrule: string | null;
  organizer: string | null;
  cancelled: boolean;
}

describe('built-in connector google-calendar against the simulator’s Calendar API v3', () => {
  let bed: SyncTestbed;
  let db: DataSource;

  beforeAll(async () => {
    // Data moves only when a test advances it, so two reads a few seconds apart agree.
    bed = await startSyncTestbed({ evolveEveryMs: 3_600_000 });
    db = bed.app.app.get(DataSource);
    const key = JSON.stringify(GOOGLE_DEMO_SERVICE_ACCOUNT);
    for (const [id, secret] of [
      ['google-sa', key],
      [
        'google-wrong',
        JSON.stringify({ ...JSON.parse(key), client_email: 'nobody@switchyard-demo.iam.gserviceaccount.com' }),
      ],
    ]) {
      const created = await bed.api('/credentials', {
        method: 'POST',
        body: { id, name: id, kind: 'service-account', secret },
      });
      expect(created.status).toBe(201);
    }
  });

  afterEach(() => {
    bed.simulator.clearFaults();
  });

  afterAll(async () => {
    await bed.close();
  });

  const source = (id: string, credentialId = 'google-sa'): SourceDefinitionInput =>
    testSource(bed.simulator.url, {
      id,
      connector: {
        id: 'google-calendar',
        stream: 'events',
        credentialId,
        config: {
          maxResults: '10',
          baseUrl: `${bed.simulator.url}/google`,
          tokenUrl: `${bed.simulator.url}/google/token`,
          calendarId: GOOGLE_CALENDAR_ID,
        },
      },
    });
  const rows = (sourceId: string) =>
    selectRows<EventRow>(
      db,
      `SELECT external_id, title, location, time_zone, local_start, local_end, rrule, organizer, cancelled
         FROM calendar_events WHERE source_id = $1 AND deleted_at IS NULL ORDER BY external_id`,
      [sourceId],
    );

  const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern) as unknown;
  const requests = () => bed.simulator.requests({ vendor: 'google' }).filter((r) => r.path.includes('/events'));
  const dayAfter = (local: string) =>
    new Date(Date.parse(`${local.slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it('stores every event of the calendar as local wall time, zone and RRULE, paging to the end', async () => {
    await bed.createSource(source('gcal'));
    bed.simulator.clearRequests();
    const run = await bed.sync('gcal', 'full');
    expect(run).toMatchObject({ status: 'succeeded', errorCode: null, pages: 4 });
    const pages = requests();
    expect(pages).toHaveLength(4);
    expect(pages.every((r) => /singleEvents=false/.test(r.path) && /maxResults=10/.test(r.path))).toBe(true);
    expect(pages.slice(1).every((r) => /pageToken=/.test(r.path))).toBe(true);

    const stored = await rows('gcal');
    // 30 events: the cancelled ones (a called-off event, cancelled occurrences of series) are left out.
    expect(stored).toHaveLength(27);
    expect(new Set(stored.map((r) => r.external_id)).size).toBe(27);
    const byId = new Map(stored.map((r) => [r.external_id, r]));
    // A weekly series: the master's RRULE without its prefix, wall-clock times in its own zone.
    const series = byId.get('evt1030');
    expect(series).toEqual({
      external_id: 'evt1030',
      title: 'Leadership sync',
      location: 'Warehouse',
      time_zone: 'America/Denver',
      local_start: matching(/^\d{4}-\d{2}-\d{2}T15:00:00$/),
      local_end: `${series?.local_start.slice(0, 10)}T16:30:00`,
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE',
      organizer: 'isaac.schmidt@switchyard.example',
      cancelled: false,
    });
    // An all-day event: Google gives dates and no zone; the calendar's zone (America/Chicago) is used.
    const allDay = byId.get('evt1025');
    expect(allDay).toEqual({
      external_id: 'evt1025',
      title: 'Board prep',
      location: 'Remote',
      time_zone: 'America/Chicago',
      local_start: matching(/^\d{4}-\d{2}-\d{2}T00:00:00$/),
      local_end: `${dayAfter(allDay?.local_start ?? '')}T00:00:00`,
      rrule: null,
      organizer: 'lena.miller@switchyard.example',
      cancelled: false,
    });
    expect(byId.get('evt1023')).toMatchObject({
      title: 'Team standup',
      time_zone: 'America/Detroit',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
      local_start: matching(/T09:30:00$/),
    });
    // Served through the product's own API too.
    const api = await bed.api<{ events: Array<{ id: string; title: string }> }>('/events?timeframe=90d');
    expect(api.status).toBe(200);
  });

  it('resumes from the stored sync token, then resyncs in full without duplicates when the token expires', async () => {
    await bed.createSource(source('gcal-incr'));
    expect((await bed.sync('gcal-incr', 'full')).status).toBe('succeeded');
    const before = await rows('gcal-incr');

    bed.simulator.advance('google', 6);
    bed.simulator.clearRequests();
    const incremental = await bed.sync('gcal-incr', 'incremental');
    expect(incremental.status).toBe('succeeded');
    const asked = requests();
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => /syncToken=/.test(r.path))).toBe(true);
    expect(incremental.recordsFetched).toBeLessThan(before.length);
    const after = await rows('gcal-incr');
    expect(new Set(after.map((r) => r.external_id)).size).toBe(after.length);

    bed.simulator.action('google', 'expire-sync-tokens');
    bed.simulator.clearRequests();
    const resync = await bed.sync('gcal-incr', 'incremental');
    expect(resync.status).toBe('succeeded');
    const log = requests();
    expect(log[0]).toMatchObject({ status: 410 });
    expect(log.slice(1).every((r) => !/syncToken=/.test(r.path) && r.status === 200)).toBe(true);

    // The same rows a brand-new source gets from a full sync: nothing twice, nothing stale.
    await bed.createSource(source('gcal-fresh'));
    expect((await bed.sync('gcal-fresh', 'full')).status).toBe('succeeded');
    expect(await rows('gcal-incr')).toEqual(await rows('gcal-fresh'));

    // And the next incremental run uses the new token again.
    bed.simulator.clearRequests();
    expect((await bed.sync('gcal-incr', 'incremental')).status).toBe('succeeded');
    expect(requests().every((r) => /syncToken=/.test(r.path) && r.status === 200)).toBe(true);
  });

  it('waits out a 429 with Retry-After in the rate_limited state', async () => {
    await bed.createSource(source('gcal-limited'));
    bed.simulator.addFault('google', { type: 'rate_limit', retryAfterSeconds: 30, count: 1, pathPrefix: '/calendar' });
    const run = await bed.sync('gcal-limited', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 30 });
    expect((await bed.source('gcal-limited')).status.freshness.state).toBe('rate_limited');
    expect(await rows('gcal-limited')).toEqual([]);
  });

  it('without a tokenUrl setting asks the token_uri of the key itself', async () => {
    const key = { ...GOOGLE_DEMO_SERVICE_ACCOUNT, token_uri: `${bed.simulator.url}/google/token` };
    const created = await bed.api('/credentials', {
      method: 'POST',
      body: { id: 'google-own-uri', name: 'own uri', kind: 'service-account', secret: JSON.stringify(key) },
    });
    expect(created.status).toBe(201);
    const definition = source('gcal-own-uri', 'google-own-uri');
    const { tokenUrl: _none, ...config } = definition.connector.config ?? {};
    await bed.createSource({ ...definition, connector: { ...definition.connector, config } });
    bed.simulator.clearRequests();
    expect(await bed.sync('gcal-own-uri', 'full')).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(bed.simulator.requests({ vendor: 'google' })[0]).toMatchObject({ method: 'POST', path: '/google/token' });
    expect((await rows('gcal-own-uri')).length).toBeGreaterThan(20);
  });

  it('reports a refused service account as UPSTREAM_AUTH_FAILED with Google’s own words', async () => {
    await bed.createSource(source('gcal-wrong', 'google-wrong'));
    const run = await bed.sync('gcal-wrong', 'full');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'UPSTREAM_AUTH_FAILED' });
    expect(run.errorMessage).toContain('invalid_grant');
    expect(run.errorMessage).toContain('account not found');
  });
});
