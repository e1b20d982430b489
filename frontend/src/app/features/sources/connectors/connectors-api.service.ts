import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ConnectorDefinition, ConnectorDefinitionInput, ConnectorSummary } from '@switchyard/contracts';
import { map, type Observable } from 'rxjs';

/** Data access for connectors: the list, one definition, and custom connectors' create, replace and delete. */
@Injectable({ providedIn: 'root' })
export class ConnectorsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<ConnectorSummary[]> {
    return this.http.get<{ items: ConnectorSummary[] }>('/api/v1/connectors').pipe(map((r) => r.items));
  }

  get(id: string): Observable<ConnectorDefinition> {
    return this.http.get<ConnectorDefinition>(`/api/v1/connectors/${encodeURIComponent(id)}`);
  }

  /** The body is what the administrator wrote; the API validates it and names bad fields by path. */
  create(definition: unknown): Observable<ConnectorDefinition> {
    return this.http.post<ConnectorDefinition>('/api/v1/connectors', definition);
  }

  replace(id: string, definition: unknown): Observable<ConnectorDefinition> {
    return this.http.put<ConnectorDefinition>(`/api/v1/connectors/${encodeURIComponent(id)}`, definition);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`/api/v1/connectors/${encodeURIComponent(id)}`);
  }
}

export type { ConnectorDefinition, ConnectorDefinitionInput, ConnectorSummary };
