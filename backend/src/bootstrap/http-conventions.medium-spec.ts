import type { ApiErrorResponse } from '@switchyard/contracts';
import { startTestApp, type TestApp } from '../../test/support/test-app';

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Calls as a signed-in admin: these tests are about HTTP conventions, not access. */
async function call(app: TestApp, path: string, init: RequestInit = {}): Promise<Answer> {
  const headers = { ...(await app.adminHeaders()), ...(init.headers as Record<string, string> | undefined) };
  const response = await fetch(`${app.baseUrl}${path}`, { ...init, headers });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return { status: response.status, headers: response.headers, body: isJson ? (JSON.parse(text) as unknown) : text };
}

function postJson(body: string, traceId: string, extraHeaders: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-trace-id': traceId, ...extraHeaders },
  };
}

function expectApiError(answer: Answer, status: number, code: string, traceId: string): ApiErrorResponse {
  expect(answer.status).toBe(status);
  const body = answer.body as ApiErrorResponse;
  expect(body.error.code).toBe(code);
  expect(body.error.traceId).toBe(traceId);
  expect(answer.headers.get('x-trace-id')).toBe(traceId);
  expect(body.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+\.(js|ts):\d+|node_modules|SELECT |INSERT /);
  return body;
}

const REPORT = { level: 'error', message: 'Cannot read properties of undefined', url: '/system' };

describe('HTTP conventions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://ops.example.com' });
  });

  afterAll(() => app.close());

  it('answers an unknown API route with 404 ROUTE_NOT_FOUND and echoes the trace id', async () => {
    expectApiError(
      await call(app, '/api/v1/no-such-thing', { headers: { 'x-trace-id': 'trace-404' } }),
      404,
      'ROUTE_NOT_FOUND',
      'trace-404',
    );
    expectApiError(
      await call(app, '/api/v1/no-such-thing', postJson('{}', 'trace-404-post')),
      404,
      'ROUTE_NOT_FOUND',
      'trace-404-post',
    );
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const answer = await call(app, '/api/v1/system/client-errors', postJson('{"level": "error",', 'trace-bad-json'));
    expectApiError(answer, 400, 'MALFORMED_JSON', 'trace-bad-json');
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ ...REPORT, stack: 'x'.repeat(4096) });
    const body = expectApiError(
      await call(app, '/api/v1/system/client-errors', postJson(big, 'trace-413')),
      413,
      'PAYLOAD_TOO_LARGE',
      'trace-413',
    );
    expect(body.error.message).toContain('2048 bytes');
  });

  it('names the field that failed validation, and unknown fields', async () => {
    const answer = await call(
      app,
      '/api/v1/system/client-errors',
      postJson(JSON.stringify({ ...REPORT, level: 'panic', colour: 'red' }), 'trace-400'),
    );
    const body = expectApiError(answer, 400, 'VALIDATION_FAILED', 'trace-400');
    expect(body.error.fields?.map((f) => f.field).sort()).toEqual(['colour', 'level']);
    expect(body.error.message).toContain('level: must be one of error, warning');
    expect(body.error.message).toContain('colour is not a known field');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const answer = await call(app, '/api/v1/system/client-errors', {
      method: 'POST',
      body: 'level=error',
      headers: { 'content-type': 'text/plain', 'x-trace-id': 'trace-415' },
    });
    expectApiError(answer, 415, 'UNSUPPORTED_MEDIA_TYPE', 'trace-415');
  });

  it('generates a trace id when the caller sends none or an unsafe one', async () => {
    const answer = await call(app, '/api/v1/system/status', { headers: { 'x-trace-id': 'bad id with spaces' } });
    expect(answer.headers.get('x-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stamps generatedAt on successful answers', async () => {
    const answer = await call(app, '/api/v1/system/status');
    expect(answer.status).toBe(200);
    expect((answer.body as { generatedAt: string }).generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it('writes the trace id on every log line of a request, including those of services', async () => {
    const answer = await call(app, '/api/v1/system/client-errors', postJson(JSON.stringify(REPORT), 'trace-logged'));
    expect(answer.status).toBe(202);
    const lines = app.logs.filter((line) => line.traceId === 'trace-logged');
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['console error: Cannot read properties of undefined', 'request completed']),
    );
    expect(
      app.logs.filter((line) => line.msg === 'request completed').every((line) => typeof line.traceId === 'string'),
    ).toBe(true);
  });

  it('paginates with page/pageSize or limit/offset and rejects a page size over the maximum', async () => {
    const byPage = await call(app, '/api/v1/system/instances?page=1&pageSize=5');
    expect(byPage.body).toMatchObject({ page: 1, pageSize: 5, total: 1 });
    const byOffset = await call(app, '/api/v1/system/instances?limit=1&offset=0');
    expect(byOffset.body).toMatchObject({ page: 1, pageSize: 1, total: 1 });
    const tooBig = await call(app, '/api/v1/system/instances?pageSize=201', {
      headers: { 'x-trace-id': 'trace-page' },
    });
    const body = expectApiError(tooBig, 400, 'VALIDATION_FAILED', 'trace-page');
    expect(body.error.fields).toEqual([{ field: 'pageSize', message: 'pageSize must be between 1 and 200' }]);
    const notNumber = await call(app, '/api/v1/system/instances?page=two');
    expect(notNumber.status).toBe(400);
  });

  it('sends security headers', async () => {
    const answer = await call(app, '/api/v1/system/status');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(answer.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('allows CORS only for allowlisted origins', async () => {
    const allowed = await call(app, '/api/v1/system/status', { headers: { origin: 'https://ops.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    const other = await call(app, '/api/v1/system/status', { headers: { origin: 'https://evil.example.net' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an unknown non-API path with 404 when no console is built', async () => {
    const answer = await call(app, '/portfolio/projects', { headers: { 'x-trace-id': 'trace-console' } });
    expectApiError(answer, 404, 'NOT_FOUND', 'trace-console');
  });
});
