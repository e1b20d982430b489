import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MAX_PAGE_SIZE, type Credential, type CredentialInput, type Page } from '@switchyard/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../../shared/sources-api.service';

/** Data access for upstream credentials. Secrets go in only: no answer ever carries one. */
@Injectable({ providedIn: 'root' })
export class CredentialsApiService {
  private readonly http = inject(HttpClient);

  list(page = 1, pageSize = MAX_PAGE_SIZE): Observable<Page<Credential>> {
    return this.http.get<Page<Credential>>('/api/v1/credentials', { params: toParams({ page, pageSize }) });
  }

  create(credential: CredentialInput): Observable<Credential> {
    return this.http.post<Credential>('/api/v1/credentials', credential);
  }

  /** PUT replaces the stored secret (and fields) with the new ones. */
  rotate(credential: CredentialInput): Observable<Credential> {
    return this.http.put<Credential>(`/api/v1/credentials/${encodeURIComponent(credential.id)}`, credential);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`/api/v1/credentials/${encodeURIComponent(id)}`);
  }
}

export type { Credential, CredentialInput };
