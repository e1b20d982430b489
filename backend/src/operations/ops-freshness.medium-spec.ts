import type { AlertView, DomainEvent, OpsMetricList, OpsSnapshot, SourceDefinitionInput } from '@switchyard/contracts';
import { roleApi } from '../../test/support/role-api';
import { SteppedClock } from '../../test/support/stepped-clock';
import { startSyncTestbed, type SyncTestbed } from '../../test/support/sync-testbed';
import { DomainEventBus } from '../events';
import { MetricsSyncFeed } from './data/metrics-sync-feed.service';

/** The demo metrics source: every 30 s, late past 90 s of data age, stale past 150 s. */
const metricsSource = (simulatorUrl: string): SourceDefinitionInput => ({
  id: 'metrics-system',
  name: 'Operations metrics',
  kind: 'http-pull',
  connector: {
    id: 'simulator-metrics',
    stream: 'series',
    credentialId: 'metrics-key',
    config: { baseUrl: simulatorUrl },
  },
  cadence: { type: 'interval', everySeconds: 30 },
  freshness: { warnAfterSeconds: 90, staleAfterSeconds: 150 },
  timeoutMs: 2000,
  retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 50 },
  breaker: { failureThreshold: 5, halfOpenAfterMs: 60_000 },
});

describe('operations fed by sync, and a frozen source raising a staleness alert', () => {
  const clock = new SteppedClock(Date.parse('2026-11-26T10:00:05Z'));
  let bed: SyncTestbed;
  let api: ReturnType<typeof roleApi>;
  const events: Array<Extract<DomainEvent, { type: 'alert.changed' | 'ops.snapshot' }>> = [];

  beforeAll(async () => {
    bed = await startSyncTestbed({ now: clock.epochMs }, { OPS_AGGREGATOR_ENABLED: 'false' }, { clock });
    api = roleApi(bed.app);
    bed.app.app
      .get(DomainEventBus)
      .ofType('alert.changed', 'ops.snapshot')
      .subscribe((e) => events.push(e));
    await bed.createSource(metricsSource(bed.simulator.url));
  });

  afterAll(async () => {
    await bed.close();
  });

  /** One cadence: the clock moves 30 s, the source syncs, the aggregator runs. */
  const cadence = async () => {
    clock.advance(30);
    expect(['succeeded', 'skipped_unchanged']).toContain((await bed.sync('metrics-system')).status);
    await bed.app.app.get(MetricsSyncFeed).drain();
    expect((await api('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
  };
  const freshnessAlert = async () =>
    (await api<{ items: AlertView[] }>('master_admin', 'GET', '/ops/alerts?state=open')).body.items.find(
      (a) => a.kind === 'freshness' && a.sourceId === 'metrics-system',
    );

  it('takes synced metrics into the snapshot, with no freshness alert while fresh', async () => {
    await cadence();
    const snapshot = (await api<OpsSnapshot>('master_admin', 'GET', '/ops/snapshot')).body;
    expect(snapshot.systemHealth?.cpuUsage).toEqual(expect.any(Number));
    expect(snapshot.workflowPerformance?.successRate).toEqual(expect.any(Number));
    expect(snapshot.performance?.totalDataPoints).toBeGreaterThan(100);
    expect(snapshot.performance?.dataSourcesActive).toBe(1);
    expect(events.some((e) => e.type === 'ops.snapshot')).toBe(true);
    // The units the synced samples carry come back with the metric list, for the console's figures.
    const metrics = (await api<OpsMetricList>('master_admin', 'GET', '/ops/metrics')).body.items;
    expect(metrics.find((m) => m.metric === 'cpu_usage')?.unit).toBe('percent');
    expect(metrics.find((m) => m.metric === 'mrr')?.unit).toBe('USD');
    expect(metrics.find((m) => m.metric === 'average_execution_time')?.unit).toBe('seconds');
    expect(await freshnessAlert()).toBeUndefined();
  });

  it('raises a warning within one cadence of the SLO, critical once stale, and resolves on recovery', async () => {
    bed.simulator.addFault('metrics', { type: 'frozen' });
    const frozenAt = clock.now().getTime();
    let late: AlertView | undefined;
    while (!late) {
      await cadence();
      late = await freshnessAlert();
      if (!late) expect(clock.now().getTime() - frozenAt).toBeLessThanOrEqual(90_000);
    }
    // The snapshot says the same about its cards: each module's own clock stops, with the source's SLO.
    const frozen = (await api<OpsSnapshot>('master_admin', 'GET', '/ops/snapshot')).body;
    const system = frozen.moduleClocks?.systemHealth;
    expect(system).toMatchObject({ warnAfterSeconds: 90, staleAfterSeconds: 150 });
    expect(clock.now().getTime() - Date.parse(system?.dataAsOf ?? '')).toBeGreaterThan(90_000);
    expect(frozen.freshness?.sources.map((s) => [s.id, s.state])).toEqual([['metrics-system', 'late']]);
    // Late (data older than 90 s) is a warning, raised at the first cadence past the SLO.
    expect(clock.now().getTime() - frozenAt).toBeLessThanOrEqual(90_000 + 30_000);
    expect(late).toMatchObject({ state: 'firing', severity: 'warning', module: 'system' });
    expect(late.message).toContain('late');

    let stale = late;
    while (stale.severity !== 'critical') {
      await cadence();
      stale = (await freshnessAlert()) as AlertView;
      expect(clock.now().getTime() - frozenAt).toBeLessThanOrEqual(150_000 + 30_000 + 10_000);
    }
    expect(stale).toMatchObject({ id: late.id, state: 'firing', severity: 'critical' });
    expect(stale.message).toContain('stale');

    bed.simulator.clearFaults('metrics');
    await cadence();
    expect(await freshnessAlert()).toBeUndefined();
    const own = events.filter(
      (e): e is Extract<DomainEvent, { type: 'alert.changed' }> =>
        e.type === 'alert.changed' && e.alert.sourceId === 'metrics-system',
    );
    expect(own.map((e) => `${e.alert.state}:${e.alert.severity ?? '-'}:${e.notify}`)).toEqual([
      'pending:warning:false',
      'firing:warning:true',
      'firing:critical:true',
      'recovering:critical:false',
      'resolved:-:true',
    ]);
  });
});
