import { computed, inject, type Signal } from '@angular/core';
import { EMPTY, type Observable } from 'rxjs';
import { CrmDataService } from './crm-data.service';

/** The brand a CRM page shows: `?tenant=` when given, else the first one the user may see. */
export function crmTenant(fromQuery: Signal<string | undefined>): Signal<string | undefined> {
  const data = inject(CrmDataService);
  return computed(() => fromQuery() || data.tenants()?.[0]);
}

/** Loads only once the tenant is known; until then the view stays in its loading state. */
export function forTenant<T>(tenant: string | undefined, load: (tenant: string) => Observable<T>): Observable<T> {
  return tenant ? load(tenant) : EMPTY;
}
