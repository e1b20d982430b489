import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BackendInstance, Page, SystemStatus } from '@switchyard/contracts';
import type { Observable } from 'rxjs';

/** Data access for the System status page. */
@Injectable({ providedIn: 'root' })
export class SystemDataService {
  private readonly http = inject(HttpClient);

  status(): Observable<SystemStatus> {
    return this.http.get<SystemStatus>('/api/v1/system/status');
  }

  instances(): Observable<Page<BackendInstance>> {
    return this.http.get<Page<BackendInstance>>('/api/v1/system/instances', { params: { pageSize: 50 } });
  }
}
