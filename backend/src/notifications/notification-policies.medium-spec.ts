import type {
  ApiErrorResponse,
  AlertView,
  NotificationDelivery,
  NotificationPolicyInput,
  Page,
} from '@switchyard/contracts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { SteppedClock } from '../../test/support/stepped-clock';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { DomainEventBus } from '../events';
import { DeliveryWorker } from './delivery-worker.service';
import { NotificationRouter } from './notification-router.service';

const SECRET = `whsec_${Buffer.alloc(24, 3).toString('base64')}`;

interface Delivered {
  type: string;
  data: { title: string; text: string; status: string; groupKey: string };
}

/** A receiver that keeps every verified message. */
async function startReceiver(): Promise<{ server: Server; url: string; messages: Delivered[] }> {
  const messages: Delivered[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      try {
        new Webhook(SECRET).verify(body, request.headers as Record<string, string>);
      } catch {
        response.writeHead(401).end();
        return;
      }
      messages.push(JSON.parse(body) as Delivered);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, messages };
}

const clock = new SteppedClock(Date.parse('2026-11-26T09:00:00Z'));

function alert(id: string, overrides: Partial<AlertView> = {}): AlertView {
  const at = clock.now().toISOString();
  return {
    id,
    kind: 'threshold',
    ruleId: 'cpu-high',
    metric: 'cpu',
    sourceId: null,
    tenant: null,
    labels: { team: 'platform', host: id },
    series: { source: null, labels: { host: id } },
    module: 'system',
    state: 'firing',
    severity: 'critical',
    value: 97,
    threshold: 90,
    message: `${id}: CPU at 97 %`,
    stateSince: at,
    startedAt: at,
    firedAt: at,
    resolvedAt: null,
    lastEvaluatedAt: at,
    acknowledgement: null,
    silencedBy: null,
    ...overrides,
  };
}

describe('notification policies route alerts to contact points', () => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  const api = async <T>(path: string, body?: unknown) => {
    const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(await app.adminHeaders()), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  /** Raises alert changes as the evaluator does, then lets the queue do its work. */
  const raise = async (...alerts: Array<{ alert: AlertView; notify: boolean }>) => {
    const bus = app.app.get(DomainEventBus);
    for (const { alert: a, notify } of alerts) {
      bus.publish({ type: 'alert.changed', at: clock.now().toISOString(), alert: a, previous: null, notify });
    }
    await app.app.get(NotificationRouter).settled();
    await app.app.get(DeliveryWorker).tick();
  };
  const sent = async (): Promise<NotificationDelivery[]> => {
    const worker = app.app.get(DeliveryWorker);
    await worker.tick();
    return (await api<Page<NotificationDelivery>>('/notifications/deliveries?contactPointId=ops-hook')).body.items;
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startTestApp({ SYNC_ENABLED: 'false', SOURCE_ALLOWED_HOSTS: '127.0.0.1' }, { clock });
    const point = await api('/notifications/contact-points', {
      id: 'ops-hook',
      name: 'Ops hook',
      kind: 'webhook',
      settings: { url: `${receiver.url}/ops` },
      secret: SECRET,
    });
    expect(point.status).toBe(201);
    const policy: NotificationPolicyInput = {
      id: 'critical-platform',
      name: 'Critical platform alerts',
      contactPointIds: ['ops-hook'],
      match: { severities: ['critical'], teams: ['platform'] },
      groupBy: ['ruleId'],
      groupWaitSeconds: 30,
      repeatIntervalSeconds: 600,
    };
    expect((await api('/notifications/policies', policy)).status).toBe(201);
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  it('groups alerts of one rule into one message after the group wait, and skips silenced and unmatched ones', async () => {
    await raise(
      { alert: alert('web-1'), notify: true },
      { alert: alert('web-2'), notify: true },
      { alert: alert('web-3', { silencedBy: 'maintenance' }), notify: false },
      { alert: alert('web-4', { severity: 'warning' }), notify: true },
      { alert: alert('db-1', { labels: { team: 'data' } }), notify: true },
    );
    expect(await sent()).toHaveLength(0); // still inside the group wait
    clock.advance(30);
    await app.app.get(DeliveryWorker).tick();
    const deliveries = await waitForSent(sent, 1);
    expect(deliveries).toHaveLength(1);
    expect(receiver.messages).toHaveLength(1);
    expect(receiver.messages[0].data).toMatchObject({
      title: '[FIRING:2] Critical platform alerts (ruleId=cpu-high)',
      status: 'firing',
      groupKey: 'critical-platform/ruleId=cpu-high',
    });
    expect(receiver.messages[0].data.text.split('\n').sort()).toEqual([
      'firing: web-1: CPU at 97 %',
      'firing: web-2: CPU at 97 %',
    ]);
  });

  it('repeats a still-firing group after the repeat interval, and tells its resolution once', async () => {
    clock.advance(600);
    await app.app.get(DeliveryWorker).tick();
    await waitForSent(sent, 2);
    expect(receiver.messages[1].data.title).toBe('[FIRING:2] Critical platform alerts (ruleId=cpu-high)');

    await raise(
      { alert: alert('web-1', { state: 'resolved' }), notify: true },
      { alert: alert('web-2', { state: 'resolved' }), notify: true },
    );
    clock.advance(30);
    await app.app.get(DeliveryWorker).tick();
    await waitForSent(sent, 3);
    expect(receiver.messages[2].data).toMatchObject({ status: 'resolved' });
    clock.advance(3600);
    await app.app.get(DeliveryWorker).tick();
    expect(await sent()).toHaveLength(3); // nothing left firing: no more repeats
  });

  it('receives the evaluator’s per-series instances: one group per rule telling only the firing series', async () => {
    const created = await Promise.all([
      api('/notifications/contact-points', {
        id: 'series-hook',
        name: 'Series hook',
        kind: 'webhook',
        settings: { url: `${receiver.url}/series` },
        secret: SECRET,
      }),
      api('/ops/alert-rules', {
        id: 'rack_temp',
        name: 'Rack temperature',
        metric: 'rack_temp',
        warning: 35,
        critical: 45,
        direction: 'above',
        holdSeconds: 0,
      }),
    ]);
    expect(created.map((c) => c.status)).toEqual([201, 201]);
    const policy = await api('/notifications/policies', {
      id: 'racks',
      name: 'Racks',
      contactPointIds: ['series-hook'],
      match: { labels: { room: 'r9' } },
      groupBy: ['ruleId'],
      groupWaitSeconds: 0,
    });
    expect(policy.status).toBe(201);
    const points = (value: number, source: string) => ({
      source,
      category: 'system_health',
      metric: 'rack_temp',
      value,
      labels: { room: 'r9' },
    });
    expect((await api('/ops/data-points', { points: [points(50, 'rack-1'), points(20, 'rack-2')] })).status).toBe(202);
    expect((await api('/ops/aggregate', {})).status).toBe(200);
    await app.app.get(NotificationRouter).settled();
    const ofRacks = () => receiver.messages.filter((m) => m.data.groupKey.startsWith('racks/'));
    for (let i = 0; i < 200 && ofRacks().length === 0; i += 1) {
      await app.app.get(DeliveryWorker).tick();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(ofRacks()).toHaveLength(1);
    expect(ofRacks()[0].data).toMatchObject({
      title: '[FIRING:1] Racks (ruleId=rack_temp)',
      groupKey: 'racks/ruleId=rack_temp',
      status: 'firing',
    });
    expect(ofRacks()[0].data.text).toContain('source=rack-1');
    expect(ofRacks()[0].data.text).not.toContain('rack-2');
  });

  it("sends a tenant's alert to that tenant's contact point only, never to another tenant's", async () => {
    for (const tenant of ['acme-fitness', 'zen-yoga']) {
      const hook = await api('/notifications/contact-points', {
        id: `${tenant}-hook`,
        name: `${tenant} hook`,
        kind: 'webhook',
        tenant,
        settings: { url: `${receiver.url}/${tenant}` },
        secret: SECRET,
      });
      expect(hook.status).toBe(201);
      const policy = await api('/notifications/policies', {
        id: `${tenant}-all`,
        name: `${tenant} alerts`,
        tenant,
        contactPointIds: [`${tenant}-hook`],
        groupBy: ['ruleId'],
        groupWaitSeconds: 0,
      });
      expect(policy.status).toBe(201);
    }
    // A tenant's policy cannot borrow another tenant's contact point either.
    const borrowed = await api<ApiErrorResponse>('/notifications/policies', {
      id: 'zen-borrows',
      name: 'Zen borrows',
      tenant: 'zen-yoga',
      contactPointIds: ['acme-fitness-hook'],
    });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.error.fields).toEqual([
      { field: 'contactPointIds.0', message: 'contact point acme-fitness-hook belongs to another tenant' },
    ]);

    await raise({ alert: alert('acme-crm', { tenant: 'acme-fitness', labels: { source: 'acme-crm' } }), notify: true });
    const of = async (pointId: string) =>
      (await api<Page<NotificationDelivery>>(`/notifications/deliveries?contactPointId=${pointId}`)).body.items;
    for (let i = 0; i < 200 && !(await of('acme-fitness-hook')).some((d) => d.status === 'sent'); i += 1) {
      await app.app.get(DeliveryWorker).tick();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await of('acme-fitness-hook')).map((d) => d.status)).toEqual(['sent']);
    expect(await of('zen-yoga-hook')).toEqual([]);
    expect(receiver.messages.filter((m) => m.data.groupKey.startsWith('zen-yoga-all/'))).toEqual([]);
    expect(receiver.messages.filter((m) => m.data.groupKey.startsWith('acme-fitness-all/'))).toHaveLength(1);
  });

  it('refuses a policy naming a contact point that does not exist', async () => {
    const response = await api<ApiErrorResponse>('/notifications/policies', {
      id: 'broken',
      name: 'Broken',
      contactPointIds: ['nope-nope'],
      groupWaitSeconds: -1,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields?.map((f) => f.field)).toEqual(['groupWaitSeconds']);
    const missing = await api<ApiErrorResponse>('/notifications/policies', {
      id: 'broken',
      name: 'Broken',
      contactPointIds: ['nope-nope'],
    });
    expect(missing.body.error.fields).toEqual([
      { field: 'contactPointIds.0', message: 'contact point nope-nope does not exist' },
    ]);
  });
});

/** Polls the delivery log until `count` sends went out (the worker sends on its own timer too). */
async function waitForSent(
  sent: () => Promise<NotificationDelivery[]>,
  count: number,
): Promise<NotificationDelivery[]> {
  for (let i = 0; i < 200; i += 1) {
    const deliveries = await sent();
    if (deliveries.filter((d) => d.status === 'sent').length >= count) return deliveries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} notifications were sent`);
}
