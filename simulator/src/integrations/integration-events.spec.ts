import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIMULATED_INTEGRATIONS } from './catalog';
import { IntegrationEventGenerator } from './generator';
import { toDelivery } from './native-formats';
import { startIntegrationEventSender } from './sender';

const NOW = new Date('2026-11-26T12:00:00Z');
const SECRET = `whsec_${Buffer.from('simulator-integration-secret').toString('base64')}`;

function take(seed: number, count: number) {
  const generator = new IntegrationEventGenerator(seed);
  return Array.from({ length: count }, () => generator.next(NOW));
}

describe('integration event generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(take(7, 200)).toEqual(take(7, 200));
    expect(take(8, 200)).not.toEqual(take(7, 200));
  });

  it('sends a realistic mix: every integration, mostly successes, failures with messages', () => {
    const events = take(42, 1000);
    expect(new Set(events.map((e) => e.integration))).toEqual(new Set(SIMULATED_INTEGRATIONS));
    const failures = events.filter((e) => e.body.status === 'failure');
    expect(failures.length).toBeGreaterThan(30);
    expect(failures.length).toBeLessThan(250);
    for (const failure of failures) expect(failure.body.error?.message).toMatch(/\w+/);
    expect(events.filter((e) => e.body.status === 'success').every((e) => e.body.error === undefined)).toBe(true);
  });
});

/** Checks a delivery the way each sender's receiver would (written from the vendors' docs). */
function verify(integration: string, headers: IncomingMessage['headers'], body: string): boolean {
  const hmac = (key: string | Buffer, text: string, encoding: 'hex' | 'base64') =>
    createHmac('sha256', key).update(text).digest(encoding);
  if (headers['webhook-signature']) {
    const id = String(headers['webhook-id']);
    const timestamp = String(headers['webhook-timestamp']);
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
    return headers['webhook-signature'] === `v1,${hmac(key, `${id}.${timestamp}.${body}`, 'base64')}`;
  }
  switch (integration) {
    case 'stripe_issuing': {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(String(headers['stripe-signature'])) ?? [];
      return v1 === hmac(SECRET, `${t}.${body}`, 'hex');
    }
    case 'gusto':
      return headers['x-gusto-signature'] === hmac(SECRET, body, 'hex');
    case 'quickbooks':
      return headers['intuit-signature'] === hmac(SECRET, body, 'base64');
    case 'procore':
      return headers.authorization === SECRET;
    default:
      return false;
  }
}

describe('native formats', () => {
  it('sends Stripe, Gusto, QuickBooks and Procore events natively, with vendor codes on failures', () => {
    const generator = new IntegrationEventGenerator(42);
    const deliveries = Array.from({ length: 600 }, (_, i) => {
      const event = generator.next(NOW);
      return { event, delivery: toDelivery(event, { id: `t${i}`, sequence: i, at: NOW, secret: SECRET }) };
    });
    const native = (name: string) => deliveries.filter((d) => d.delivery.headers[name] !== undefined);
    expect(native('stripe-signature').length).toBeGreaterThan(20);
    expect(native('x-gusto-signature').length).toBeGreaterThan(20);
    expect(native('intuit-signature').length).toBeGreaterThan(20);
    expect(native('authorization').length).toBeGreaterThan(20);
    const declines = native('stripe-signature')
      .map((d) => JSON.parse(d.delivery.body) as { type: string; data: { object: Record<string, unknown> } })
      .filter((e) => e.data.object.approved === false);
    expect(declines.length).toBeGreaterThan(0);
    for (const decline of declines) {
      expect(decline.data.object.request_history).toEqual([expect.objectContaining({ approved: false })]);
    }
    for (const { event, delivery } of deliveries) {
      expect(verify(event.integration, delivery.headers, delivery.body)).toBe(true);
    }
  });
});

describe('integration event sender', () => {
  it("posts each integration its sender's natively signed events at <target>/<integration>", async () => {
    const received: Array<{ url: string; ok: boolean }> = [];
    const server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const integration = (request.url ?? '').split('/').pop() ?? '';
        received.push({
          url: request.url ?? '',
          ok: verify(integration, request.headers, Buffer.concat(chunks).toString()),
        });
        response.writeHead(202).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const sender = startIntegrationEventSender(
      { targetUrl: `http://127.0.0.1:${port}/webhooks`, secret: SECRET, seed: 3 },
      false,
    );
    try {
      const statuses = [];
      for (let i = 0; i < 10; i += 1) statuses.push(await sender.sendOne());
      expect(statuses).toEqual(Array.from({ length: 10 }, () => 202));
      expect(received).toHaveLength(10);
      for (const r of received) {
        expect(r.ok).toBe(true);
        expect(r.url).toMatch(/^\/webhooks\/(procore|gusto|quickbooks|stripe_issuing|lcptracker)$/);
      }
    } finally {
      await sender.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
