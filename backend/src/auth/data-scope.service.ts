import { Injectable } from '@nestjs/common';
import type { DataScopes, Principal, ScopeList } from '@switchyard/contracts';

/** A filter for one dimension: null means "everything", a list means "only these". */
export type ScopeFilter = string[] | null;

/**
 * The one place data scopes turn into query filters. Repositories take the filters this
 * returns; a record outside them is treated as not existing (404, never its data).
 */
@Injectable()
export class DataScopeService {
  tenants(principal: Principal | undefined): ScopeFilter {
    return filterOf(principal, 'tenants');
  }

  departments(principal: Principal | undefined): ScopeFilter {
    return filterOf(principal, 'departments');
  }

  teams(principal: Principal | undefined): ScopeFilter {
    return filterOf(principal, 'teams');
  }

  portfolios(principal: Principal | undefined): ScopeFilter {
    return filterOf(principal, 'portfolios');
  }

  /** Whether a record tagged with this tenant is visible (untenanted records are, to anyone allowed the route). */
  allowsTenant(principal: Principal | undefined, tenant: string | null): boolean {
    const filter = this.tenants(principal);
    return tenant === null || filter === null || filter.includes(tenant);
  }
}

function filterOf(principal: Principal | undefined, dimension: keyof DataScopes): ScopeFilter {
  // Internal calls (no principal) are the system itself.
  if (!principal) return null;
  const scope: ScopeList = principal.dataScopes[dimension];
  return scope === '*' ? null : scope;
}
