import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type {
  CrmActivityPage,
  CrmHotListPage,
  CrmLeadPage,
  CrmLeadStats,
  CrmNotePage,
  CrmPipeline,
  CrmSyncStatus,
} from '@switchyard/contracts';
import { catchError, map, of, shareReplay, type Observable } from 'rxjs';
import { toParams } from '../../shared/sources-api.service';

type Query = Record<string, string | number | undefined>;

/** Data access for the CRM pages; every call is for one tenant (brand). */
@Injectable({ providedIn: 'root' })
export class CrmDataService {
  private readonly http = inject(HttpClient);

  /** The brands this user may see, from the sync status (loaded once per session). */
  private readonly tenantList$ = this.http.get<CrmSyncStatus>('/api/v1/crm/sync-status').pipe(
    map((status) => status.tenants.map((t) => t.tenant)),
    catchError(() => of([] as string[])),
    shareReplay(1),
  );
  readonly tenants = toSignal(this.tenantList$);

  syncStatus(tenant: string): Observable<CrmSyncStatus> {
    return this.http.get<CrmSyncStatus>('/api/v1/crm/sync-status', { params: toParams({ tenant }) });
  }

  leads(query: Query & { tenant: string }): Observable<CrmLeadPage> {
    return this.http.get<CrmLeadPage>('/api/v1/crm/leads', { params: toParams(query) });
  }

  leadStats(tenant: string): Observable<CrmLeadStats> {
    return this.http.get<CrmLeadStats>('/api/v1/crm/leads/stats', { params: toParams({ tenant }) });
  }

  pipeline(tenant: string): Observable<CrmPipeline> {
    return this.http.get<CrmPipeline>('/api/v1/crm/pipeline', { params: toParams({ tenant }) });
  }

  hotList(query: Query & { tenant: string }): Observable<CrmHotListPage> {
    return this.http.get<CrmHotListPage>('/api/v1/crm/hot-list', { params: toParams(query) });
  }

  notes(query: Query & { tenant: string }): Observable<CrmNotePage> {
    return this.http.get<CrmNotePage>('/api/v1/crm/notes', { params: toParams(query) });
  }

  schedule(query: Query & { tenant: string }): Observable<CrmActivityPage> {
    return this.http.get<CrmActivityPage>('/api/v1/crm/schedule', { params: toParams(query) });
  }
}
