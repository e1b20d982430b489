import type { ApiErrorResponse } from '@switchyard/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/support/test-app';

describe('health', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('is live without touching dependencies', async () => {
    const response = await fetch(`${app.baseUrl}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('is ready when the database answers, and says which database', async () => {
    const response = await fetch(`${app.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checks: { database: { status: string; kind: string } } };
    expect(body.checks.database).toMatchObject({ status: 'up', kind: app.config.database.kind });
  });

  it('is not ready, with a reason, when the database is gone', async () => {
    await app.app.get(DataSource).destroy();
    const response = await fetch(`${app.baseUrl}/health/ready`, { headers: { 'x-trace-id': 'trace-ready' } });
    expect(response.status).toBe(503);
    const body = (await response.json()) as ApiErrorResponse;
    expect(body.error).toMatchObject({ code: 'NOT_READY', traceId: 'trace-ready' });
    expect(body.error.message).toContain('database');
    expect((await fetch(`${app.baseUrl}/health/live`)).status).toBe(200);
  });
});
