import type { DomainEvent, Page, RawSnapshot, RawSnapshotSummary, SyncRun } from '@switchyard/contracts';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import {
  crmTestSource,
  selectRows,
  simulatorConnector,
  startSyncTestbed,
  testSource,
  type SyncTestbed,
} from '../../test/support/sync-testbed';
import { DomainEventBus } from '../events';

const WEBHOOK_SECRET = `whsec_${Buffer.alloc(24, 3).toString('base64')}`;

describe('sync engine against the simulator', () => {
  let bed: SyncTestbed;
  let db: DataSource;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    // Data only changes when a test advances the simulator.
    bed = await startSyncTestbed({ evolveEveryMs: 3_600_000 });
    db = bed.app.app.get(DataSource);
    bed.app.app.get(DomainEventBus).events$.subscribe((e) => events.push(e));
    await bed.api('/credentials', {
      method: 'POST',
      body: { id: 'pm-hooks', name: 'PM hooks', kind: 'webhook-secret', secret: WEBHOOK_SECRET },
    });
    await bed.createSource(
      testSource(bed.simulator.url, {
        id: 'pm-projects',
        connector: simulatorConnector(bed.simulator.url, 'simulator-pm', 'projects', 'pm-oauth'),
        fullSync: { expression: '0 2 * * *', timeZone: 'UTC' },
        webhookSecretCredentialId: 'pm-hooks',
      }),
    );
  });

  afterAll(async () => {
    await bed.close();
  });

  const rows = async (table: string, sourceId: string) =>
    (
      await selectRows<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM "${table}" WHERE source_id = $1 AND deleted_at IS NULL`,
        [sourceId],
      )
    )[0].n;
  const snapshotCount = async (sourceId: string) =>
    (await bed.api<Page<RawSnapshotSummary>>(`/sources/${sourceId}/snapshots`)).body.total;

  it('does a first full sync through OAuth2 client credentials and page pagination', async () => {
    const run = await bed.sync('pm-projects');
    expect(run).toMatchObject({
      status: 'succeeded',
      mode: 'full',
      pages: 1,
      recordsFetched: 24,
      recordsUpserted: 24,
      errorCode: null,
    });
    expect(await rows('projects', 'pm-projects')).toBe(24);
    const source = await bed.source('pm-projects');
    expect(source.status).toMatchObject({
      lastRunStatus: 'succeeded',
      freshness: { state: expect.any(String) as unknown },
    });
    expect(source.status.lastSuccessAt).not.toBeNull();
    expect(source.status.dataAsOf).not.toBeNull();
    expect(source.status.cursor).toBe(source.status.dataAsOf);
    const tokenRequests = bed.simulator.requests({ vendor: 'pm' }).filter((r) => r.path.startsWith('/pm/oauth/token'));
    expect(tokenRequests).toHaveLength(1);
  });

  it('keeps every raw page, readable by id', async () => {
    const list = await bed.api<Page<RawSnapshotSummary>>('/sources/pm-projects/snapshots');
    expect(list.body.total).toBe(1);
    const first = list.body.items[0];
    expect(first).toMatchObject({
      sourceId: 'pm-projects',
      full: true,
      bytes: expect.any(Number) as unknown,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    const one = await bed.api<RawSnapshot>(`/sources/pm-projects/snapshots/${first.id}`);
    expect((one.body.payload as { data: unknown[] }).data.length).toBeGreaterThan(0);
    expect((await bed.api(`/sources/pm-projects/snapshots/not-a-uuid`)).status).toBe(400);
  });

  it('syncs incrementally from the stored cursor and skips an unchanged upstream without writing', async () => {
    const first = await bed.sync('pm-projects');
    expect(first).toMatchObject({ mode: 'incremental', status: 'succeeded', recordsUpserted: 0 });
    const incremental = bed.simulator.requests({ vendor: 'pm' }).filter((r) => r.path.includes('updated_since='));
    expect(incremental.length).toBeGreaterThan(0);
    const snapshotsBefore = await snapshotCount('pm-projects');
    const [{ synced }] = await selectRows<{ synced: Date }>(db, `SELECT max(synced_at) AS synced FROM projects`);
    const unchanged = await bed.sync('pm-projects');
    expect(unchanged).toMatchObject({ status: 'skipped_unchanged', recordsUpserted: 0, recordsDeleted: 0 });
    expect(await snapshotCount('pm-projects')).toBe(snapshotsBefore);
    expect((await selectRows<{ synced: Date }>(db, `SELECT max(synced_at) AS synced FROM projects`))[0].synced).toEqual(
      synced,
    );
  });

  it('writes only what changed upstream and announces the ids', async () => {
    bed.simulator.advance('pm', 1);
    events.length = 0;
    const run = await bed.sync('pm-projects');
    expect(run.status).toBe('succeeded');
    expect(run.recordsUpserted).toBeGreaterThan(0);
    expect(run.recordsUpserted).toBeLessThan(24);
    const changed = events.find((e) => e.type === 'records.changed');
    expect(changed).toMatchObject({ sourceId: 'pm-projects', domain: 'projects' });
    expect(changed?.type === 'records.changed' && changed.upsertedIds.length).toBe(run.recordsUpserted);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['sync.started', 'sync.finished']));
  });

  it('runs a full refresh on request and tombstones nothing when nothing disappeared', async () => {
    const run = await bed.sync('pm-projects', 'full');
    expect(run).toMatchObject({ mode: 'full', recordsDeleted: 0 });
    expect(await rows('projects', 'pm-projects')).toBe(24);
  });

  it('stores each CRM brand under its tenant, following ClientTether pages', async () => {
    await bed.createSource(crmTestSource(bed.simulator.url, 'crm-acme-leads', 'leads'));
    const run = await bed.sync('crm-acme-leads');
    expect(run.status).toBe('succeeded');
    expect(run.recordsUpserted).toBeGreaterThanOrEqual(300);
    const tenants = await selectRows(db, `SELECT DISTINCT tenant_id FROM crm_leads WHERE source_id = 'crm-acme-leads'`);
    expect(tenants).toEqual([{ tenant_id: 'acme-fitness' }]);
  });

  it('seals team sentiment at rest', async () => {
    await bed.createSource(testSource(bed.simulator.url, { id: 'hris-people' }));
    expect((await bed.sync('hris-people')).status).toBe('succeeded');
    const teams: Array<{ sentiment_sealed: string }> = await db.query(
      `SELECT sentiment_sealed FROM teams WHERE source_id = 'hris-people'`,
    );
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) expect(team.sentiment_sealed).toMatch(/^v1:test:/);
    expect(await rows('departments', 'hris-people')).toBe(5);
  });

  it('stores metric samples once each, asking only for new points', async () => {
    await bed.createSource(
      testSource(bed.simulator.url, {
        id: 'metrics',
        connector: simulatorConnector(bed.simulator.url, 'simulator-metrics', 'series', 'metrics-key'),
      }),
    );
    const first = await bed.sync('metrics');
    expect(first.status).toBe('succeeded');
    const samples = await rows('data_points', 'metrics');
    expect(samples).toBeGreaterThan(100);
    const second = await bed.sync('metrics');
    expect(['succeeded', 'skipped_unchanged']).toContain(second.status);
    // New points may have appeared meanwhile (one per metric every 10 s); none is stored twice.
    expect(second.recordsUpserted).toBeLessThan(first.recordsUpserted);
    expect(await rows('data_points', 'metrics')).toBe(samples + second.recordsUpserted);
    expect(bed.simulator.requests({ vendor: 'metrics' }).at(-1)?.path).toContain('since=');
  });

  it('refreshes a pulled source when its signed change notification arrives', async () => {
    bed.simulator.setWebhook('pm', {
      url: `${bed.app.baseUrl}/api/v1/sources/pm-projects/webhook`,
      secret: WEBHOOK_SECRET,
    });
    const delivery = await bed.simulator.notify('pm');
    expect(delivery?.ids.length).toBeGreaterThan(0);
    let runs: SyncRun[] = [];
    for (let i = 0; i < 100 && runs.length === 0; i += 1) {
      runs = (await bed.api<Page<SyncRun>>('/sync-runs?sourceId=pm-projects&trigger=webhook')).body.items;
      if (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(runs).toHaveLength(1);
    expect((await bed.waitForRun(runs[0].id)).status).toBe('succeeded');
  });

  it('refuses a notification with a bad signature and queues nothing', async () => {
    const before = (await bed.api<Page<SyncRun>>('/sync-runs?sourceId=pm-projects')).body.total;
    const body = JSON.stringify({ type: 'projects.changed', data: { projectIds: ['PRJ-1001'] } });
    const headers = new Webhook(`whsec_${Buffer.alloc(24, 9).toString('base64')}`).sign('msg_1', new Date(), body);
    const response = await fetch(`${bed.app.baseUrl}/api/v1/sources/pm-projects/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': headers,
      },
      body,
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect((await bed.api<Page<SyncRun>>('/sync-runs?sourceId=pm-projects')).body.total).toBe(before);
  });

  it('stores and normalizes the events a webhook-fed source receives', async () => {
    await bed.createSource({
      id: 'calendar-push',
      name: 'Calendar push',
      kind: 'webhook',
      connector: { id: 'simulator-calendar', stream: 'events' },
      cadence: { type: 'interval', everySeconds: 600 },
      freshness: { warnAfterSeconds: 3600, staleAfterSeconds: 7200 },
      webhookSecretCredentialId: 'pm-hooks',
    });
    const body = JSON.stringify({
      items: [
        {
          id: 'evt-9001',
          title: 'Vendor sync',
          location: 'HQ',
          timeZone: 'America/Chicago',
          start: '2026-03-09T09:00:00',
          end: '2026-03-09T10:00:00',
          rrule: 'FREQ=WEEKLY;BYDAY=MO',
          organizer: 'ops@example.com',
          cancelled: false,
          updated: new Date().toISOString(),
        },
      ],
    });
    const signature = new Webhook(WEBHOOK_SECRET).sign('msg_push_1', new Date(), body);
    const response = await fetch(`${bed.app.baseUrl}/api/v1/sources/calendar-push/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_push_1',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': signature,
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ trigger: 'webhook', status: 'succeeded', recordsUpserted: 1 });
    const [event] = await selectRows<{ starts_at: Date; time_zone: string; rrule: string }>(
      db,
      `SELECT starts_at, time_zone, rrule FROM calendar_events WHERE source_id = 'calendar-push'`,
    );
    // 09:00 in Chicago on the Monday after DST began is 14:00 UTC.
    expect(event.starts_at.toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(event).toMatchObject({ time_zone: 'America/Chicago', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect((await bed.source('calendar-push')).status.lastSuccessAt).not.toBeNull();
  });

  it('counts runs, requests and freshness in Prometheus metrics', async () => {
    const text = await (await fetch(`${bed.app.baseUrl}/metrics`)).text();
    expect(text).toMatch(/switchyard_sync_runs_total\{source="pm-projects",status="succeeded"\} [1-9]/);
    expect(text).toMatch(/switchyard_sync_runs_total\{source="pm-projects",status="skipped_unchanged"\} [1-9]/);
    expect(text).toMatch(/switchyard_upstream_requests_total\{source="pm-projects",outcome="200"\} [1-9]/);
    expect(text).toContain('switchyard_sync_duration_seconds_bucket{le="0.05",source="pm-projects"}');
    expect(text).toMatch(/switchyard_source_freshness_state\{source="pm-projects"\} \d/);
    expect(text).toMatch(/switchyard_source_breaker_state\{source="pm-projects"\} 0/);
  });

  it('filters sync runs and validates the filters', async () => {
    const failedOnly = await bed.api<Page<SyncRun>>('/sync-runs?status=failed,partial');
    expect(failedOnly.status).toBe(200);
    expect(failedOnly.body.items.every((r) => ['failed', 'partial'].includes(r.status))).toBe(true);
    const bad = await bed.api<{ error: { fields: Array<{ field: string }> } }>('/sync-runs?status=exploded');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('status');
  });
});
