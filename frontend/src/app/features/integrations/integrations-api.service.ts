import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  FeedbackView,
  IntegrationDetail,
  IntegrationEventDetail,
  IntegrationEventView,
  IntegrationList,
  IssueView,
  Page,
} from '@switchyard/contracts';
import type { Observable } from 'rxjs';

export type IssueAction = 'acknowledge' | 'resolve' | 'ignore';

/** Data access for integration health, events, feedback and the issues triage list. */
@Injectable({ providedIn: 'root' })
export class IntegrationsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<IntegrationList> {
    return this.http.get<IntegrationList>('/api/v1/integrations');
  }

  get(id: string): Observable<IntegrationDetail> {
    return this.http.get<IntegrationDetail>(`/api/v1/integrations/${encodeURIComponent(id)}`);
  }

  events(id: string, status: string, page: number): Observable<Page<IntegrationEventView>> {
    const params: Record<string, string | number> = { page, pageSize: 20 };
    if (status) params['status'] = status;
    return this.http.get<Page<IntegrationEventView>>(`/api/v1/integrations/${encodeURIComponent(id)}/events`, {
      params,
    });
  }

  event(id: string): Observable<IntegrationEventDetail> {
    return this.http.get<IntegrationEventDetail>(`/api/v1/integration-events/${id}`);
  }

  feedback(id: string, helpful: boolean): Observable<FeedbackView> {
    return this.http.post<FeedbackView>(`/api/v1/integration-events/${id}/feedback`, { helpful });
  }

  issues(state: string, integration?: string): Observable<Page<IssueView>> {
    const params: Record<string, string | number> = { pageSize: 50 };
    if (state) params['state'] = state;
    if (integration) params['integration'] = integration;
    return this.http.get<Page<IssueView>>('/api/v1/integration-issues', { params });
  }

  act(id: string, action: IssueAction): Observable<IssueView> {
    return this.http.post<IssueView>(`/api/v1/integration-issues/${id}/${action}`, {});
  }
}
