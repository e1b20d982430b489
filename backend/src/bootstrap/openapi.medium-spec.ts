import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { startTestApp, type TestApp } from '../../test/support/test-app';

/** Probes, metrics and the identity endpoints live at the root; everything else is versioned. */
const ROOT_PATHS = [
  '/health/live',
  '/health/ready',
  '/metrics',
  '/auth/login',
  '/auth/refresh',
  '/auth/logout',
  '/auth/me',
  '/auth/token',
  '/auth/oidc/providers',
  '/.well-known/jwks.json',
  '/webhooks/{integration}',
  // Seed 002's documented aggregator path, served as aliases of /api/v1/ops/... (x-blueprint-alias).
  '/api/admin-dashboard/realtime',
];

async function fetchDocument(app: TestApp): Promise<OpenAPIV3.Document> {
  return (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as OpenAPIV3.Document;
}

describe('OpenAPI document', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('is a valid OpenAPI 3 document', async () => {
    const response = await fetch(`${app.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenAPIV3.Document;
    expect(document.openapi).toMatch(/^3\./);
    // validate() dereferences in place; it throws with the reason when the document is invalid.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('documents every route, versioned under /api/v1 except probes, metrics, identity and blueprint aliases', async () => {
    const document = await fetchDocument(app);
    const paths = Object.keys(document.paths).sort();
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/system/client-errors',
        '/api/v1/system/instances',
        '/api/v1/system/status',
        '/health/live',
        '/health/ready',
        '/metrics',
      ]),
    );
    expect(paths.filter((p) => !p.startsWith('/api/v1/') && !ROOT_PATHS.includes(p))).toEqual([]);
  });

  it('documents the error payload on every operation', async () => {
    const document = await fetchDocument(app);
    const missing = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, item]) =>
        Object.entries(item ?? {})
          .filter(([, op]) => !(op as OpenAPIV3.OperationObject).responses?.['500'])
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
    expect(missing).toEqual([]);
  });

  it('serves the interactive reference', async () => {
    const response = await fetch(`${app.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });
});
