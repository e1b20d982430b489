import type {
  ApiErrorResponse,
  ContactPoint,
  ContactPointInput,
  NotificationDelivery,
  Page,
} from '@switchyard/contracts';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { waitUntil } from '../../test/support/live-client';
import { startTestApp, type TestApp } from '../../test/support/test-app';

const SIGNING_SECRET = `whsec_${Buffer.alloc(24, 9).toString('base64')}`;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback receiver for every HTTP kind; `/flaky` answers 503 three times, then 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[]; accepted: Received[] }> {
  const received: Received[] = [];
  const accepted: Received[] = [];
  let flakyCalls = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() };
      received.push(entry);
      if (entry.path === '/flaky' && (flakyCalls += 1) <= 3) {
        response.writeHead(503).end('busy');
        return;
      }
      if (entry.path === '/flaky' || entry.path === '/webhook') {
        try {
          new Webhook(SIGNING_SECRET).verify(entry.body, entry.headers as Record<string, string>);
        } catch {
          response.writeHead(401).end('bad signature');
          return;
        }
      }
      accepted.push(entry);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received, accepted };
}

async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: string[] }> {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(Buffer.concat(chunks).toString());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, port, mails };
}

describe('notifications: contact points and the delivery queue', () => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(await app.adminHeaders()), ...(init.body ? { 'content-type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const create = async (input: ContactPointInput): Promise<ContactPoint> => {
    const { status, body } = await api<ContactPoint>('/notifications/contact-points', { method: 'POST', body: input });
    expect(status).toBe(201);
    return body;
  };
  /** Queues a test send and waits until the queue has finished with it. */
  const testSend = async (id: string): Promise<NotificationDelivery> => {
    const queued = await api<NotificationDelivery>(`/notifications/contact-points/${id}/test`, { method: 'POST' });
    expect(queued).toMatchObject({ status: 202, body: { status: 'pending', contactPointId: id } });
    return waitUntil(async () => {
      const log = await api<Page<NotificationDelivery>>(`/notifications/deliveries?contactPointId=${id}`);
      const delivery = log.body.items.find((d) => d.id === queued.body.id);
      return delivery && delivery.status !== 'pending' ? delivery : null;
    }, 30_000);
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    smtp = await startSmtp();
    app = await startTestApp({ SYNC_ENABLED: 'false', SOURCE_ALLOWED_HOSTS: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => receiver.server.close(resolve));
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('retries a failing receiver with backoff and delivers exactly once, signed', async () => {
    await create({
      id: 'flaky-hook',
      name: 'Flaky receiver',
      kind: 'webhook',
      settings: { url: `${receiver.url}/flaky` },
      secret: SIGNING_SECRET,
    });
    const delivery = await testSend('flaky-hook');
    expect(delivery).toMatchObject({ status: 'sent', attempts: 4, lastError: 'receiver answered HTTP 503' });
    expect(receiver.received.filter((r) => r.path === '/flaky')).toHaveLength(4);
    const accepted = receiver.accepted.filter((r) => r.path === '/flaky');
    expect(accepted).toHaveLength(1);
    expect(JSON.parse(accepted[0].body)).toMatchObject({
      type: 'notification.test',
      data: { title: 'Test notification from Switchyard to Flaky receiver' },
    });
  });

  it('renders Slack, Teams and PagerDuty payloads for their receivers', async () => {
    await create({ id: 'ops-slack', name: 'Slack', kind: 'slack', secret: `${receiver.url}/slack` });
    await create({ id: 'ops-teams', name: 'Teams', kind: 'teams', secret: `${receiver.url}/teams` });
    await create({
      id: 'ops-pager',
      name: 'PagerDuty',
      kind: 'pagerduty',
      settings: { url: `${receiver.url}/pagerduty` },
      secret: 'R0UT1NGKEY',
    });
    for (const id of ['ops-slack', 'ops-teams', 'ops-pager']) expect((await testSend(id)).status).toBe('sent');
    const body = (path: string) => JSON.parse(receiver.accepted.find((r) => r.path === path)?.body ?? '{}') as unknown;
    expect(body('/slack')).toMatchObject({ text: expect.stringContaining('Test notification') as unknown });
    expect(body('/teams')).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
    expect(body('/pagerduty')).toMatchObject({
      routing_key: 'R0UT1NGKEY',
      event_action: 'trigger',
      dedup_key: 'test:ops-pager',
      payload: { severity: 'info', source: 'switchyard' },
    });
  });

  it('sends email through SMTP', async () => {
    await create({
      id: 'ops-mail',
      name: 'On-call mailbox',
      kind: 'email',
      settings: {
        smtpHost: '127.0.0.1',
        smtpPort: smtp.port,
        from: 'switchyard@example.com',
        to: ['oncall@example.com'],
      },
    });
    expect((await testSend('ops-mail')).status).toBe('sent');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toContain('Subject: Test notification from Switchyard to On-call mailbox');
    expect(smtp.mails[0]).toContain('To: oncall@example.com');
  });

  it('keeps secrets write-only and says why bad input is refused', async () => {
    const listed = await api<Page<ContactPoint>>('/notifications/contact-points');
    const slack = listed.body.items.find((p) => p.id === 'ops-slack');
    expect(slack).toMatchObject({ kind: 'slack', hasSecret: true });
    expect(JSON.stringify(listed.body)).not.toContain('/slack');
    const bad = await api<ApiErrorResponse>('/notifications/contact-points', {
      method: 'POST',
      body: { id: 'bad-hook', name: 'Bad', kind: 'webhook', settings: { url: 'ftp://x' }, secret: 'plain' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields?.map((f) => f.field).sort()).toEqual(['secret', 'settings.url']);
  });

  it('gives up on a receiver the address policy forbids, with the reason in the log', async () => {
    await create({
      id: 'inside-hook',
      name: 'Metadata service',
      kind: 'webhook',
      settings: { url: 'http://169.254.169.254/latest' },
      secret: SIGNING_SECRET,
    });
    const queued = await api<NotificationDelivery>('/notifications/contact-points/inside-hook/test', {
      method: 'POST',
    });
    const delivery = await waitUntil(async () => {
      const log = await api<Page<NotificationDelivery>>('/notifications/deliveries?contactPointId=inside-hook');
      const found = log.body.items.find((d) => d.id === queued.body.id);
      return found && found.attempts > 0 ? found : null;
    });
    expect(delivery.lastError).toMatch(/address policy/);
  });

  it("hides another tenant's contact points", async () => {
    await create({
      id: 'acme-slack',
      name: 'Acme',
      kind: 'slack',
      tenant: 'acme-fitness',
      secret: `${receiver.url}/slack`,
    });
    const token = await app.tokenFor('operations_admin', {
      tenants: ['bright-smiles'],
      departments: '*',
      teams: '*',
      portfolios: '*',
    });
    const response = await fetch(`${app.baseUrl}/api/v1/notifications/contact-points/acme-slack`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
  });
});
