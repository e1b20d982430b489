import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { postSignedWebhook, signWebhook } from '../../test/support/webhook-signer';

const SECRET_OLD = `whsec_${Buffer.from('procore-secret-being-rotated-out').toString('base64')}`;
const SECRET_NEW = `whsec_${Buffer.from('procore-secret-rotated-in-today').toString('base64')}`;
const WRONG = `whsec_${Buffer.from('not-a-secret-switchyard-knows').toString('base64')}`;

const failure = (message: string, extra: Record<string, unknown> = {}) => ({
  type: 'cost_code.import',
  occurredAt: new Date(Date.now() - 5000).toISOString(),
  data: { projectId: 'PRJ-1001', ...extra },
  error: { message, httpStatus: 422 },
});

describe('POST /webhooks/:integration (Standard Webhooks intake)', () => {
  let app: TestApp;
  let url: string;
  let rows: () => Promise<number>;

  beforeAll(async () => {
    app = await startTestApp({
      INTEGRATION_WEBHOOK_SECRETS: `procore=${SECRET_OLD}|${SECRET_NEW}`,
      INTEGRATION_REDACT_FIELDS: 'workerNotes',
      INTEGRATION_WEBHOOK_BODY_LIMIT_BYTES: '4096',
    });
    url = `${app.baseUrl}/webhooks/procore`;
    const dataSource = app.app.get(DataSource);
    rows = async () => {
      const [{ n }] = await dataSource.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM integration_events`);
      return Number(n);
    };
  });

  afterAll(() => app.close());

  it('stores a validly signed event and answers 202 with its receipt', async () => {
    const answer = await postSignedWebhook(url, {
      id: 'msg_valid_1',
      secret: SECRET_NEW,
      body: failure('cost_code: code can\u2019t be blank'),
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ integration: 'procore', webhookId: 'msg_valid_1', status: 'failure' });
    const detail = await fetch(`${app.baseUrl}/api/v1/integration-events/${String(answer.body.eventId)}`, {
      headers: await app.adminHeaders(),
    });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ webhookId: 'msg_valid_1', eventType: 'cost_code.import' });
  });

  it('accepts every active secret of the integration (rotation)', async () => {
    const answer = await postSignedWebhook(url, {
      id: 'msg_old_secret',
      secret: SECRET_OLD,
      body: { type: 'project.sync' },
    });
    expect(answer.status).toBe(202);
    expect(answer.body.status).toBe('success');
  });

  it.each([
    ['a wrong secret', { secret: WRONG }],
    ['no webhook-id', { omit: ['webhook-id'] }],
    ['no webhook-timestamp', { omit: ['webhook-timestamp'] }],
    ['no webhook-signature', { omit: ['webhook-signature'] }],
    ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['a timestamp 6 minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 360 }],
  ])('refuses %s with 401 and stores nothing', async (_name, change) => {
    const before = await rows();
    const answer = await postSignedWebhook(url, {
      id: `msg_refused_${Math.random().toString(36).slice(2)}`,
      secret: SECRET_NEW,
      body: failure('should never be stored'),
      ...change,
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await rows()).toBe(before);
  });

  it('refuses a signature over a different body', async () => {
    const before = await rows();
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_tampered',
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(SECRET_NEW, 'msg_tampered', timestamp, '{"type":"original"}'),
      },
      body: '{"type":"tampered"}',
    });
    expect(response.status).toBe(401);
    expect(await rows()).toBe(before);
  });

  it('stores the same webhook id once and answers every repeat with the original receipt', async () => {
    const before = await rows();
    const answers = [];
    for (let i = 0; i < 3; i += 1) {
      answers.push(
        await postSignedWebhook(url, { id: 'msg_repeated', secret: SECRET_NEW, body: failure(`attempt ${i}`) }),
      );
    }
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
    expect(answers[2].body.receivedAt).toBe(answers[0].body.receivedAt);
    expect(await rows()).toBe(before + 1);
  });

  it('redacts planted PII before storing anything', async () => {
    const planted = {
      ssn: '123-45-6789',
      bank: { accountNumber: '000123456789', routingNumber: '021000021' },
      cardOnFile: '4242 4242 4242 4242',
      employee: { dateOfBirth: '1984-03-09', name: 'Dana Ortiz' },
      workerNotes: 'prefers morning shifts',
    };
    const answer = await postSignedWebhook(url, {
      id: 'msg_pii',
      secret: SECRET_NEW,
      body: {
        ...failure('SSN 987-65-4321 rejected for card 4000056655665556, DOB: 03/09/1984, routing number 021000021'),
        data: planted,
      },
    });
    expect(answer.status).toBe(202);
    const [row] = await app.app
      .get(DataSource)
      .query<Array<{ payload: string; error_message: string }>>(
        `SELECT payload::text AS payload, error_message FROM integration_events WHERE webhook_id = 'msg_pii'`,
      );
    const stored = `${row.payload} ${row.error_message}`;
    for (const secret of [
      '123-45-6789',
      '987-65-4321',
      '000123456789',
      '021000021',
      '4242 4242 4242 4242',
      '4000056655665556',
      '1984-03-09',
      '03/09/1984',
      'morning shifts',
    ]) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).toContain('Dana Ortiz');
    expect(stored).toContain('[REDACTED]');
  });

  it('answers 404 for an integration it does not know or has no secret for', async () => {
    expect(
      (
        await postSignedWebhook(`${app.baseUrl}/webhooks/salesforce`, {
          id: 'msg_x',
          secret: SECRET_NEW,
          body: { type: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await postSignedWebhook(`${app.baseUrl}/webhooks/gusto`, {
          id: 'msg_y',
          secret: SECRET_NEW,
          body: { type: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a body over the webhook size limit with 413 and a body that is not an event with 400', async () => {
    const big = await postSignedWebhook(url, {
      id: 'msg_big',
      secret: SECRET_NEW,
      body: { type: 'x', data: { blob: 'x'.repeat(5000) } },
    });
    expect(big.status).toBe(413);
    const bad = await postSignedWebhook(url, { id: 'msg_bad', secret: SECRET_NEW, body: { data: {} } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('POST /webhooks/:integration when it cannot commit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      INTEGRATION_WEBHOOK_SECRETS: `gusto=${SECRET_NEW},quickbooks=${SECRET_NEW}`,
      INTEGRATION_WEBHOOK_RATE_LIMIT_PER_MINUTE: '3',
    });
  });

  afterAll(async () => {
    await app.close().catch(() => undefined);
  });

  it('limits the rate per address and integration with 429', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (
          await postSignedWebhook(`${app.baseUrl}/webhooks/gusto`, {
            id: `msg_rate_${i}`,
            secret: SECRET_NEW,
            body: { type: 'employee.sync' },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it('answers 503 in the API error format, never 2xx, when the database is gone', async () => {
    await app.app.get(DataSource).destroy();
    // Another integration: the limit above counts per address and integration.
    const answer = await postSignedWebhook(`${app.baseUrl}/webhooks/quickbooks`, {
      id: 'msg_no_database',
      secret: SECRET_NEW,
      body: { type: 'invoice.create', error: { message: 'whatever' } },
    });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
  });
});
