import type { Role } from '@switchyard/contracts';
import type { TestApp } from './test-app';

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** JSON calls to /api/v1 as a principal of a role. */
export function roleApi(app: TestApp) {
  const tokens = new Map<Role, string>();
  return async <T>(role: Role, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    let token = tokens.get(role);
    if (!token) {
      token = await app.tokenFor(role);
      tokens.set(role, token);
    }
    const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
}
