import type { BreakerState, ConnectorDefinition, DomainEvent, SyncRun } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { selectRows, startSyncTestbed, testSource, type SyncTestbed } from '../../test/support/sync-testbed';
import { DomainEventBus } from '../events';
import { SyncCoordinator } from './sync-coordinator.service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sync engine under upstream faults', () => {
  let bed: SyncTestbed;
  let db: DataSource;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    bed = await startSyncTestbed({ evolveEveryMs: 100 });
    db = bed.app.app.get(DataSource);
    bed.app.app.get(DomainEventBus).events$.subscribe((e) => events.push(e));
  });

  afterEach(() => {
    bed.simulator.clearFaults();
  });

  afterAll(async () => {
    await bed.close();
  });

  const hrisSource = (
    id: string,
    overrides: Parameters<typeof testSource>[1] extends infer T ? Partial<T> : never = {},
  ) => bed.createSource(testSource(bed.simulator.url, { id, ...overrides }));
  const teamsSnapshot = (sourceId: string) =>
    selectRows<{ external_id: string; headcount: number }>(
      db,
      `SELECT external_id, headcount, content_hash, synced_at FROM teams WHERE source_id = $1 ORDER BY external_id`,
      [sourceId],
    );

  it('honours Retry-After: state rate_limited and no request before the wait is over', async () => {
    await hrisSource('hris-limited');
    bed.simulator.addFault('hris', { type: 'rate_limit', retryAfterSeconds: 2, count: 1 });
    const limited = await bed.sync('hris-limited');
    expect(limited).toMatchObject({
      status: 'failed',
      errorCode: 'UPSTREAM_RATE_LIMITED',
      errorCategory: 'rate_limit',
      retryAfterSeconds: 2,
      retryable: true,
    });
    const source = await bed.source('hris-limited');
    expect(source.status.freshness.state).toBe('rate_limited');
    expect(source.status.rateLimitedUntil).not.toBeNull();

    const accepted = await bed.refresh('hris-limited');
    const waitMs = Date.parse(accepted.notBefore) - Date.now();
    expect(waitMs).toBeGreaterThan(1000);
    const coordinator = bed.app.app.get(SyncCoordinator);
    // Tick through the wait: nothing may be claimed until Retry-After has passed.
    while (Date.now() < Date.parse(accepted.notBefore) + 300) {
      await coordinator.tick();
      await sleep(100);
    }
    await coordinator.drain();
    expect((await bed.waitForRun(accepted.runId)).status).toBe('succeeded');
    const log = bed.simulator.requests({ vendor: 'hris' });
    const refused = log.find((r) => r.status === 429);
    const next = log.find((r) => Date.parse(r.at) > Date.parse(refused?.at ?? '') && r.status !== 429);
    expect(refused).toBeDefined();
    expect(Date.parse(next?.at ?? '') - Date.parse(refused?.at ?? '')).toBeGreaterThanOrEqual(2000);
  });

  it('opens the breaker after consecutive 5xx, probes half-open, and closes on success', async () => {
    await hrisSource('hris-breaker', { breaker: { failureThreshold: 3, halfOpenAfterMs: 1000 } });
    bed.simulator.addFault('hris', { type: 'server_error', status: 503, count: 3 });
    events.length = 0;
    for (let i = 0; i < 3; i += 1) {
      expect(await bed.sync('hris-breaker')).toMatchObject({
        status: 'failed',
        errorCode: 'UPSTREAM_SERVER_ERROR',
        errorCategory: 'upstream_error',
      });
    }
    expect((await bed.source('hris-breaker')).status.breaker).toMatchObject({
      state: 'open',
      halfOpenAt: expect.any(String) as unknown,
    });
    const requestsBefore = bed.simulator.requests({ vendor: 'hris' }).length;
    expect(await bed.sync('hris-breaker')).toMatchObject({
      status: 'skipped_breaker_open',
      attempts: 0,
      errorCode: 'BREAKER_OPEN',
    });
    expect(bed.simulator.requests({ vendor: 'hris' })).toHaveLength(requestsBefore);

    await sleep(1100);
    expect((await bed.source('hris-breaker')).status.breaker.state).toBe('half_open');
    expect(await bed.sync('hris-breaker')).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect((await bed.source('hris-breaker')).status.breaker.state).toBe('closed');
    const transitions = events
      .filter(
        (e): e is Extract<DomainEvent, { type: 'breaker.changed' }> =>
          e.type === 'breaker.changed' && e.sourceId === 'hris-breaker',
      )
      .map((e): [BreakerState, BreakerState] => [e.previous, e.state]);
    expect(transitions).toEqual([
      ['closed', 'open'],
      ['open', 'half_open'],
      ['half_open', 'closed'],
    ]);
  });

  it('aborts an attempt at the configured timeout and retries within bounds', async () => {
    await hrisSource('hris-slow', { timeoutMs: 300 });
    bed.simulator.addFault('hris', { type: 'timeout', count: 1 });
    const timedOut = await bed.sync('hris-slow');
    expect(timedOut).toMatchObject({
      status: 'failed',
      errorCode: 'UPSTREAM_TIMEOUT',
      errorCategory: 'timeout',
      attempts: 1,
    });
    expect(timedOut.errorMessage).toContain('within 300 ms');
    expect(timedOut.durationMs).toBeGreaterThanOrEqual(300);

    await bed.api('/sources/hris-slow', {
      method: 'PATCH',
      body: { retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 } },
    });
    bed.simulator.addFault('hris', { type: 'timeout', count: 2 });
    expect(await bed.sync('hris-slow')).toMatchObject({ status: 'succeeded', attempts: 3 });
  });

  it('fails malformed JSON as data_validation and keeps the last good data untouched', async () => {
    await hrisSource('hris-garbled');
    expect((await bed.sync('hris-garbled')).status).toBe('succeeded');
    const before = await teamsSnapshot('hris-garbled');
    const lastGood = (await bed.source('hris-garbled')).status.lastSuccessAt;
    bed.simulator.addFault('hris', { type: 'malformed_json', count: 1 });
    const run = await bed.sync('hris-garbled');
    expect(run).toMatchObject({
      status: 'failed',
      errorCode: 'UPSTREAM_MALFORMED_RESPONSE',
      errorCategory: 'data_validation',
      retryable: false,
    });
    expect(await teamsSnapshot('hris-garbled')).toEqual(before);
    const status = (await bed.source('hris-garbled')).status;
    expect(status.lastSuccessAt).toBe(lastGood);
    expect(status.lastError).toMatchObject({ code: 'UPSTREAM_MALFORMED_RESPONSE', category: 'data_validation' });
  });

  it('fails schema drift without partial rows, then rebuilds from raw after a mapping change', async () => {
    await hrisSource('hris-drift');
    expect((await bed.sync('hris-drift')).status).toBe('succeeded');
    const before = await teamsSnapshot('hris-drift');
    bed.simulator.addFault('hris', { type: 'schema_drift' });
    const drifted: SyncRun = await bed.sync('hris-drift');
    expect(drifted).toMatchObject({
      status: 'failed',
      errorCode: 'UPSTREAM_SCHEMA_MISMATCH',
      errorCategory: 'data_validation',
    });
    expect(drifted.errorMessage).toContain('headcount');
    expect(await teamsSnapshot('hris-drift')).toEqual(before);

    // The operator copies the connector, maps the renamed field and replays the stored raw pages.
    const builtIn = (await bed.api<ConnectorDefinition & { generatedAt: string }>('/connectors/simulator-hris')).body;
    const { builtIn: _b, version: _v, createdAt: _c, updatedAt: _u, generatedAt: _g, ...definition } = builtIn;
    const [departments, teams] = definition.streams[0].records;
    const fixed = {
      ...definition,
      id: 'hris-renamed',
      streams: [
        {
          ...definition.streams[0],
          records: [
            { ...departments, fields: { ...departments.fields, headcount: 'head_count' } },
            { ...teams, fields: { ...teams.fields, headcount: 'head_count' } },
          ],
        },
      ],
    };
    const created = await bed.api('/connectors', { method: 'POST', body: fixed });
    expect(created.status).toBe(201);
    const source = await bed.source('hris-drift');
    const patched = await bed.api('/sources/hris-drift', {
      method: 'PATCH',
      body: { connector: { ...source.connector, id: 'hris-renamed' } },
    });
    expect(patched.status).toBe(200);
    const replay = await bed.api<SyncRun>('/sources/hris-drift/replay', { method: 'POST' });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ trigger: 'replay', status: 'succeeded' });
    expect(replay.body.recordsUpserted).toBeGreaterThanOrEqual(before.length);
    const after = await teamsSnapshot('hris-drift');
    expect(after.map((t) => t.external_id)).toEqual(before.map((t) => t.external_id));
    expect(after.every((t) => Number.isInteger(t.headcount))).toBe(true);
  });

  it('turns a frozen upstream late, then stale, although every fetch succeeds', async () => {
    await hrisSource('hris-frozen', { freshness: { warnAfterSeconds: 1, staleAfterSeconds: 3 } });
    bed.simulator.advance('hris', 1);
    expect((await bed.sync('hris-frozen')).status).toBe('succeeded');
    bed.simulator.addFault('hris', { type: 'frozen' });
    // One more sync takes in whatever changed up to the freeze; from here nothing moves.
    await bed.sync('hris-frozen');
    const dataAsOf = (await bed.source('hris-frozen')).status.dataAsOf;
    await sleep(2200);
    const late = await bed.sync('hris-frozen');
    expect(['succeeded', 'skipped_unchanged']).toContain(late.status);
    let source = await bed.source('hris-frozen');
    expect(source.status.freshness).toMatchObject({
      state: 'late',
      reason: expect.stringContaining('newest upstream data') as unknown,
    });
    expect(source.status.dataAsOf).toBe(dataAsOf);

    await sleep(2000);
    expect((await bed.sync('hris-frozen')).status).toBe('skipped_unchanged');
    source = await bed.source('hris-frozen');
    expect(source.status.freshness).toMatchObject({
      state: 'stale',
      reason: expect.stringContaining('has not changed') as unknown,
    });
    expect(source.status.dataAsOf).toBe(dataAsOf);
    expect(Date.parse(source.status.lastSuccessAt ?? '')).toBeGreaterThan(Date.parse(dataAsOf ?? ''));
  });
});
