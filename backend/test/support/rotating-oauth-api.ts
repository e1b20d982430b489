import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ROTATING_CLIENT_ID = 'switchyard-app';
export const ROTATING_CLIENT_SECRET = 'rotating-client-secret';
export const FIRST_REFRESH_TOKEN = 'rt-0';

export interface RotatingOAuthApi {
  url: string;
  /** Every refresh token the token endpoint accepted, in order. */
  spent: string[];
  /** Refresh tokens presented after they had been spent (replays). */
  refused: string[];
  close(): Promise<void>;
}

/**
 * An OAuth2 provider that rotates the refresh token on every use (RFC 6749 section 6,
 * as Xero, QuickBooks and others do): a spent refresh token is refused with
 * `invalid_grant`, and access tokens live one second, so every sync must refresh.
 */
export async function startRotatingOAuthApi(): Promise<RotatingOAuthApi> {
  let current = FIRST_REFRESH_TOKEN;
  let generation = 0;
  const accessTokens = new Set<string>();
  const spent: string[] = [];
  const refused: string[] = [];
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/oauth/token' && request.method === 'POST') {
        const form = new URLSearchParams(body);
        const client = `Basic ${Buffer.from(`${ROTATING_CLIENT_ID}:${ROTATING_CLIENT_SECRET}`).toString('base64')}`;
        if (request.headers.authorization !== client) return send(401, { error: 'invalid_client' });
        const presented = form.get('refresh_token') ?? '';
        if (form.get('grant_type') !== 'refresh_token' || presented !== current) {
          refused.push(presented);
          return send(400, { error: 'invalid_grant', error_description: 'refresh token is not valid' });
        }
        spent.push(presented);
        generation += 1;
        current = `rt-${generation}`;
        const access = `at-${generation}`;
        accessTokens.add(access);
        return send(200, { access_token: access, token_type: 'Bearer', expires_in: 1, refresh_token: current });
      }
      if (url.pathname === '/api/tickets') {
        const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!accessTokens.has(token)) return send(401, { error: 'invalid_token' });
        return send(200, {
          tickets: [
            { id: 'RT-1', title: 'Badge reader offline', opened: '2026-11-30T08:00:00Z' },
            { id: 'RT-2', title: 'Printer jam', opened: '2026-11-30T09:00:00Z' },
          ],
        });
      }
      return send(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spent,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => resolve(text));
  });
}
