import type { IntegrationEventDetail, IntegrationList } from '@switchyard/contracts';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { nativeSign, postRaw, type PostAnswer } from '../../../test/support/native-webhooks';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

const STRIPE_OLD = 'whsec_stripe_endpoint_secret_rolled_out';
const STRIPE_NEW = 'whsec_stripe_endpoint_secret_rolled_in';
const QBO_TOKEN = 'qbo-verifier-token-0a1b2c3d';
const GUSTO_TOKEN = 'gusto-verification-token-4e5f6a';
const PROCORE_SECRET = 'procore-hook-authorization-7b8c9d';
const LCP_SECRET = 'lcptracker-hmac-secret-0e1f2a';
const WRONG = 'not-the-secret-anyone-configured';

const LCP_SCHEME = {
  lcptracker: {
    scheme: 'hmac',
    standardWebhooks: false,
    hmac: {
      header: 'X-LCP-Signature',
      algorithm: 'sha512',
      encoding: 'base64',
      prefix: 'sha512=',
      signed: 'timestamp.body',
      timestampHeader: 'X-LCP-Timestamp',
      idHeader: 'X-LCP-Event-Id',
    },
  },
};

const now = () => Math.floor(Date.now() / 1000);

function stripeDecline(id: string): string {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'issuing_authorization.created',
    created: now() - 2,
    livemode: false,
    data: {
      object: {
        id: 'iauth_1Q2w3E',
        object: 'issuing.authorization',
        amount: 48_000,
        currency: 'usd',
        approved: false,
        status: 'closed',
        card: { id: 'ic_1Q2w3E', last4: '4242', cardholder: { name: 'Dana Ortiz' } },
        merchant_data: { category: 'hardware_stores', name: 'Lumber Yard' },
        request_history: [{ approved: false, reason: 'spending_controls', amount: 48_000 }],
      },
    },
  });
}

describe('native webhook receivers (real HTTP, real Postgres)', () => {
  let app: TestApp;
  let rows: (webhookId: string) => Promise<number>;
  const url = (integration: string) => `${app.baseUrl}/webhooks/${integration}`;
  const detail = async (eventId: unknown): Promise<IntegrationEventDetail> => {
    const response = await fetch(`${app.baseUrl}/api/v1/integration-events/${String(eventId)}`, {
      headers: await app.adminHeaders(),
    });
    return (await response.json()) as IntegrationEventDetail;
  };
  const expectRefused = async (answer: Promise<PostAnswer>, webhookId: string, status = 401) => {
    const { status: got, body } = await answer;
    expect(got).toBe(status);
    expect(body).toHaveProperty('error.code');
    expect(await rows(webhookId)).toBe(0);
  };

  beforeAll(async () => {
    app = await startTestApp({
      INTEGRATION_WEBHOOK_SECRETS: JSON.stringify({
        stripe_issuing: [STRIPE_OLD, STRIPE_NEW],
        quickbooks: [QBO_TOKEN],
        gusto: [GUSTO_TOKEN],
        procore: [PROCORE_SECRET],
        lcptracker: [LCP_SECRET],
      }),
      INTEGRATION_WEBHOOK_SCHEMES: JSON.stringify(LCP_SCHEME),
      INTEGRATION_PROCESS_TICK_MS: '100',
    });
    const dataSource = app.app.get(DataSource);
    rows = async (webhookId) => {
      const [{ n }] = await dataSource.query<Array<{ n: string }>>(
        `SELECT count(*) AS n FROM integration_events WHERE webhook_id = $1`,
        [webhookId],
      );
      return Number(n);
    };
  });

  afterAll(() => app.close());

  describe('Stripe (Stripe-Signature)', () => {
    const post = (body: string, signature: string) =>
      postRaw(url('stripe_issuing'), body, { 'stripe-signature': signature });

    it('stores a declined Issuing authorization once, mapped, redacted and classified', async () => {
      const body = stripeDecline('evt_decline_1');
      const first = await post(body, nativeSign.stripe(STRIPE_NEW, body));
      const again = await post(body, nativeSign.stripe(STRIPE_OLD, body));
      expect([first.status, again.status]).toEqual([202, 202]);
      expect(again.body.eventId).toBe(first.body.eventId);
      expect(await rows('evt_decline_1')).toBe(1);
      let event = await detail(first.body.eventId);
      for (let i = 0; i < 50 && !(event.classification && event.issueId); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        event = await detail(first.body.eventId);
      }
      expect(event).toMatchObject({
        webhookId: 'evt_decline_1',
        eventType: 'issuing_authorization.created',
        status: 'failure',
        error: { code: 'issuing_authorization_declined/spending_controls' },
        classification: { category: 'spending_control', retryable: false },
      });
      expect(event.classification?.affectedData).toContain('issuing.authorization iauth_1Q2w3E');
      expect(event.payload).toMatchObject({ sender: 'stripe', entity: { type: 'issuing.authorization' } });
      // Grouped into an issue, and counted in the integration's health, like any other failure.
      expect(event.issueId).toEqual(expect.any(String));
      const health = (await (
        await fetch(`${app.baseUrl}/api/v1/integrations`, { headers: await app.adminHeaders() })
      ).json()) as IntegrationList;
      const stripe = health.items.find((item) => item.id === 'stripe_issuing');
      expect(stripe?.errors24h).toBeGreaterThanOrEqual(1);
      expect(stripe?.openIssues).toBeGreaterThanOrEqual(1);
      expect(stripe?.mttdSeconds).toEqual(expect.any(Number));
      expect(JSON.stringify(event.payload)).toContain('Lumber Yard');
    });

    it('reads a PaymentIntent failure from last_payment_error', async () => {
      const body = JSON.stringify({
        id: 'evt_pi_failed',
        object: 'event',
        type: 'payment_intent.payment_failed',
        created: now(),
        data: {
          object: {
            id: 'pi_3Abc',
            object: 'payment_intent',
            amount: 1200,
            last_payment_error: {
              type: 'card_error',
              code: 'card_declined',
              decline_code: 'insufficient_funds',
              message: 'Your card has insufficient funds.',
              request_log_url: 'https://dashboard.stripe.com/test/logs/req_1',
            },
          },
        },
      });
      const answer = await post(body, nativeSign.stripe(STRIPE_NEW, body));
      expect(answer.status).toBe(202);
      expect(await detail(answer.body.eventId)).toMatchObject({
        status: 'failure',
        error: { code: 'card_error/card_declined/insufficient_funds', message: 'Your card has insufficient funds.' },
      });
    });

    it('refuses a tampered body, a stale timestamp, a wrong secret and no signature', async () => {
      const body = stripeDecline('evt_refused');
      await expectRefused(post(body.replace('48000', '1'), nativeSign.stripe(STRIPE_NEW, body)), 'evt_refused');
      await expectRefused(post(body, nativeSign.stripe(STRIPE_NEW, body, now() - 301)), 'evt_refused');
      await expectRefused(post(body, nativeSign.stripe(STRIPE_NEW, body, now() + 400)), 'evt_refused');
      await expectRefused(post(body, nativeSign.stripe(WRONG, body)), 'evt_refused');
      await expectRefused(postRaw(url('stripe_issuing'), body, {}), 'evt_refused');
    });
  });

  describe('QuickBooks Online (intuit-signature)', () => {
    const post = (body: string, token = QBO_TOKEN) =>
      postRaw(url('quickbooks'), body, { 'intuit-signature': nativeSign.intuit(token, body) });

    it('stores each entity of a classic notification once', async () => {
      const body = JSON.stringify({
        eventNotifications: [
          {
            realmId: '9130357',
            dataChangeEvent: {
              entities: [
                { name: 'Invoice', id: '1044', operation: 'Create', lastUpdated: '2026-11-30T10:00:00.000Z' },
                { name: 'Bill', id: '77', operation: 'Update', lastUpdated: '2026-11-30T10:00:01.000Z' },
              ],
            },
          },
        ],
      });
      const first = await post(body);
      const again = await post(body);
      expect([first.status, again.status]).toEqual([202, 202]);
      expect(first.body.events).toHaveLength(2);
      expect(again.body.events).toEqual(first.body.events);
      const invoiceId = '9130357:Invoice:1044:Create:2026-11-30T10:00:00.000Z';
      expect(await rows(invoiceId)).toBe(1);
      expect(await detail(first.body.eventId)).toMatchObject({
        webhookId: invoiceId,
        eventType: 'qbo.invoice.created.v1',
        status: 'success',
        payload: { entity: { type: 'Invoice', id: '1044' }, data: { realmId: '9130357' } },
      });
    });

    it('stores CloudEvents by their id', async () => {
      const body = JSON.stringify([
        {
          specversion: '1.0',
          id: 'ce-5b6c-0001',
          source: 'intuit.qbo',
          type: 'qbo.customer.updated.v1',
          time: '2026-11-30T10:05:00Z',
          intuitentityid: '58',
          intuitaccountid: '9130357',
          data: {},
        },
      ]);
      const answer = await post(body);
      expect(answer.status).toBe(202);
      expect(await detail(answer.body.eventId)).toMatchObject({
        webhookId: 'ce-5b6c-0001',
        eventType: 'qbo.customer.updated.v1',
        payload: { entity: { type: 'customer', id: '58' } },
      });
    });

    it('refuses a tampered body and a wrong verifier token; a shape it does not know is a 400', async () => {
      const body = JSON.stringify([{ specversion: '1.0', id: 'ce-refused', type: 'qbo.bill.created.v1' }]);
      await expectRefused(
        postRaw(url('quickbooks'), body.replace('bill', 'item'), {
          'intuit-signature': nativeSign.intuit(QBO_TOKEN, body),
        }),
        'ce-refused',
      );
      await expectRefused(post(body, WRONG), 'ce-refused');
      await expectRefused(post(JSON.stringify({ hello: 'world' })), 'ce-refused', 400);
    });
  });

  describe('Gusto (X-Gusto-Signature)', () => {
    const event = (uuid: string) =>
      JSON.stringify({
        uuid,
        event_type: 'payroll.processing_failed',
        resource_type: 'Company',
        resource_uuid: 'c0a8-company',
        entity_type: 'Payroll',
        entity_uuid: 'p9-payroll',
        timestamp: now(),
      });
    const post = (body: string, token = GUSTO_TOKEN) =>
      postRaw(url('gusto'), body, { 'x-gusto-signature': nativeSign.gusto(token, body) });

    it('accepts the subscription handshake and stores nothing', async () => {
      const answer = await postRaw(
        url('gusto'),
        JSON.stringify({ verification_token: 'asdf1234qwer5678', webhook_subscription_uuid: 'sub-1' }),
        {},
      );
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ integration: 'gusto', handshake: 'verification_token' });
      expect(await rows('sub-1')).toBe(0);
      expect(app.logs.some((line) => line.verificationToken === 'asdf1234qwer5678')).toBe(true);
    });

    it('stores a failed payroll once by its uuid', async () => {
      const body = event('7c1e-uuid-1');
      const [first, again] = [await post(body), await post(body)];
      expect(again.body.eventId).toBe(first.body.eventId);
      expect(await rows('7c1e-uuid-1')).toBe(1);
      expect(await detail(first.body.eventId)).toMatchObject({
        eventType: 'payroll.processing_failed',
        status: 'failure',
        error: { code: 'gusto_event/payroll.processing_failed' },
        payload: { entity: { type: 'Payroll', id: 'p9-payroll' }, data: { companyUuid: 'c0a8-company' } },
      });
    });

    it('refuses a tampered body and a wrong token', async () => {
      const body = event('7c1e-refused');
      await expectRefused(
        postRaw(url('gusto'), body.replace('Payroll', 'Company'), {
          'x-gusto-signature': nativeSign.gusto(GUSTO_TOKEN, body),
        }),
        '7c1e-refused',
      );
      await expectRefused(post(body, WRONG), '7c1e-refused');
    });
  });

  describe('Procore (hook Authorization header)', () => {
    const event = (ulid: string) =>
      JSON.stringify({
        id: 902_113,
        ulid,
        timestamp: new Date().toISOString(),
        resource_name: 'Budget Line Items',
        resource_id: 5521,
        event_type: 'update',
        company_id: 8,
        project_id: 2291,
        api_version: 'v2',
      });

    it('stores an event once by its ulid, with Bearer or bare secret', async () => {
      const body = event('01JDXK4M5N6P');
      const first = await postRaw(url('procore'), body, { authorization: `Bearer ${PROCORE_SECRET}` });
      const again = await postRaw(url('procore'), body, { authorization: PROCORE_SECRET });
      expect([first.status, again.status]).toEqual([202, 202]);
      expect(again.body.eventId).toBe(first.body.eventId);
      expect(await rows('01JDXK4M5N6P')).toBe(1);
      expect(await detail(first.body.eventId)).toMatchObject({
        eventType: 'budget_line_items.update',
        status: 'success',
        payload: { entity: { id: '5521' }, data: { projectId: '2291', companyId: '8' } },
      });
    });

    it('refuses a wrong or missing Authorization', async () => {
      await expectRefused(postRaw(url('procore'), event('01JDXREFUSED'), { authorization: WRONG }), '01JDXREFUSED');
      await expectRefused(postRaw(url('procore'), event('01JDXREFUSED'), {}), '01JDXREFUSED');
    });
  });

  describe('LCPtracker (configured HMAC scheme)', () => {
    const body = JSON.stringify({
      type: 'certified_payroll.submit',
      error: { message: 'Fringe benefits are below the wage determination for Laborer Group 2' },
    });
    const headers = (id: string, timestamp = now(), secret = LCP_SECRET, signed = body) => ({
      'x-lcp-event-id': id,
      'x-lcp-timestamp': String(timestamp),
      'x-lcp-signature': `sha512=${createHmac('sha512', secret).update(`${timestamp}.${signed}`).digest('base64')}`,
    });

    it('stores a signed event once by its id header', async () => {
      const first = await postRaw(url('lcptracker'), body, headers('lcp-evt-1'));
      const again = await postRaw(url('lcptracker'), body, headers('lcp-evt-1'));
      expect([first.status, again.status]).toEqual([202, 202]);
      expect(again.body.eventId).toBe(first.body.eventId);
      expect(await rows('lcp-evt-1')).toBe(1);
      expect(first.body).toMatchObject({ status: 'failure', webhookId: 'lcp-evt-1' });
    });

    it('refuses a stale timestamp, a tampered body, a wrong secret, and Standard Webhooks when turned off', async () => {
      await expectRefused(postRaw(url('lcptracker'), body, headers('lcp-refused', now() - 400)), 'lcp-refused');
      await expectRefused(
        postRaw(url('lcptracker'), body, headers('lcp-refused', now(), LCP_SECRET, '{}')),
        'lcp-refused',
      );
      await expectRefused(postRaw(url('lcptracker'), body, headers('lcp-refused', now(), WRONG)), 'lcp-refused');
      await expectRefused(
        postRaw(url('lcptracker'), body, {
          'webhook-id': 'lcp-refused',
          'webhook-timestamp': String(now()),
          'webhook-signature': 'v1,abc',
        }),
        'lcp-refused',
      );
    });
  });

  it('refuses malformed JSON and NUL bytes with 400, even when correctly signed', async () => {
    for (const body of [
      '{"uuid": "nul-1", "event_type": ',
      '{"uuid":"nul-2","event_type":"employee.created\\u0000"}',
    ]) {
      const answer = await postRaw(url('gusto'), body, { 'x-gusto-signature': nativeSign.gusto(GUSTO_TOKEN, body) });
      expect(answer.status).toBe(400);
      expect(answer.body).toHaveProperty('error.code');
    }
    expect((await rows('nul-1')) + (await rows('nul-2'))).toBe(0);
  });
});
