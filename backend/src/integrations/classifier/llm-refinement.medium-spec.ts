import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { postSignedWebhook } from '../../../test/support/webhook-signer';
import { EventProcessorService } from '../processing/event-processor.service';

const SECRET = `whsec_${Buffer.from('llm-refinement-test-secret').toString('base64')}`;

/** A stand-in for an OpenAI-compatible chat-completions endpoint, scripted per test. */
class FakeModel {
  readonly requests: string[] = [];
  answer: (response: ServerResponse) => void = () => undefined;
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push(`${request.method} ${request.url} ${Buffer.concat(chunks).toString()}`);
        this.answer(response);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const completion = (content: unknown) => (response: ServerResponse) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: JSON.stringify(content) } }] }));
};

describe('optional model refinement of classifications', () => {
  const model = new FakeModel();
  let app: TestApp;
  let sequence = 0;

  const classify = async (message: string, data: Record<string, unknown> = {}) => {
    const receipt = await postSignedWebhook(`${app.baseUrl}/webhooks/quickbooks`, {
      id: `msg_llm_${(sequence += 1)}`,
      secret: SECRET,
      body: { type: 'invoice.create', data, error: { message, httpStatus: 400 } },
    });
    await app.app.get(EventProcessorService).settle();
    const response = await fetch(`${app.baseUrl}/api/v1/integration-events/${String(receipt.body.eventId)}`, {
      headers: await app.adminHeaders(),
    });
    return ((await response.json()) as { classification: Record<string, unknown> }).classification;
  };

  beforeAll(async () => {
    const url = await model.start();
    app = await startTestApp({
      INTEGRATION_WEBHOOK_SECRETS: `quickbooks=${SECRET}`,
      INTEGRATION_LLM_URL: url,
      INTEGRATION_LLM_API_KEY: 'sk-test',
      INTEGRATION_LLM_TIMEOUT_MS: '300',
      INTEGRATION_PROCESS_TICK_MS: '60000',
    });
  });

  afterAll(async () => {
    await app.close();
    await model.stop();
  });

  it('uses the model’s answer, sends it no PII, and asks once per error signature', async () => {
    model.answer = completion({
      category: 'data_state_mismatch',
      severity: 'high',
      cause: 'The customer on the invoice was merged away in QuickBooks.',
      suggestedFix: 'Re-map the customer and resend.',
      businessImpact: 'Invoices for job 2291 are not billed.',
    });
    const first = await classify('Customer for SSN 123-45-6789 invalid on invoice 1001', { ssn: '123-45-6789' });
    expect(first).toMatchObject({ classifiedBy: 'llm', category: 'data_state_mismatch', severity: 'high' });
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]).toMatch(/^POST \/v1\/chat\/completions /);
    expect(model.requests[0]).not.toContain('123-45-6789');

    const second = await classify('Customer for SSN 987-65-4320 invalid on invoice 1002');
    expect(second).toMatchObject({ classifiedBy: 'llm', category: 'data_state_mismatch' });
    expect(model.requests).toHaveLength(1);
  });

  it.each([
    ['an HTTP error', (response: ServerResponse) => response.writeHead(500).end('{}')],
    ['an answer that is not a classification', completion({ verdict: 'it broke' })],
    ['no answer within the timeout', () => undefined],
  ])('falls back to the rules on %s', async (_name, answer) => {
    model.answer = answer;
    const asked = model.requests.length;
    const result = await classify(`Required param missing, need to supply CustomerRef (case ${sequence})`);
    expect(model.requests.length).toBe(asked + 1);
    expect(result).toMatchObject({ classifiedBy: 'rules', category: 'data_validation' });
  });
});
