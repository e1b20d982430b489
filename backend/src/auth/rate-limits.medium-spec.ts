import type { ApiErrorResponse } from '@switchyard/contracts';
import { startTestApp, type TestApp } from '../../test/support/test-app';

describe('rate limits on sign-in and token endpoints', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SYNC_ENABLED: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });

  afterAll(async () => {
    await app.close();
  });

  const attempt = (path: string, body: unknown) =>
    fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers 429 with retryAfter once an address exceeds its sign-ins per minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push(
        (await attempt('/auth/login', { email: `nobody${i}@example.com`, password: 'whatever-else' })).status,
      );
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await attempt('/auth/login', { email: 'nobody@example.com', password: 'whatever-else' });
    expect(limited.status).toBe(429);
    const body = (await limited.json()) as ApiErrorResponse;
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(body.error.retryAfter).toBeGreaterThan(0);
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('limits the token endpoint the same way, each endpoint with its own budget', async () => {
    const token = () =>
      attempt('/auth/token', { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' });
    for (let i = 0; i < 3; i += 1) expect((await token()).status).toBe(401);
    expect((await token()).status).toBe(429);
    // Refreshes have a larger budget of their own: the sign-in limit above does not touch them.
    expect((await attempt('/auth/refresh', {})).status).toBe(401);
  });
});
