import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { call, credentials, sendJson, startSimulator, type TestSimulator } from './spec-helpers';

interface Received {
  body: string;
  headers: Record<string, string>;
}

const secret = `whsec_${randomBytes(24).toString('base64')}`;

async function startReceiver(status = 204): Promise<{ app: FastifyInstance; url: string; received: Received[] }> {
  const received: Received[] = [];
  const app = Fastify();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post('/hooks', (request, reply) => {
    received.push({ body: request.body as string, headers: request.headers as Record<string, string> });
    return reply.code(status).send();
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `${url}/hooks`, received };
}

async function until<T>(probe: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('change notifications', () => {
  let t: TestSimulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await t.sim.close();
    await receiver.app.close();
  });

  it('posts a signed events.changed after a calendar step', async () => {
    t = await startSimulator({ seed: 4 });
    const put = await call(t.sim, '/_control/webhooks/calendar', sendJson('PUT', { url: receiver.url, secret }));
    expect(put.status).toBe(200);
    t.clock.advance(15_000);
    await call(t.sim, '/calendar/v1/events', { headers: credentials('calendar') });
    const message = await until(() => receiver.received[0]);
    const payload = new Webhook(secret).verify(message.body, message.headers) as {
      type: string;
      data: { eventIds: string[] };
    };
    expect(payload.type).toBe('events.changed');
    expect(payload.data.eventIds).toHaveLength(1);
    expect(payload.data.eventIds[0]).toMatch(/^evt-\d{4}$/);
    expect(message.headers['webhook-id']).toMatch(/^msg_/);
  });

  it('posts projects.changed for pm, merging lazily applied steps into one message', async () => {
    t = await startSimulator({ seed: 4 });
    t.sim.setWebhook('pm', { url: receiver.url, secret });
    await call(t.sim, '/_control/vendors/pm/advance', sendJson('POST', { steps: 3 }));
    const message = await until(() => receiver.received[0]);
    const payload = new Webhook(secret).verify(message.body, message.headers) as {
      type: string;
      data: { projectIds: string[] };
    };
    expect(payload.type).toBe('projects.changed');
    expect(payload.data.projectIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(payload.data.projectIds).size).toBe(payload.data.projectIds.length);
    expect(receiver.received).toHaveLength(1);
  });

  it('notifies without any polling once a target is set in the options', async () => {
    t = await startSimulator({ seed: 4, webhooks: { calendar: { url: receiver.url, secret } } });
    t.clock.advance(15_000);
    const message = await until(() => receiver.received[0]);
    expect(() => new Webhook(secret).verify(message.body, message.headers)).not.toThrow();
  });

  it('sends a notification naming every record on request', async () => {
    t = await startSimulator();
    await call(t.sim, '/_control/webhooks/calendar', sendJson('PUT', { url: receiver.url, secret }));
    const answer = await call(t.sim, '/_control/vendors/calendar/notify', { method: 'POST' });
    expect(answer.json()).toMatchObject({ vendor: 'calendar', delivered: true, status: 204 });
    const payload = new Webhook(secret).verify(receiver.received[0].body, receiver.received[0].headers) as {
      data: { eventIds: string[] };
    };
    expect(payload.data.eventIds).toHaveLength(30);
  });

  it('drops a notification the target refuses, after one retry, and keeps answering', async () => {
    await receiver.app.close();
    receiver = await startReceiver(500);
    t = await startSimulator();
    await call(t.sim, '/_control/webhooks/calendar', sendJson('PUT', { url: receiver.url, secret }));
    const answer = await call(t.sim, '/_control/vendors/calendar/notify', { method: 'POST' });
    expect(answer.json()).toMatchObject({ delivered: false, status: 500, attempts: 2 });
    expect(receiver.received).toHaveLength(2);
    expect((await call(t.sim, '/calendar/v1/events', { headers: credentials('calendar') })).status).toBe(200);
  });

  it('survives an unreachable target', async () => {
    t = await startSimulator();
    t.sim.setWebhook('calendar', { url: 'http://127.0.0.1:9/hooks', secret });
    t.sim.advance('calendar', 1);
    expect((await call(t.sim, '/calendar/v1/events', { headers: credentials('calendar') })).status).toBe(200);
  });

  it('refuses bad targets and vendors that send no notifications', async () => {
    t = await startSimulator();
    const put = (vendor: string, body: unknown) => call(t.sim, `/_control/webhooks/${vendor}`, sendJson('PUT', body));
    expect((await put('calendar', { url: 'not a url', secret })).status).toBe(400);
    expect((await put('calendar', { url: receiver.url, secret: 'plain' })).status).toBe(400);
    expect((await put('calendar', { url: receiver.url })).status).toBe(400);
    expect((await put('hris', { url: receiver.url, secret })).status).toBe(400);
    expect((await put('nope', { url: receiver.url, secret })).status).toBe(404);
    expect((await call(t.sim, '/_control/vendors/pm/notify', { method: 'POST' })).status).toBe(409);
  });
});
