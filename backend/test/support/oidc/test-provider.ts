import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The resource (audience) the test provider puts in client-credentials tokens by default. */
export const TEST_API_RESOURCE = 'https://switchyard.test/api';

export interface TestProvider {
  issuer: string;
  setUser(id: string, user: { email: string; name?: string; groups: string[] }): Promise<void>;
  addClient(client: {
    clientId: string;
    clientSecret: string;
    redirectUris?: string[];
    postLogoutRedirectUris?: string[];
  }): Promise<void>;
  rotateKeys(): Promise<string>;
  /** Marks an access token revoked: the provider's introspection endpoint reports it inactive. */
  revokeToken(token: string): Promise<void>;
  mutateNextIdToken(mode: 'tamper' | 'nonce' | 'audience' | 'expired' | null): Promise<void>;
  /** A client-credentials access token (a JWT for `resource`). */
  clientToken(clientId: string, clientSecret: string, options?: { scope?: string; resource?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Starts test-provider.mjs (a real oidc-provider) in a child process on a loopback port. */
export async function startTestProvider(): Promise<TestProvider> {
  const child = spawn(process.execPath, [join(__dirname, 'test-provider.mjs'), '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const issuer = await readyIssuer(child);
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${issuer}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`test provider ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    issuer,
    setUser: async (id, user) => void (await call('PUT', `/_control/users/${id}`, user)),
    addClient: async (client) => void (await call('POST', '/_control/clients', client)),
    rotateKeys: async () => ((await call('POST', '/_control/rotate-keys')) as { kid: string }).kid,
    revokeToken: async (token) => void (await call('POST', '/_control/revoke-token', { token })),
    mutateNextIdToken: async (mode) => void (await call('PUT', '/_control/id-token-mutation', { mode })),
    clientToken: async (clientId, clientSecret, options = {}) => {
      const form = new URLSearchParams({ grant_type: 'client_credentials', scope: options.scope ?? 'switchyard.read' });
      if (options.resource) form.set('resource', options.resource);
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form,
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`test provider token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function readyIssuer(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`test provider exited (${code}): ${err}`)));
  });
}
