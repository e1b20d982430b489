import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '@switchyard/contracts';
import { startTestApp, type TestApp } from '../../test/support/test-app';
import { AUTHENTICATED_ONLY, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';

interface RouteAccess {
  method: string;
  path: string;
  access: 'public' | 'authenticated' | Permission | 'UNDECLARED';
}

/** Paths served at the root rather than under /api/v1 (see create-app). */
const ROOT = [
  'health/live',
  'health/ready',
  'metrics',
  'auth/login',
  'auth/refresh',
  'auth/logout',
  'auth/me',
  'auth/token',
  'auth/oidc/providers',
  'auth/oidc/:provider/login',
  'auth/oidc/:provider/callback',
  '.well-known/jwks.json',
  'webhooks/:integration',
  // Seed 002's aliases: signed-in only here; each action checks its aliased route's permission.
  'api/admin-dashboard/realtime',
];

function listRoutes(app: TestApp): RouteAccess[] {
  const discovery = app.app.get(DiscoveryService);
  const scanner = app.app.get(MetadataScanner);
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!controller || !wrapper.instance) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const joined = [base, path]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/');
      const meta = (key: string): unknown => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
      const access = meta(PUBLIC_ROUTE)
        ? 'public'
        : meta(AUTHENTICATED_ONLY)
          ? 'authenticated'
          : ((meta(REQUIRED_PERMISSION) as Permission | undefined) ?? 'UNDECLARED');
      routes.push({ method, path: ROOT.includes(joined) ? `/${joined}` : `/api/v1/${joined}`, access });
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** A concrete URL for a route template; ids that exist nowhere are fine (403 comes before 404). */
function concrete(path: string): string {
  return path
    .replace(':snapshotId', '00000000-0000-4000-8000-000000000000')
    .replace(/:id\b/, path.includes('sync-runs') ? '00000000-0000-4000-8000-000000000001' : 'no-such-thing');
}

describe('route permissions', () => {
  let app: TestApp;
  let routes: RouteAccess[];

  beforeAll(async () => {
    app = await startTestApp({ SYNC_ENABLED: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    routes = listRoutes(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const call = async (route: RouteAccess, token?: string) => {
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
    const response = await fetch(`${app.baseUrl}${concrete(route.path)}`, {
      method: route.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      },
      body: hasBody ? '{}' : undefined,
    });
    await response.body?.cancel();
    return response.status;
  };

  it('finds the routes, and every one declares a permission or says it is public', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => r.access === 'UNDECLARED').map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('keeps the public set small and deliberate', () => {
    expect(routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.path}`)).toEqual(
      [
        'GET /.well-known/jwks.json',
        'POST /api/v1/sources/:id/webhook',
        'POST /api/v1/system/client-errors',
        'GET /api/v1/health',
        'POST /auth/login',
        'POST /auth/logout',
        'GET /auth/oidc/:provider/callback',
        'GET /auth/oidc/:provider/login',
        'GET /auth/oidc/providers',
        'POST /auth/refresh',
        'POST /auth/token',
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'POST /webhooks/:integration',
      ].sort((a, b) => `${a.split(' ')[1]} ${a.split(' ')[0]}`.localeCompare(`${b.split(' ')[1]} ${b.split(' ')[0]}`)),
    );
  });

  it('keeps starting, stopping and forcing the operations aggregator to ops.control (master and technical admins)', () => {
    expect(routes.filter((r) => r.access === 'ops.control').map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/ops/aggregate',
      'POST /api/v1/ops/aggregator/start',
      'POST /api/v1/ops/aggregator/stop',
    ]);
    expect(ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('ops.control'))).toEqual([
      'master_admin',
      'technical_admin',
    ]);
  });

  it('answers 401 on every protected route without a token', async () => {
    const protectedRoutes = routes.filter((r) => r.access !== 'public');
    const statuses = await Promise.all(protectedRoutes.map(async (r) => `${r.method} ${r.path} ${await call(r)}`));
    expect(statuses).toEqual(protectedRoutes.map((r) => `${r.method} ${r.path} 401`));
  });

  it.each(ROLES)('lets %s through exactly the routes its permissions allow (role x route matrix)', async (role) => {
    const token = await app.tokenFor(role);
    const granted = new Set<string>(ROLE_PERMISSIONS[role]);
    const protectedRoutes = routes.filter((r) => r.access !== 'public');
    const outcomes = await Promise.all(
      protectedRoutes.map(async (r) => {
        const status = await call(r, token);
        const allowed = r.access === 'authenticated' || granted.has(r.access);
        const verdict = allowed
          ? status === 401 || status === 403
            ? `refused ${status}`
            : 'allowed'
          : status === 403
            ? 'forbidden'
            : `leaked ${status}`;
        return `${r.method} ${r.path}: ${verdict}`;
      }),
    );
    const expected = protectedRoutes.map((r) => {
      const allowed = r.access === 'authenticated' || granted.has(r.access);
      return `${r.method} ${r.path}: ${allowed ? 'allowed' : 'forbidden'}`;
    });
    expect(outcomes).toEqual(expected);
  });
});
