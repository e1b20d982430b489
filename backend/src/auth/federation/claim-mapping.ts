import type { ClientScope, DataScopes, Role, ScopeList } from '@switchyard/contracts';
import type { ClaimMapping } from '../../config';

export interface MappedAccess {
  roles: Role[];
  scopes: ClientScope[];
  dataScopes: DataScopes;
  /** The claim values that granted something (for the audit log). */
  matched: string[];
}

const DIMENSIONS = ['tenants', 'departments', 'teams', 'portfolios'] as const;

/**
 * Turns a verified token's claims into roles, client scopes and data scopes. Only values
 * listed in the mapping grant anything; everything else in the token is ignored.
 */
export function mapClaims(claims: Record<string, unknown>, mapping: ClaimMapping): MappedAccess {
  const values = [...new Set(mapping.claims.flatMap((path) => claimValues(claims, path)))];
  const roles = new Set<Role>();
  const scopes = new Set<ClientScope>();
  const data: Record<(typeof DIMENSIONS)[number], ScopeList> = {
    tenants: [],
    departments: [],
    teams: [],
    portfolios: [],
  };
  const matched: string[] = [];
  for (const value of values) {
    const grant = mapping.grants[value];
    if (!grant) continue;
    matched.push(value);
    grant.roles.forEach((r) => roles.add(r));
    grant.scopes.forEach((s) => scopes.add(s));
    for (const dimension of DIMENSIONS) data[dimension] = union(data[dimension], grant[dimension]);
  }
  for (const dimension of DIMENSIONS) {
    const path = mapping.dataScopeClaims[dimension];
    if (path) data[dimension] = union(data[dimension], claimValues(claims, path));
  }
  return { roles: [...roles].sort(), scopes: [...scopes].sort(), dataScopes: data, matched: matched.sort() };
}

/** The string values at a dotted path; a space-separated string (OAuth `scope`) is a list. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let current: unknown = claims;
  // A claim may itself contain dots (Auth0 namespaces are URLs): try the whole name first.
  if (path in claims) current = claims[path];
  else
    for (const part of path.split('.')) {
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
    }
  if (typeof current === 'string') return current.split(' ').filter(Boolean);
  if (Array.isArray(current)) return current.filter((v): v is string => typeof v === 'string' && v.length > 0);
  return [];
}

function union(current: ScopeList, more: ScopeList | string[] | undefined): ScopeList {
  if (current === '*' || more === '*') return '*';
  return more ? [...new Set([...current, ...more])].sort() : current;
}
