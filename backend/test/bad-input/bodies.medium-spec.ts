import { randomUUID } from 'node:crypto';
import type { ApiErrorResponse } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app';

// Request bodies are validated by zod (parseOrThrow): a bad body is a 400 in the API error
// format naming each bad field, checked before anything is looked up or changed.
describe('bad input: request bodies validated by zod', () => {
  let app: TestApp;
  let ops: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    ops = { authorization: `Bearer ${await app.tokenFor('operations_admin')}` };
  });

  afterAll(async () => {
    await app.close();
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = ops) => {
    const response = await fetch(`${app.baseUrl}/api/v1/${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as ApiErrorResponse };
  };
  const fields = (answer: { body: ApiErrorResponse }) => answer.body.error.fields?.map((f) => f.field).sort();
  const rows = async () => {
    const db = app.app.get(DataSource);
    const count = async (table: string) =>
      Number((await db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return { issues: await count('integration_issues'), feedback: await count('integration_feedback') };
  };

  it.each([
    ['acknowledge', { comment: 42 }, ['comment']],
    ['resolve', { comment: 'x'.repeat(2001) }, ['comment']],
    ['ignore', { comment: 'fine', state: 'resolved' }, ['state']],
  ])('refuses a bad %s body, naming the field, before looking the issue up', async (action, body, named) => {
    const before = await rows();
    const answer = await post(`integration-issues/${randomUUID()}/${action}`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(fields(answer)).toEqual(named);
    expect(await rows()).toEqual(before);
  });

  it('takes an issue action without a body or comment as far as the lookup (404)', async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/integration-issues/${randomUUID()}/resolve`, {
      method: 'POST',
      headers: ops,
    });
    expect(response.status).toBe(404);
    expect((await post(`integration-issues/${randomUUID()}/acknowledge`, { comment: 'on it' })).status).toBe(404);
  });

  it('refuses bad feedback, naming every bad field, and stores nothing', async () => {
    const before = await rows();
    const answer = await post(`integration-events/${randomUUID()}/feedback`, {
      helpful: 'maybe',
      correctCategory: 'weather',
      extra: true,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(fields(answer)).toEqual(['correctCategory', 'extra', 'helpful']);
    expect((await post(`integration-events/${randomUUID()}/feedback`, {})).body.error.fields).toEqual([
      { field: 'helpful', message: 'helpful: must be true or false' },
    ]);
    expect(await rows()).toEqual(before);
    expect((await post(`integration-events/${randomUUID()}/feedback`, { helpful: true })).status).toBe(404);
  });

  it('refuses a bad client error report, naming the fields, and logs nothing', async () => {
    const logged = () => app.logs.filter((line) => String(line.msg).startsWith('console ')).length;
    const before = logged();
    const answer = await post('system/client-errors', { level: 'fatal', message: '', url: 7 }, {});
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(fields(answer)).toEqual(['level', 'message', 'url']);
    expect(logged()).toBe(before);
    expect((await post('system/client-errors', { level: 'error', message: 'boom', url: '/x' }, {})).status).toBe(202);
    expect(logged()).toBe(before + 1);
  });
});
