import type { AlertRule, AlertRuleInput, AlertView, DomainEvent } from '@switchyard/contracts';
import { roleApi } from '../../test/support/role-api';
import { SteppedClock } from '../../test/support/stepped-clock';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { DomainEventBus } from '../events';

type AlertChanged = Extract<DomainEvent, { type: 'alert.changed' }>;

// Issue 20, item 3: a rule judges each series (metric + source + labels) on its own.
describe('operations alerts per series (injected clock)', () => {
  const clock = new SteppedClock();
  let app: TestApp;
  let api: ReturnType<typeof roleApi>;
  const events: AlertChanged[] = [];

  beforeAll(async () => {
    app = await startTestApp({ SYNC_ENABLED: 'false', OPS_AGGREGATOR_ENABLED: 'false' }, { clock });
    api = roleApi(app);
    app.app
      .get(DomainEventBus)
      .ofType('alert.changed')
      .subscribe((e) => events.push(e));
  });

  afterAll(async () => {
    await app.close();
  });

  const rule = async (overrides: Partial<AlertRuleInput> & Pick<AlertRuleInput, 'id'>) => {
    const answer = await api<AlertRule>('master_admin', 'POST', '/ops/alert-rules', {
      name: overrides.id,
      metric: overrides.id,
      warning: 70,
      critical: 85,
      direction: 'above',
      holdSeconds: 0,
      noDataAfterSeconds: 60,
      ...overrides,
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const push = async (metric: string, source: string, value: number, labels?: Record<string, string>) => {
    const answer = await api('technical_admin', 'POST', '/ops/data-points', {
      points: [{ source, category: 'system_health', metric, value, ...(labels ? { labels } : {}) }],
    });
    expect(answer.status).toBe(202);
  };
  const aggregate = async () => expect((await api('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
  const openOf = async (ruleId: string) =>
    (await api<{ items: AlertView[] }>('master_admin', 'GET', '/ops/alerts?state=open&limit=500')).body.items
      .filter((a) => a.ruleId === ruleId)
      .sort((a, b) => (a.sourceId ?? '').localeCompare(b.sourceId ?? ''));
  const statesOf = async (ruleId: string) =>
    (await openOf(ruleId)).map((a) => `${a.series?.source ?? '*'}${JSON.stringify(a.series?.labels)}:${a.state}`);

  it('two sources pushing cpu_usage 97 and 40: one firing instance, the other normal, stably', async () => {
    const cpu = (await api<AlertRule>('master_admin', 'GET', '/ops/alert-rules/cpu_usage')).body;
    expect(cpu).toMatchObject({ warning: 70, critical: 85, matchers: {}, groupBy: null });
    for (let round = 0; round < 6; round += 1) {
      // The order of arrival alternates: the newest point of the metric is sometimes 97, sometimes 40.
      if (round % 2 === 0) {
        await push('cpu_usage', 'node-hot', 97);
        await push('cpu_usage', 'node-cool', 40);
      } else {
        await push('cpu_usage', 'node-cool', 40);
        await push('cpu_usage', 'node-hot', 97);
      }
      await aggregate();
      clock.advance(cpu.holdSeconds / 2 + 1);
    }
    const [hot, ...others] = await openOf('cpu_usage');
    expect(others).toEqual([]);
    expect(hot).toMatchObject({
      state: 'firing',
      severity: 'critical',
      value: 97,
      sourceId: 'node-hot',
      series: { source: 'node-hot', labels: {} },
      labels: { source: 'node-hot' },
    });
    expect(hot.message).toContain('source=node-hot');
    // node-cool never left normal: no instance of it ever changed; node-hot went up once and stayed.
    const own = events.filter((e) => e.alert.ruleId === 'cpu_usage');
    // What the alerts topic forwards: each change carries its instance's series.
    expect(own.every((e) => e.alert.sourceId === 'node-hot' && e.alert.series?.source === 'node-hot')).toBe(true);
    expect(own.map((e) => e.alert.state)).toEqual(['pending', 'firing']);
    expect(own.every((e) => e.alert.id === hot.id)).toBe(true);
  });

  it('keeps a separate lifecycle per series: one resolves while the other still fires', async () => {
    await rule({ id: 's_load' });
    await push('s_load', 'a', 90);
    await push('s_load', 'b', 95);
    await aggregate();
    expect(await statesOf('s_load')).toEqual(['a{}:firing', 'b{}:firing']);
    const [a] = await openOf('s_load');
    await push('s_load', 'a', 10);
    await push('s_load', 'b', 96);
    await aggregate();
    expect(await statesOf('s_load')).toEqual(['b{}:firing']);
    const resolved = await api<AlertView>('master_admin', 'GET', `/ops/alerts/${a.id}`);
    expect(resolved.body).toMatchObject({ state: 'resolved', series: { source: 'a', labels: {} } });
  });

  it('tells series apart by their labels, filters them with matchers and groups them by labels', async () => {
    await rule({ id: 's_disk', matchers: { env: 'prod' } });
    await push('s_disk', 'host-1', 99, { env: 'prod', mount: '/' });
    await push('s_disk', 'host-1', 50, { env: 'prod', mount: '/data' });
    await push('s_disk', 'host-1', 99, { env: 'staging', mount: '/' });
    await aggregate();
    expect(await statesOf('s_disk')).toEqual(['host-1{"env":"prod","mount":"/"}:firing']);
    const [disk] = await openOf('s_disk');
    expect(disk.labels).toEqual({ env: 'prod', mount: '/', source: 'host-1' });

    // Grouped by env: the worst newest value of each group's series decides its one instance.
    await rule({ id: 's_mem', groupBy: ['env'] });
    await push('s_mem', 'host-1', 60, { env: 'prod' });
    await push('s_mem', 'host-2', 80, { env: 'prod' });
    await push('s_mem', 'host-3', 90, { env: 'staging' });
    await push('s_mem', 'host-4', 10, { env: 'staging' });
    await aggregate();
    const grouped = await openOf('s_mem');
    expect(grouped.map((a) => [a.series, a.severity, a.value])).toEqual(
      expect.arrayContaining([
        [{ source: null, labels: { env: 'prod' } }, 'warning', 80],
        [{ source: null, labels: { env: 'staging' } }, 'critical', 90],
      ]),
    );
    expect(grouped).toHaveLength(2);
  });

  it('judges no data per series: the quiet source goes no_data while the other stays normal', async () => {
    await rule({ id: 's_beat', alertOnNoData: true, noDataAfterSeconds: 30 });
    await push('s_beat', 'alive', 1);
    await push('s_beat', 'quiet', 1);
    await aggregate();
    expect(await statesOf('s_beat')).toEqual([]);
    clock.advance(31);
    await push('s_beat', 'alive', 2);
    await aggregate();
    expect(await statesOf('s_beat')).toEqual(['quiet{}:no_data']);
    clock.advance(120);
    await push('s_beat', 'alive', 3);
    await aggregate();
    // Still no data once the quiet series is past the look-back window: its open instance remembers it.
    expect(await statesOf('s_beat')).toEqual(['quiet{}:no_data']);
    await push('s_beat', 'quiet', 1);
    await aggregate();
    expect(await statesOf('s_beat')).toEqual([]);
  });

  it('refuses a point labelled source, and a rule grouping by one label twice, in the API error format', async () => {
    const point = await api<{ error: { code: string } }>('technical_admin', 'POST', '/ops/data-points', {
      points: [{ source: 'x', category: 'system_health', metric: 'x', value: 1, labels: { source: 'y' } }],
    });
    expect(point.status).toBe(400);
    expect(point.body.error.code).toBe('VALIDATION_FAILED');
    const bad = await api<{ error: { code: string } }>('master_admin', 'POST', '/ops/alert-rules', {
      id: 's_bad',
      name: 'x',
      metric: 'x',
      warning: 1,
      critical: 2,
      direction: 'above',
      groupBy: ['env', 'env'],
    });
    expect(bad.status).toBe(400);
    expect((await api('master_admin', 'GET', '/ops/alert-rules/s_bad')).status).toBe(404);
  });
});
