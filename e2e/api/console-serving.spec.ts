import { expect, test } from '@playwright/test';
import { bearerFor } from '../support/api-auth';

test.describe('one port for console and API', () => {
  test('serves the console at / and at deep links', async ({ request }) => {
    for (const path of ['/', '/system', '/portfolio/projects/p-7']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type']).toContain('text/html');
      expect(await response.text()).toContain('<sy-root>');
    }
  });

  test('serves hashed assets with a long cache and index.html without one', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const script = /src="(main-[A-Z0-9]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await request.get(`/${script}`);
    expect(asset.status()).toBe(200);
    expect(asset.headers()['cache-control']).toContain('immutable');
    expect((await request.get('/system')).headers()['cache-control']).toBe('no-cache');
  });

  test('answers unknown API routes and missing files with the API error, not the console', async ({ request }) => {
    for (const path of ['/api/v1/nothing-here', '/missing-file.js']) {
      const response = await request.get(path, { headers: { 'x-trace-id': 'e2e-404' } });
      expect(response.status(), path).toBe(404);
      expect(await response.json()).toMatchObject({ error: { traceId: 'e2e-404' } });
    }
  });

  test('serves API, docs, health and metrics on the same port', async ({ request, baseURL }) => {
    expect((await request.get('/api/v1/system/status')).status()).toBe(401);
    const auth = await bearerFor(baseURL ?? '', 'technical_admin@demo.local');
    expect((await request.get('/api/v1/system/status', { headers: auth })).status()).toBe(200);
    expect((await request.get('/api/docs-json')).status()).toBe(200);
    expect((await request.get('/health/ready')).status()).toBe(200);
    expect(await (await request.get('/metrics')).text()).toContain('http_request_duration_seconds');
  });
});
