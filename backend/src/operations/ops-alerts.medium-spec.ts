import type { AlertRuleInput, AlertView, DomainEvent, Silence } from '@switchyard/contracts';
import { roleApi } from '../../test/support/role-api';
import { SteppedClock } from '../../test/support/stepped-clock';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { DomainEventBus } from '../events';

type AlertChanged = Extract<DomainEvent, { type: 'alert.changed' }>;

describe('operations alerts (injected clock)', () => {
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
    const body = {
      name: overrides.id,
      metric: overrides.id,
      warning: 70,
      critical: 85,
      direction: 'above',
      holdSeconds: 60,
      noDataAfterSeconds: 600,
      ...overrides,
    };
    const answer = await api('master_admin', 'POST', '/ops/alert-rules', body);
    expect(answer.status).toBe(201);
  };
  const push = async (metric: string, value: number) => {
    const answer = await api('technical_admin', 'POST', '/ops/data-points', {
      points: [{ source: 'test-feed', category: 'system_health', metric, value }],
    });
    expect(answer.status).toBe(202);
  };
  const aggregate = async () => expect((await api('master_admin', 'POST', '/ops/aggregate')).status).toBe(200);
  const alertsOf = async (ruleId: string) =>
    (await api<{ items: AlertView[] }>('master_admin', 'GET', '/ops/alerts?limit=500')).body.items.filter(
      (a) => a.ruleId === ruleId,
    );
  const transitions = (ruleId: string) =>
    events
      .filter((e) => e.alert.ruleId === ruleId)
      .map((e) => `${e.previous ?? 'new'}->${e.alert.state}${e.alert.severity ? `:${e.alert.severity}` : ''}`);

  it('seeds the blueprint thresholds as default rules', async () => {
    const rules = (await api<{ items: AlertRuleInput[] }>('business_admin', 'GET', '/ops/alert-rules')).body.items;
    const byId = Object.fromEntries(rules.map((r) => [r.id, [r.warning, r.critical, r.direction]]));
    expect(byId).toMatchObject({
      cpu_usage: [70, 85, 'above'],
      memory_usage: [75, 90, 'above'],
      response_time: [1000, 3000, 'above'],
      error_rate: [5, 10, 'above'],
      workflow_success_rate: [90, 80, 'below'],
      active_users_now: [100, 50, 'below'],
      failed_auth_attempts: [10, 25, 'above'],
    });
  });

  it('goes pending, fires once the breach held, recovers and resolves once recovery held', async () => {
    await rule({ id: 't_cpu' });
    await push('t_cpu', 90);
    await aggregate();
    expect((await alertsOf('t_cpu')).map((a) => [a.state, a.severity])).toEqual([['pending', 'critical']]);

    clock.advance(30);
    await push('t_cpu', 91);
    await aggregate();
    expect((await alertsOf('t_cpu'))[0].state).toBe('pending');

    clock.advance(30);
    await push('t_cpu', 92);
    await aggregate();
    const [firing] = await alertsOf('t_cpu');
    expect(firing).toMatchObject({ state: 'firing', severity: 'critical', value: 92, threshold: 85 });
    expect(firing.firedAt).toBe(clock.now().toISOString());

    clock.advance(10);
    await push('t_cpu', 40);
    await aggregate();
    expect((await alertsOf('t_cpu'))[0].state).toBe('recovering');

    clock.advance(60);
    await push('t_cpu', 41);
    await aggregate();
    const [resolved] = await alertsOf('t_cpu');
    expect(resolved).toMatchObject({ id: firing.id, state: 'resolved', resolvedAt: clock.now().toISOString() });
    expect(transitions('t_cpu')).toEqual([
      'new->pending:critical',
      'pending->firing:critical',
      'firing->recovering:critical',
      'recovering->resolved',
    ]);
    expect(events.filter((e) => e.alert.ruleId === 't_cpu').map((e) => e.notify)).toEqual([false, true, false, true]);
  });

  it('handles below-direction rules, escalating from warning to critical', async () => {
    await rule({ id: 't_success', warning: 90, critical: 80, direction: 'below', holdSeconds: 0 });
    await push('t_success', 99);
    await aggregate();
    expect(await alertsOf('t_success')).toEqual([]);
    await push('t_success', 85);
    await aggregate();
    await push('t_success', 79);
    await aggregate();
    expect((await alertsOf('t_success')).map((a) => [a.state, a.severity, a.threshold])).toEqual([
      ['firing', 'critical', 80],
    ]);
    expect(transitions('t_success')).toEqual([
      'new->pending:warning',
      'pending->firing:warning',
      'firing->firing:critical',
    ]);
  });

  it('gives no_data when a metric stops arriving, and resolves when it is back', async () => {
    await rule({ id: 't_quiet', noDataAfterSeconds: 30, alertOnNoData: true });
    await push('t_quiet', 10);
    await aggregate();
    expect(await alertsOf('t_quiet')).toEqual([]);
    clock.advance(31);
    await aggregate();
    expect((await alertsOf('t_quiet')).map((a) => a.state)).toEqual(['no_data']);
    await push('t_quiet', 10);
    await aggregate();
    expect((await alertsOf('t_quiet')).map((a) => a.state)).toEqual(['resolved']);
  });

  it('records who acknowledged an alert, when, and why; a closed alert cannot be acknowledged', async () => {
    await rule({ id: 't_ack', holdSeconds: 0 });
    await push('t_ack', 99);
    await aggregate();
    const [alert] = await alertsOf('t_ack');
    const forbidden = await api('business_admin', 'POST', `/ops/alerts/${alert.id}/acknowledge`, { comment: 'x' });
    expect(forbidden.status).toBe(403);
    const acked = await api<AlertView>('operations_admin', 'POST', `/ops/alerts/${alert.id}/acknowledge`, {
      comment: 'Looking into the runaway batch job',
    });
    expect(acked.status).toBe(200);
    expect(acked.body.acknowledgement).toEqual({
      by: 'operations_admin@test.local',
      at: clock.now().toISOString(),
      comment: 'Looking into the runaway batch job',
    });
    expect(acked.body.state).toBe('firing');
    expect((await api<AlertView>('master_admin', 'GET', `/ops/alerts/${alert.id}`)).body.acknowledgement).toEqual(
      acked.body.acknowledgement,
    );

    await push('t_ack', 1);
    await aggregate();
    const late = await api('master_admin', 'POST', `/ops/alerts/${alert.id}/acknowledge`, { comment: 'too late' });
    expect(late.status).toBe(409);
  });

  it('silences notifications while the state stays visible, and never raises a duplicate', async () => {
    await rule({ id: 't_silenced', holdSeconds: 0 });
    const silence = await api<Silence>('operations_admin', 'POST', '/ops/silences', {
      matchers: { metric: 't_silenced' },
      endsAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
      comment: 'planned maintenance',
    });
    expect(silence.status).toBe(201);
    expect(silence.body).toMatchObject({ active: true, createdBy: 'operations_admin@test.local' });

    await push('t_silenced', 99);
    await aggregate();
    await push('t_silenced', 98);
    await aggregate();
    await aggregate();
    const open = (await alertsOf('t_silenced')).filter((a) => a.state !== 'resolved');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ state: 'firing', silencedBy: silence.body.id });
    const own = events.filter((e) => e.alert.ruleId === 't_silenced');
    expect(own.map((e) => e.alert.state)).toEqual(['pending', 'firing']);
    expect(own.every((e) => !e.notify)).toBe(true);

    const listed = await api<{ items: Silence[] }>('technical_admin', 'GET', '/ops/silences');
    expect(listed.body.items.map((s) => s.id)).toContain(silence.body.id);
    expect((await api('master_admin', 'DELETE', `/ops/silences/${silence.body.id}`)).status).toBe(204);
    expect((await api('master_admin', 'DELETE', `/ops/silences/${silence.body.id}`)).status).toBe(404);
  });

  it('resolves an open alert when its rule is deleted', async () => {
    await rule({ id: 't_gone', holdSeconds: 0 });
    await push('t_gone', 99);
    await aggregate();
    expect((await alertsOf('t_gone'))[0].state).toBe('firing');
    expect((await api('technical_admin', 'DELETE', '/ops/alert-rules/t_gone')).status).toBe(204);
    await aggregate();
    expect((await alertsOf('t_gone'))[0].state).toBe('resolved');
  });

  it('refuses bad rules and a duplicate id with the API error format', async () => {
    const bad = await api<{ error: { code: string; fields: Array<{ field: string }> } }>(
      'master_admin',
      'POST',
      '/ops/alert-rules',
      { id: 'Bad Id', name: 'x', metric: 'x', warning: 90, critical: 80, direction: 'above', extra: 1 },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields.map((f) => f.field).sort()).toEqual(['critical', 'extra', 'id']);
    const again = await api('master_admin', 'POST', '/ops/alert-rules', {
      id: 'cpu_usage',
      name: 'x',
      metric: 'cpu_usage',
      warning: 1,
      critical: 2,
      direction: 'above',
    });
    expect(again.status).toBe(409);
  });
});
