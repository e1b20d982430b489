import { ALL_DATA, permissionsOf, type Principal, type Role, type SessionTokens } from '@switchyard/contracts';

/** A user principal with the permissions its roles grant, as the server builds it. */
export function principalWith(roles: Role[], overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    id: `user-${roles.join('-')}`,
    name: 'Ada Lovelace',
    email: 'ada@example.test',
    roles,
    scopes: [],
    permissions: permissionsOf(roles),
    dataScopes: ALL_DATA,
    ...overrides,
  };
}

export function sessionTokens(
  roles: Role[] = ['master_admin'],
  accessToken = 'token-1',
  expiresIn = 900,
): SessionTokens {
  return { accessToken, tokenType: 'Bearer', expiresIn, principal: principalWith(roles) };
}

/** The API error body the server sends with a non-2xx answer. */
export function apiError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, traceId: 'trace-1', ...extra }, generatedAt: '2026-11-26T10:00:00.000Z' };
}
