import { createHmac } from 'node:crypto';
import type { AppConfig } from '../../config';
import { GustoSender } from './gusto/gusto.sender';
import { ConfigurableHmacSender } from './hmac/configurable-hmac.sender';
import { ProcoreSender } from './procore/procore.sender';
import { QuickBooksSender } from './quickbooks/quickbooks.sender';
import { stripeOutcome } from './stripe/stripe-outcome';
import { StripeSender } from './stripe/stripe.sender';
import { WebhookSenders } from './webhook-senders.service';
import { parseWebhookJson, type SenderRequest } from './webhook-sender';

const NOW = new Date('2026-12-01T12:00:00Z');
const request = (body: string, headers: Record<string, string> = {}, receivedAt = NOW): SenderRequest => ({
  rawBody: Buffer.from(body),
  headers,
  receivedAt,
});

describe('Stripe sender', () => {
  const secret = 'whsec_unit_test_secret';
  const body = '{"id":"evt_1","object":"event","type":"payout.paid","data":{"object":{"id":"po_1","object":"payout"}}}';
  const t = Math.floor(NOW.getTime() / 1000);
  const header = (at: number) => `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;

  it('verifies against our clock: 300 s back and ahead, not beyond', () => {
    const sender = new StripeSender();
    expect(sender.verify(request(body, { 'stripe-signature': header(t - 299) }), [secret])).toMatchObject({ ok: true });
    expect(sender.verify(request(body, { 'stripe-signature': header(t - 301) }), [secret])).toEqual({
      ok: false,
      reason: 'timestamp outside the 300 s tolerance',
    });
    expect(sender.verify(request(body, { 'stripe-signature': header(t + 301) }), [secret])).toMatchObject({
      ok: false,
    });
    expect(sender.verify(request(body, { 'stripe-signature': header(t) }), ['whsec_other', secret])).toMatchObject({
      ok: true,
      sentAt: new Date(t * 1000),
    });
  });

  it('reads charge, payout and pending authorization outcomes from their documented fields', () => {
    expect(
      stripeOutcome('charge.failed', {
        failure_code: 'card_declined',
        failure_message: 'Your card was declined.',
        outcome: { reason: 'generic_decline' },
      }).error,
    ).toEqual({
      code: 'card_error/card_declined/generic_decline',
      message: 'Your card was declined.',
      httpStatus: null,
    });
    expect(stripeOutcome('payout.failed', { failure_code: 'no_account' }).error?.code).toBe('payout_failed/no_account');
    expect(
      stripeOutcome('issuing_authorization.request', { approved: false, request_history: [], pending_request: {} })
        .error,
    ).toBeNull();
    expect(
      stripeOutcome('issuing_authorization.updated', {
        approved: true,
        request_history: [{ approved: true, reason: 'webhook_approved' }],
      }).error,
    ).toBeNull();
  });
});

describe('QuickBooks sender', () => {
  it('reads both formats and refuses other shapes', () => {
    const sender = new QuickBooksSender();
    const classic = sender.parse({
      eventNotifications: [
        {
          realmId: '1',
          dataChangeEvent: {
            entities: [{ name: 'Bill', id: '9', operation: 'Void', lastUpdated: '2026-12-01T00:00:00Z' }],
          },
        },
      ],
    });
    expect(classic.map((e) => [e.senderEventId, e.eventType])).toEqual([
      ['1:Bill:9:Void:2026-12-01T00:00:00Z', 'qbo.bill.voided.v1'],
    ]);
    expect(sender.parse([{ specversion: '1.0', id: 'ce-1', type: 'qbo.item.deleted.v1' }])[0].senderEventId).toBe(
      'ce-1',
    );
    expect(() => sender.parse({ eventNotifications: [{ realmId: '1' }] })).toThrow(/dataChangeEvent/);
    expect(() => sender.parse([{ id: 'x' }])).toThrow(/specversion/);
  });
});

describe('Gusto sender', () => {
  it('recognizes only a bare verification-token body as the handshake', () => {
    const sender = new GustoSender();
    expect(sender.handshake({ verification_token: 'abcdef123456', webhook_subscription_uuid: 'u' })).not.toBeNull();
    expect(sender.handshake({ verification_token: 'abcdef123456', event_type: 'payroll.paid' })).toBeNull();
    expect(sender.handshake({ verification_token: 'x' })).toBeNull();
    expect(sender.parse({ uuid: 'u1', event_type: 'payroll.paid' })[0]).toMatchObject({ status: 'success' });
    expect(sender.parse({ uuid: 'u2', event_type: 'payroll.reversed' })[0]).toMatchObject({ status: 'failure' });
  });
});

describe('Procore sender', () => {
  it('needs a known event type and an id', () => {
    const sender = new ProcoreSender();
    expect(() => sender.parse({ ulid: '01A', resource_name: 'RFIs', event_type: 'archive' })).toThrow(/event_type/);
    expect(sender.parse({ id: 7, resource_name: 'RFIs', event_type: 'delete' })[0].senderEventId).toBe('7');
  });
});

describe('configurable HMAC sender', () => {
  it('signs the body alone by default and takes the id from the body', () => {
    const sender = new ConfigurableHmacSender({
      header: 'x-signature',
      algorithm: 'sha256',
      encoding: 'hex',
      prefix: '',
      signed: 'body',
      toleranceSeconds: 300,
    });
    const body = '{"id":"e-1","type":"worker.sync"}';
    const signature = createHmac('sha256', 'hmac-secret-1').update(body).digest('hex');
    const req = request(body, { 'x-signature': signature });
    expect(sender.verify(req, ['hmac-secret-1'])).toEqual({ ok: true, sentAt: null });
    expect(sender.verify(req, ['hmac-secret-2'])).toMatchObject({ ok: false });
    expect(sender.parse(JSON.parse(body), req, null)[0]).toMatchObject({ senderEventId: 'e-1', status: 'success' });
  });
});

describe('sender selection', () => {
  const config = (schemes: object) => ({ integrations: { webhookSchemes: schemes } }) as unknown as AppConfig;
  const sw = { 'webhook-id': 'm', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };

  it('uses the native sender, Standard Webhooks when its headers come and it is allowed, or the configured HMAC', () => {
    const senders = new WebhookSenders(config({}));
    expect(senders.forRequest('stripe_issuing', { 'stripe-signature': 't=1,v1=x' }).format).toBe('stripe');
    expect(senders.forRequest('stripe_issuing', sw).format).toBe('standard-webhooks');
    expect(senders.forRequest('lcptracker', {}).format).toBe('standard-webhooks');
    const strict = new WebhookSenders(
      config({
        stripe_issuing: { scheme: 'native', standardWebhooks: false },
        lcptracker: { scheme: 'hmac', standardWebhooks: true, hmac: { header: 'x-sig' } },
      }),
    );
    expect(strict.forRequest('stripe_issuing', sw).format).toBe('stripe');
    expect(strict.forRequest('lcptracker', {}).format).toBe('hmac');
  });
});

describe('webhook JSON', () => {
  it('refuses NUL bytes, raw or escaped, and bad JSON', () => {
    expect(() => parseWebhookJson(Buffer.from('{"a":"\u0000"}'))).toThrow(/NUL/);
    expect(() => parseWebhookJson(Buffer.from('{"a":"\\u0000"}'))).toThrow(/NUL/);
    expect(() => parseWebhookJson(Buffer.from('{"a":'))).toThrow(/not valid JSON/);
  });
});
