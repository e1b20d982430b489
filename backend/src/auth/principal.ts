import {
  ALL_DATA,
  CLIENT_SCOPES,
  permissionsOf,
  permissionsOfScopes,
  ROLES,
  type ClientScope,
  type DataScopes,
  type Principal,
  type Role,
} from '@switchyard/contracts';

/** The claims Switchyard puts in an access token besides the registered ones. */
export interface AccessClaims {
  sub: string;
  kind: 'user' | 'client';
  name: string;
  email?: string;
  roles?: Role[];
  scope?: string;
  ds: DataScopes;
  /** The principal's revocation version at issue (see PrincipalVersionsService). */
  ver?: number;
  /** The signing-key compromise generation at issue. */
  gen?: number;
}

export function userPrincipal(user: {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  dataScopes: DataScopes;
}): Principal {
  return {
    kind: 'user',
    id: user.id,
    name: user.displayName,
    email: user.email,
    roles: user.roles,
    scopes: [],
    permissions: permissionsOf(user.roles),
    dataScopes: user.dataScopes,
  };
}

export function clientPrincipal(client: {
  id: string;
  name: string;
  scopes: ClientScope[];
  dataScopes: DataScopes;
}): Principal {
  return {
    kind: 'client',
    id: client.id,
    name: client.name,
    email: null,
    roles: [],
    scopes: client.scopes,
    permissions: permissionsOfScopes(client.scopes),
    dataScopes: client.dataScopes,
  };
}

export function claimsOf(principal: Principal): AccessClaims {
  return principal.kind === 'user'
    ? {
        sub: principal.id,
        kind: 'user',
        name: principal.name,
        email: principal.email ?? undefined,
        roles: principal.roles,
        ds: principal.dataScopes,
      }
    : {
        sub: principal.id,
        kind: 'client',
        name: principal.name,
        scope: principal.scopes.join(' '),
        ds: principal.dataScopes,
      };
}

/** Rebuilds the principal from verified claims; unknown roles and scopes are dropped, never trusted. */
export function principalFromClaims(claims: AccessClaims): Principal {
  const ds = sanitizeScopes(claims.ds);
  if (claims.kind === 'client') {
    const scopes = (claims.scope ?? '')
      .split(' ')
      .filter((s): s is ClientScope => (CLIENT_SCOPES as readonly string[]).includes(s));
    return clientPrincipal({ id: claims.sub, name: claims.name, scopes, dataScopes: ds });
  }
  const roles = (claims.roles ?? []).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return userPrincipal({ id: claims.sub, email: claims.email ?? '', displayName: claims.name, roles, dataScopes: ds });
}

function sanitizeScopes(ds: Partial<DataScopes> | undefined): DataScopes {
  const list = (value: unknown): DataScopes['tenants'] =>
    value === '*' ? '*' : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  if (!ds) return { tenants: [], departments: [], teams: [], portfolios: [] };
  return {
    tenants: list(ds.tenants),
    departments: list(ds.departments),
    teams: list(ds.teams),
    portfolios: list(ds.portfolios),
  };
}

export { ALL_DATA };
