import type { DomainEvent, IntegrationDetail, IntegrationList, IssueView, Page } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { postSignedWebhook } from '../../test/support/webhook-signer';
import { Clock } from '../common';
import { DomainEventBus } from '../events';
import { EventProcessorService } from './processing/event-processor.service';
import { IntegrationRetention } from './processing/integration-retention.service';

class SteppedClock extends Clock {
  private ms = Date.parse('2026-11-26T10:30:00Z');
  now(): Date {
    return new Date(this.ms);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

const SECRET = `whsec_${Buffer.from('gusto-triage-test-secret').toString('base64')}`;
const TERMINATED = (employee: number) =>
  `Employee ${employee} is terminated in Gusto but still has hours in the submitted timecards`;

describe('integration triage: classification, issues, health, feedback', () => {
  const clock = new SteppedClock();
  const published: DomainEvent[] = [];
  let app: TestApp;
  let ops: Record<string, string>;
  let sequence = 0;

  const send = (body: Record<string, unknown>) =>
    postSignedWebhook(`${app.baseUrl}/webhooks/gusto`, {
      id: `msg_${(sequence += 1)}`,
      secret: SECRET,
      timestamp: Math.floor(clock.now().getTime() / 1000),
      body,
    });
  const ago = (seconds: number) => new Date(clock.now().getTime() - seconds * 1000).toISOString();
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${app.baseUrl}/api/v1/${path}`, { headers: ops });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const post = async (path: string, body: unknown = {}) =>
    fetch(`${app.baseUrl}/api/v1/${path}`, {
      method: 'POST',
      headers: { ...ops, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const settle = () => app.app.get(EventProcessorService).settle();

  beforeAll(async () => {
    app = await startTestApp(
      { INTEGRATION_WEBHOOK_SECRETS: `gusto=${SECRET}`, INTEGRATION_PROCESS_TICK_MS: '60000' },
      { clock },
    );
    ops = { authorization: `Bearer ${await app.tokenFor('operations_admin')}` };
    app.app.get(DomainEventBus).events$.subscribe((event) => published.push(event));
  });

  afterAll(() => app.close());

  it('classifies failures, groups them into one issue, and reports health with MTTD (worked example)', async () => {
    for (let i = 0; i < 8; i += 1)
      expect((await send({ type: 'timecard.import', occurredAt: ago(60) })).status).toBe(202);
    const first = await send({
      type: 'payroll.submit',
      occurredAt: ago(90),
      error: { message: TERMINATED(88123), httpStatus: 409 },
    });
    // Processed apart (events that arrive together are recorded together: see the batch test).
    await settle();
    await send({ type: 'payroll.submit', occurredAt: ago(30), error: { message: TERMINATED(90411), httpStatus: 409 } });
    await settle();

    const event = await get<{ classification: { category: string; cause: string }; issueId: string }>(
      `integration-events/${String(first.body.eventId)}`,
    );
    expect(event.classification.category).toBe('data_state_mismatch');
    expect(event.classification.cause).toContain('Gusto');

    const issues = await get<Page<IssueView>>('integration-issues?integration=gusto&state=open');
    expect(issues.total).toBe(1);
    expect(issues.items[0]).toMatchObject({
      id: event.issueId,
      occurrences: 2,
      state: 'open',
      category: 'data_state_mismatch',
    });

    const health = await get<IntegrationDetail>('integrations/gusto');
    // 8 of 10 succeeded: below 90 % but fewer than 20 errors, so degraded. Stored 90 s and 30 s after they happened.
    expect(health).toMatchObject({
      events24h: 10,
      errors24h: 2,
      successRate: 80,
      status: 'degraded',
      mttdSeconds: 60,
      openIssues: 1,
    });
    expect(health.trend).toHaveLength(24);
    expect(health.trend[23]).toMatchObject({ successes: 8, failures: 2 });
    expect(health.uptime).toBeCloseTo((23 / 24) * 100, 1);

    const events = await get<Page<{ status: string }>>('integrations/gusto/events?status=failure&pageSize=1');
    expect(events).toMatchObject({ total: 2, pageSize: 1 });
    expect(events.items).toHaveLength(1);
  });

  it('moves an issue through acknowledged and resolved with comments and who/when, and measures MTTR', async () => {
    const [issue] = (await get<Page<IssueView>>('integration-issues?integration=gusto')).items;
    clock.advance(20 * 60);
    const acknowledged = await post(`integration-issues/${issue.id}/acknowledge`, { comment: 'Looking at the roster' });
    expect(acknowledged.status).toBe(200);
    clock.advance(10 * 60);
    const resolved = (await (
      await post(`integration-issues/${issue.id}/resolve`, { comment: 'Removed hours' })
    ).json()) as IssueView;
    expect(resolved.state).toBe('resolved');
    expect(resolved.stateChangedBy).toBe('operations_admin@test.local');
    expect(resolved.history.map((h) => [h.action, h.by, h.comment])).toEqual([
      ['opened', 'system', null],
      ['acknowledged', 'operations_admin@test.local', 'Looking at the roster'],
      ['resolved', 'operations_admin@test.local', 'Removed hours'],
    ]);
    expect((await post(`integration-issues/${issue.id}/resolve`)).status).toBe(409);

    // Opened at 10:30, resolved 30 minutes later.
    expect(await get<IntegrationDetail>('integrations/gusto')).toMatchObject({ mttrSeconds: 1800, openIssues: 0 });
    const changes = published.filter((e) => e.type === 'integration.issue.changed');
    expect(changes.map((e) => [e.previous, e.issue.state])).toEqual([
      [null, 'open'],
      ['open', 'open'],
      ['open', 'acknowledged'],
      ['acknowledged', 'resolved'],
    ]);
    expect(published.filter((e) => e.type === 'integration.event')).toHaveLength(10);
  });

  it('reopens a resolved issue when the same failure comes back', async () => {
    await send({ type: 'payroll.submit', error: { message: TERMINATED(70001), httpStatus: 409 } });
    await settle();
    const [issue] = (await get<Page<IssueView>>('integration-issues?integration=gusto&state=open')).items;
    expect(issue).toMatchObject({ state: 'open', occurrences: 3, resolvedAt: null });
    expect(issue.history.at(-1)).toMatchObject({ action: 'reopened', by: 'system' });
  });

  it('takes feedback, shows the helpful share, and exports corrections in the golden set format', async () => {
    const failures = await get<Page<{ id: string }>>('integrations/gusto/events?status=failure');
    const [a, b] = failures.items;
    expect((await post(`integration-events/${a.id}/feedback`, { helpful: true })).status).toBe(200);
    const correction = await post(`integration-events/${b.id}/feedback`, {
      helpful: false,
      correctCategory: 'data_validation',
    });
    expect(correction.status).toBe(200);
    expect((await post(`integration-events/${b.id}/feedback`, { helpful: 'maybe' })).status).toBe(400);

    const list = await get<IntegrationList>('integrations');
    expect(list.items.find((i) => i.id === 'gusto')?.feedback).toEqual({
      helpful: 1,
      notHelpful: 1,
      helpfulShare: 0.5,
    });
    expect(list.feedback).toEqual({ helpful: 1, notHelpful: 1, helpfulShare: 0.5 });
    expect(list.items.map((i) => i.id)).toEqual(['procore', 'gusto', 'quickbooks', 'stripe_issuing', 'lcptracker']);

    const corrections = await get<{ items: Array<Record<string, unknown>> }>('integration-feedback/corrections');
    expect(corrections.items).toEqual([
      {
        id: expect.stringMatching(/^feedback-/) as string,
        integration: 'gusto',
        eventType: 'payroll.submit',
        error: { message: expect.stringContaining('is terminated in Gusto') as string, httpStatus: 409 },
        expected: { category: 'data_validation' },
      },
    ]);
  });

  it('picks up events a stopped process stored but never classified', async () => {
    const dataSource = app.app.get(DataSource);
    await dataSource.query(
      `INSERT INTO integration_events (id, integration, webhook_id, event_type, status, occurred_at, received_at, payload, error_message)
       VALUES (gen_random_uuid(), 'gusto', 'msg_left_behind', 'employee.sync', 'failure', $1, $1, '{}', 'Too Many Requests')`,
      [clock.now()],
    );
    const restarted = await startTestApp(
      { INTEGRATION_WEBHOOK_SECRETS: `gusto=${SECRET}`, INTEGRATION_PROCESS_TICK_MS: '60000' },
      { database: app.config.database, clock },
    );
    try {
      await restarted.app.get(EventProcessorService).settle();
      const [row] = await dataSource.query<Array<{ category: string; processed: boolean }>>(
        `SELECT category, processed_at IS NOT NULL AS processed FROM integration_events WHERE webhook_id = 'msg_left_behind'`,
      );
      expect(row).toEqual({ category: 'rate_limit', processed: true });
    } finally {
      await restarted.app.close();
    }
  });

  describe('a claimed batch', () => {
    const dataSource = () => app.app.get(DataSource);
    const store = (webhookId: string, status: 'success' | 'failure', message: string | null) =>
      dataSource().query(
        `INSERT INTO integration_events (id, integration, webhook_id, event_type, status, occurred_at, received_at, payload, error_message)
         VALUES (gen_random_uuid(), 'gusto', $1, 'benefits.sync', $2, $3, $3, '{}', $4)`,
        [webhookId, status, clock.now(), message],
      );
    const rows = (prefix: string) =>
      dataSource().query<Array<{ id: string; webhook_id: string; processed: boolean; issue_id: string | null }>>(
        `SELECT id, webhook_id, processed_at IS NOT NULL AS processed, issue_id FROM integration_events
         WHERE webhook_id LIKE $1 ORDER BY webhook_id`,
        [`${prefix}%`],
      );

    it('is recorded together: one issue counting every failure, and one change for it', async () => {
      const message = 'Benefit plan 4471 was not found for company 9921';
      for (let i = 1; i <= 6; i += 1) await store(`msg_batch_f${i}`, 'failure', message);
      for (let i = 1; i <= 2; i += 1) await store(`msg_batch_s${i}`, 'success', null);
      const seen = published.length;
      await settle();

      const stored = await rows('msg_batch_');
      expect(stored.every((row) => row.processed)).toBe(true);
      const issueIds = new Set(stored.filter((row) => row.webhook_id.includes('_f')).map((row) => row.issue_id));
      expect(issueIds.size).toBe(1);
      const [issueId] = [...issueIds];
      const [issue] = await dataSource().query<Array<{ occurrences: number; state: string }>>(
        'SELECT occurrences, state FROM integration_issues WHERE id = $1',
        [issueId],
      );
      expect(issue).toEqual({ occurrences: 6, state: 'open' });
      const after = published.slice(seen);
      const changes = after.filter((e) => e.type === 'integration.issue.changed' && e.issue.id === issueId);
      expect(changes.map((e) => e.type === 'integration.issue.changed' && [e.previous, e.issue.occurrences])).toEqual([
        [null, 6],
      ]);
      const ids = new Set(stored.map((row) => row.id));
      expect(after.filter((e) => e.type === 'integration.event' && ids.has(e.eventId))).toHaveLength(8);
    });

    it('still records the rest when the database refuses one event, and that one once it can', async () => {
      await dataSource().query(`
        CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.webhook_id = 'msg_poison_2' AND NEW.processed_at IS NOT NULL THEN RAISE EXCEPTION 'poisoned row'; END IF;
          RETURN NEW;
        END $$`);
      await dataSource().query(
        'CREATE TRIGGER refuse_poison BEFORE UPDATE ON integration_events FOR EACH ROW EXECUTE FUNCTION refuse_poison()',
      );
      try {
        for (let i = 1; i <= 3; i += 1) await store(`msg_poison_${i}`, 'failure', 'Too Many Requests');
        await settle();
        expect((await rows('msg_poison_')).map((row) => [row.webhook_id, row.processed])).toEqual([
          ['msg_poison_1', true],
          ['msg_poison_2', false],
          ['msg_poison_3', true],
        ]);
      } finally {
        await dataSource().query('DROP TRIGGER refuse_poison ON integration_events');
        await dataSource().query('DROP FUNCTION refuse_poison()');
      }
      // Its claim runs out and the next pass records it: nothing stored is lost.
      clock.advance(61);
      await settle();
      expect((await rows('msg_poison_2')).map((row) => row.processed)).toEqual([true]);
    });
  });

  it('prunes events and closed issues past the retention, keeping corrected events and open issues', async () => {
    const dataSource = app.app.get(DataSource);
    const count = async (sql: string) => Number((await dataSource.query<Array<{ n: string }>>(sql))[0].n);
    const corrected = await count(`SELECT count(*) AS n FROM integration_feedback WHERE correct_category IS NOT NULL`);
    const issues = await count(`SELECT count(*) AS n FROM integration_issues`);
    const [rateLimited] = (await get<Page<IssueView>>('integration-issues?state=open')).items.filter(
      (i) => i.category === 'rate_limit',
    );
    expect((await post(`integration-issues/${rateLimited.id}/resolve`)).status).toBe(200);
    clock.advance(31 * 86_400);
    const pruned = await app.app.get(IntegrationRetention).prune();
    expect(pruned.events).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM integration_events`)).toBe(corrected);
    // The resolved one goes; the reopened one is open, so it stays however old it is.
    expect(pruned.issues).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM integration_issues WHERE state = 'open'`)).toBe(issues - 1);
  });
});
