import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIMULATED_INTEGRATIONS } from './catalog';
import { IntegrationEventGenerator } from './generator';
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

describe('integration event sender', () => {
  it('posts Standard Webhooks-signed events to <target>/<integration>', async () => {
    const received: Array<{ url: string; ok: boolean; body: string }> = [];
    const server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        const id = String(request.headers['webhook-id']);
        const timestamp = String(request.headers['webhook-timestamp']);
        const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
        const expected = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
        received.push({ url: request.url ?? '', ok: request.headers['webhook-signature'] === expected, body });
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
      const statuses = [await sender.sendOne(), await sender.sendOne(), await sender.sendOne()];
      expect(statuses).toEqual([202, 202, 202]);
      expect(received).toHaveLength(3);
      for (const r of received) {
        expect(r.ok).toBe(true);
        expect(r.url).toMatch(/^\/webhooks\/(procore|gusto|quickbooks|stripe_issuing|lcptracker)$/);
        expect(JSON.parse(r.body)).toHaveProperty('type');
      }
    } finally {
      await sender.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
