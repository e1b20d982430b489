import { createHmac } from 'node:crypto';
import { readSignedHeaders, verifyWebhookSignature } from './standard-webhooks';

const SECRET = `whsec_${Buffer.from('unit-test-secret-0123456789').toString('base64')}`;
const OTHER = `whsec_${Buffer.from('another-secret-9876543210').toString('base64')}`;
const NOW = new Date('2026-11-26T12:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);
const BODY = Buffer.from('{"type":"payroll.submit"}');

function sign(secret: string, id: string, timestamp: number, body: Buffer): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body.toString()}`).digest('base64')}`;
}

const signed = (timestamp = T, secret = SECRET) => ({
  id: 'msg_1',
  timestamp: String(timestamp),
  signature: sign(secret, 'msg_1', timestamp, BODY),
});

describe('Standard Webhooks verification', () => {
  it('accepts a valid signature and reports when it was sent', () => {
    expect(verifyWebhookSignature(signed(), BODY, [SECRET], NOW)).toEqual({ ok: true, sentAt: NOW });
  });

  it('accepts any of several active secrets, and any of several offered signatures', () => {
    expect(verifyWebhookSignature(signed(T, OTHER), BODY, [SECRET, OTHER], NOW).ok).toBe(true);
    const both = { ...signed(), signature: `v1,bm9wZQ== ${signed().signature}` };
    expect(verifyWebhookSignature(both, BODY, [SECRET], NOW).ok).toBe(true);
  });

  it.each([
    ['wrong secret', signed(T, OTHER), 'no matching signature'],
    ['301 s old', signed(T - 301), 'too old'],
    ['301 s ahead', signed(T + 301), 'future'],
    ['not a number', { ...signed(), timestamp: 'yesterday' }, 'Unix seconds'],
  ])('refuses a message with a %s', (_name, headers, reason) => {
    const check = verifyWebhookSignature(headers, BODY, [SECRET], NOW);
    expect(check).toEqual({ ok: false, reason: expect.stringContaining(reason) as string });
  });

  it('accepts the edges of the 5-minute tolerance', () => {
    expect(verifyWebhookSignature(signed(T - 300), BODY, [SECRET], NOW).ok).toBe(true);
    expect(verifyWebhookSignature(signed(T + 300), BODY, [SECRET], NOW).ok).toBe(true);
  });

  it('refuses a changed body', () => {
    expect(verifyWebhookSignature(signed(), Buffer.from('{"type":"other"}'), [SECRET], NOW).ok).toBe(false);
  });

  it('names the first missing header', () => {
    expect(readSignedHeaders({ 'webhook-id': 'a', 'webhook-signature': 'v1,x' })).toEqual({
      missing: 'webhook-timestamp',
    });
    expect(readSignedHeaders({ 'webhook-id': 'a', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' })).toEqual({
      id: 'a',
      timestamp: '1',
      signature: 'v1,x',
    });
  });
});
