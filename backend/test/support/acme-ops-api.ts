import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A throw-away upstream whose shape Switchyard has never seen: incidents under
 * `payload.incidents`, RFC 8288 Link paging, Basic auth plus a required tenant header,
 * epoch-second dates and vendor status words. Extra routes misbehave on purpose.
 */
export const ACME_USER = 'ops-reader';
export const ACME_PASSWORD = 'ops-password-1';
export const ACME_TENANT_KEY = 'tk-acme-42';

export interface AcmeIncident {
  ref: string;
  summary: string;
  sev: string;
  state: string;
  opened: number;
  updated: number;
  team: { name: string } | null;
  assignee: { first: string; last: string } | null;
}

export interface AcmeOpsApi {
  url: string;
  incidents: AcmeIncident[];
  /** Requests seen, by path. */
  hits: string[];
  close(): Promise<void>;
}

const PAGE = 10;
const BASE_EPOCH = 1_764_000_000;

export function acmeIncident(i: number): AcmeIncident {
  const sev = ['P1', 'P2', 'P3', 'P4'][i % 4];
  const state = ['open', 'working', 'parked', 'fixed', 'done'][i % 5];
  return {
    ref: `OPS-${100 + i}`,
    summary: `Conveyor ${i} stopped`,
    sev,
    state,
    opened: BASE_EPOCH + i * 60,
    updated: BASE_EPOCH + i * 120,
    team: i % 3 === 0 ? null : { name: `Line ${i % 3}` },
    assignee: i % 2 === 0 ? { first: 'Ada', last: `Operator${i}` } : null,
  };
}

export async function startAcmeOpsApi(count = 25): Promise<AcmeOpsApi> {
  const incidents = Array.from({ length: count }, (_, i) => acmeIncident(i));
  const hits: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    hits.push(url.pathname);
    if (!authorized(request)) return json(response, 401, { message: 'bad credentials or missing X-Tenant-Key' });
    route(url, incidents, response, base);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    incidents,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function authorized(request: IncomingMessage): boolean {
  const expected = `Basic ${Buffer.from(`${ACME_USER}:${ACME_PASSWORD}`).toString('base64')}`;
  return request.headers.authorization === expected && request.headers['x-tenant-key'] === ACME_TENANT_KEY;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function route(url: URL, incidents: AcmeIncident[], response: ServerResponse, base: string): void {
  const after = Number(url.searchParams.get('after') ?? 0);
  switch (url.pathname) {
    case '/v2/incidents': {
      const slice = incidents.slice(after, after + PAGE);
      const next = after + PAGE < incidents.length ? `<${base}/v2/incidents?after=${after + PAGE}>; rel="next"` : null;
      return json(
        response,
        200,
        { meta: { count: slice.length }, payload: { incidents: slice } },
        next ? { link: `<${base}/v2/incidents>; rel="first", ${next}` } : {},
      );
    }
    case '/v2/loop':
      // The next link always names the page just served.
      return json(
        response,
        200,
        { payload: { incidents: incidents.slice(0, PAGE) } },
        { link: `<${base}/v2/loop?after=0>; rel="next"` },
      );
    case '/v2/flat':
      return json(response, 200, { results: incidents });
    case '/v2/text':
      response.writeHead(200, { 'content-type': 'text/html' });
      return void response.end('<html><body>Maintenance</body></html>');
    case '/v2/huge':
      return hugeAnswer(response);
    default:
      return json(response, 404, { message: 'no such route' });
  }
}

/** 50 MB of JSON, streamed without a length, so only the reader's cap can stop it. */
function hugeAnswer(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  const chunk = `${JSON.stringify({ filler: 'x'.repeat(1024 * 1024) })},`;
  response.write('{"payload":{"incidents":[');
  let sent = 0;
  const pump = () => {
    while (sent < 50) {
      sent += 1;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    response.end('{}]}}');
  };
  response.on('close', () => (sent = 50));
  pump();
}
