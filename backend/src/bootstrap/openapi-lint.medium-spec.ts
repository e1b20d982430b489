import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { childProcessEnv } from '../../test/support/test-environment';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer?: string }>;
}

// Security issue 19, item 12: the served OpenAPI document says how to authenticate (bearer
// JWT, OAuth2 client credentials), which operations are public, where the server is, and
// lints clean against Redocly's recommended rules.
describe('OpenAPI security and lint', () => {
  let app: TestApp;
  let document: OpenAPIV3.Document;
  let dir: string;

  beforeAll(async () => {
    app = await startTestApp();
    document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as OpenAPIV3.Document;
    dir = mkdtempSync(join(tmpdir(), 'switchyard-openapi-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item?.[m]).map((m) => ({
        id: `${m.toUpperCase()} ${path}`,
        op: item?.[m] as OpenAPIV3.OperationObject,
      })),
    );

  it('declares bearer JWT and OAuth2 client credentials, required at the root', () => {
    const schemes = document.components?.securitySchemes ?? {};
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const oauth2 = schemes.oauth2 as OpenAPIV3.OAuth2SecurityScheme;
    expect(oauth2.type).toBe('oauth2');
    expect(oauth2.flows.clientCredentials?.tokenUrl).toMatch(/^https?:\/\/[^/]+\/auth\/token$/);
    expect(Object.keys(oauth2.flows.clientCredentials?.scopes ?? {})).toEqual(['read:dashboard', 'write:dashboard']);
    expect(document.security).toEqual([{ bearer: [] }, { oauth2: [] }]);
    expect(document.servers?.[0]?.url).toBe('{origin}');
    expect(document.info.license?.name).toContain('UNLICENSED');
  });

  it('marks exactly the public operations with an empty security list', () => {
    const open = operations()
      .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
      .map(({ id }) => id);
    expect(open).toEqual(
      expect.arrayContaining([
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'POST /auth/login',
        'POST /auth/token',
        'GET /.well-known/jwks.json',
        'POST /webhooks/{integration}',
        'POST /api/v1/system/client-errors',
        'GET /api/v1/health',
      ]),
    );
    for (const id of ['GET /api/v1/sources', 'GET /api/v1/ops/alerts', 'GET /api/v1/stream', 'GET /auth/me']) {
      expect({ id, open: open.includes(id) }).toEqual({ id, open: false });
    }
  });

  it('documents a 4xx answer on every operation, and 401 on every protected one', () => {
    const without4xx = operations()
      .filter(({ op }) => !Object.keys(op.responses).some((status) => status.startsWith('4')))
      .map(({ id }) => id);
    expect(without4xx).toEqual([]);
    const protectedWithout401 = operations()
      .filter(({ op }) => op.security === undefined && !op.responses['401'])
      .map(({ id }) => id);
    expect(protectedWithout401).toEqual([]);
  });

  it("lints with Redocly's recommended rules at 0 errors and 0 warnings", () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const lint = spawnSync(
      process.execPath,
      [
        require.resolve('@redocly/cli/bin/cli.js'),
        'lint',
        file,
        '--extends=recommended',
        '--format=json',
        '--max-problems=1000',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: childProcessEnv({ REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }),
      },
    );
    const start = lint.stdout.indexOf('{');
    expect({ parsed: start >= 0, stderr: start >= 0 ? '' : lint.stderr }).toEqual({ parsed: true, stderr: '' });
    const report = JSON.parse(lint.stdout.slice(start)) as { problems: LintProblem[] };
    const problems = report.problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`,
    );
    expect(problems).toEqual([]);
    expect(lint.status).toBe(0);
  });
});
