import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditEvent,
  ClientScope,
  ClientView,
  ClientWithSecret,
  DataScopes,
  Page,
  Role,
  UserView,
} from '@switchyard/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../shared/sources-api.service';

export type { AuditEvent, ClientView, ClientWithSecret, UserView };

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  dataScopes: DataScopes;
}

export interface UserChange {
  roles?: Role[];
  disabled?: boolean;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  actorId?: string;
  outcome?: string;
  since?: string;
}

/** Data access for the admin pages: users, service clients, audit log. */
@Injectable({ providedIn: 'root' })
export class AdminDataService {
  private readonly http = inject(HttpClient);

  users(page: number, pageSize: number): Observable<Page<UserView>> {
    return this.http.get<Page<UserView>>('/api/v1/users', { params: toParams({ page, pageSize }) });
  }

  createUser(user: NewUser): Observable<UserView> {
    return this.http.post<UserView>('/api/v1/users', user);
  }

  updateUser(id: string, change: UserChange): Observable<UserView> {
    return this.http.patch<UserView>(`/api/v1/users/${encodeURIComponent(id)}`, change);
  }

  clients(page: number, pageSize: number): Observable<Page<ClientView>> {
    return this.http.get<Page<ClientView>>('/api/v1/clients', { params: toParams({ page, pageSize }) });
  }

  createClient(client: {
    id: string;
    name: string;
    scopes: ClientScope[];
    dataScopes: DataScopes;
  }): Observable<ClientWithSecret> {
    return this.http.post<ClientWithSecret>('/api/v1/clients', client);
  }

  rotateClient(id: string): Observable<ClientWithSecret> {
    return this.http.post<ClientWithSecret>(`/api/v1/clients/${encodeURIComponent(id)}/rotate`, null);
  }

  revokeClient(id: string): Observable<ClientView> {
    return this.http.post<ClientView>(`/api/v1/clients/${encodeURIComponent(id)}/revoke`, null);
  }

  audit(query: AuditQuery): Observable<Page<AuditEvent>> {
    return this.http.get<Page<AuditEvent>>('/api/v1/audit', { params: toParams({ ...query }) });
  }
}
