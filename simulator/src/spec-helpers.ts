import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { createSimulator, type Simulator, type SimulatorOptions } from './simulator';
import { type VendorId } from './types';
import { GOOGLE_DEMO_SERVICE_ACCOUNT } from './vendors/google.demo-key';

/** Vendors that speak a real vendor's API (their refusals use that vendor's bodies). */
export const REAL_API_VENDORS = ['clienttether', 'servicenow', 'prometheus', 'jira', 'bamboohr', 'google'] as const;

/** A clock the test moves by hand, so evolution steps happen exactly when the test says. */
export class ManualClock {
  constructor(public time = Date.parse('2026-05-14T09:00:00.000Z')) {}
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestSimulator {
  sim: Simulator;
  clock: ManualClock;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const clock = new ManualClock();
  const sim = await createSimulator({ port: 0, now: clock.now, ...options });
  return { sim, clock };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

export async function call(
  sim: Simulator,
  path: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(sim.url + path, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

export function sendJson(method: string, body: unknown): RequestInit & { headers: Record<string, string> } {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export async function pmToken(sim: Simulator): Promise<string> {
  const answer = await call(sim, '/pm/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=switchyard&client_secret=pm-demo-secret',
  });
  return answer.json<{ access_token: string }>().access_token;
}

/** Signs a service-account assertion (RFC 7523) the way Google's client libraries do. */
export async function googleAssertion(
  sim: Simulator,
  now: number,
  overrides: { privateKey?: string; iss?: string; lifetimeSeconds?: number; scope?: string; sub?: string } = {},
): Promise<string> {
  const iat = Math.floor(now / 1000);
  const key = createPrivateKey(overrides.privateKey ?? GOOGLE_DEMO_SERVICE_ACCOUNT.private_key);
  const jwt = new SignJWT({ scope: overrides.scope ?? 'https://www.googleapis.com/auth/calendar.readonly' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: GOOGLE_DEMO_SERVICE_ACCOUNT.private_key_id })
    .setIssuer(overrides.iss ?? GOOGLE_DEMO_SERVICE_ACCOUNT.client_email)
    .setAudience(`${sim.url}/google/token`)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (overrides.lifetimeSeconds ?? 3600));
  if (overrides.sub !== undefined) jwt.setSubject(overrides.sub);
  return jwt.sign(key);
}

export async function googleTokenRequest(sim: Simulator, assertion: string): Promise<Answer> {
  const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
  return call(sim, '/google/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

export async function googleToken(t: TestSimulator): Promise<string> {
  const answer = await googleTokenRequest(t.sim, await googleAssertion(t.sim, t.clock.time));
  return answer.json<{ access_token: string }>().access_token;
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Demo credentials per vendor (the PM or Google token must be fetched first). */
export function credentials(vendor: VendorId, accessToken = ''): Record<string, string> {
  switch (vendor) {
    case 'pm':
    case 'google':
      return { authorization: `Bearer ${accessToken}` };
    case 'jira':
      return { authorization: basic('switchyard-bot@switchyard.example', 'jira-demo-api-token') };
    case 'bamboohr':
      return { authorization: basic('bamboohr-demo-api-key', 'x'), accept: 'application/json' };
    case 'hris':
      return { authorization: 'Bearer hris-demo-token' };
    case 'calendar':
      return { 'x-api-key': 'calendar-demo-key' };
    case 'ticketing':
      return { authorization: 'Bearer ticketing-demo-token' };
    case 'crm':
      return { 'x-api-key': 'ct-acme-fitness-key' };
    case 'metrics':
      return { 'x-api-key': 'metrics-demo-key' };
    case 'clienttether':
      return { 'x-access-token': 'ct-enterprise-demo-token', 'x-web-key': 'CT_acme-fitness_key' };
    case 'servicenow':
      return { authorization: basicAuth('switchyard.integration', 'servicenow-demo-password') };
    case 'prometheus':
      // Open by default; the bearer token matters only with `prometheusAuth: 'bearer'`.
      return { authorization: 'Bearer prometheus-demo-token' };
  }
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** One representative list endpoint per vendor. */
export const ENDPOINTS: Record<VendorId, string> = {
  pm: '/pm/v2/projects',
  hris: '/hris/api/departments',
  calendar: '/calendar/v1/events',
  ticketing: '/ticketing/api/v3/tickets',
  crm: '/crm/api/leads',
  metrics: '/metrics/api/v1/series',
  clienttether: '/clienttether/v2/api/read_client_list',
  servicenow: '/servicenow/api/now/table/incident',
  prometheus: '/prometheus/api/v1/query?query=cpu_usage',
  jira: '/jira/rest/api/3/project/search',
  bamboohr: '/bamboohr/api/v1/employees/directory',
  google: '/google/calendar/v3/calendars/workplace%40switchyard.example/events',
};

export async function fetchAll(sim: Simulator, token: string): Promise<Record<string, string>> {
  const paths = [
    '/pm/v2/projects?per_page=200',
    '/pm/v2/risks?per_page=200',
    '/pm/v2/financials?per_page=200&page=2',
    '/hris/api/departments',
    '/calendar/v1/events?limit=100',
    '/ticketing/api/v3/tickets?limit=500',
    '/crm/api/leads?per_page=500',
    '/crm/api/pipeline?per_page=500',
    '/crm/api/hot-list',
    '/crm/api/notes?per_page=500',
    '/crm/api/schedule',
    '/metrics/api/v1/series',
  ];
  const out: Record<string, string> = {};
  for (const path of paths) {
    const vendor = path.split('/')[1] as VendorId;
    const answer = await call(sim, path, { headers: credentials(vendor, token) });
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${answer.text}`);
    out[path] = answer.text;
  }
  return out;
}
