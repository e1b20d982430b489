import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EventsPage, IncidentsPage, PeoplePage } from '@switchyard/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../shared/sources-api.service';

export interface PeopleQuery {
  page: number;
  pageSize: number;
  department?: string;
}

export interface EventsQuery {
  page: number;
  pageSize: number;
  timeframe: string;
  location?: string;
}

export interface IncidentsQuery {
  page: number;
  pageSize: number;
  state?: string;
  severity?: string;
  kind?: string;
}

/** Data access for the workplace pages. */
@Injectable({ providedIn: 'root' })
export class WorkplaceDataService {
  private readonly http = inject(HttpClient);

  people(query: PeopleQuery): Observable<PeoplePage> {
    return this.http.get<PeoplePage>('/api/v1/people', { params: toParams({ ...query }) });
  }

  events(query: EventsQuery): Observable<EventsPage> {
    return this.http.get<EventsPage>('/api/v1/events', { params: toParams({ ...query }) });
  }

  incidents(query: IncidentsQuery): Observable<IncidentsPage> {
    return this.http.get<IncidentsPage>('/api/v1/incidents', { params: toParams({ ...query }) });
  }
}
