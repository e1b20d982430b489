import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DashboardData,
  DateRange,
  FinancialMetrics,
  Freshness,
  Page,
  ProjectView,
  RiskAnalytics,
  RiskView,
} from '@switchyard/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../shared/sources-api.service';

export type ProjectPage = Page<ProjectView> & { freshness: Freshness };
export type ProjectDetail = ProjectView & { freshness: Freshness };
export type RiskPage = Page<RiskView> & { analytics: RiskAnalytics; freshness: Freshness };

export interface ProjectQuery {
  page: number;
  pageSize: number;
  portfolio?: string;
  status?: string;
  priority?: string;
  team?: string;
}

export interface RiskQuery {
  page: number;
  pageSize: number;
  riskLevel?: string;
  status?: string;
}

/** Data access for the portfolio pages and the overview's dashboard data. */
@Injectable({ providedIn: 'root' })
export class PortfolioDataService {
  private readonly http = inject(HttpClient);

  projects(query: ProjectQuery): Observable<ProjectPage> {
    return this.http.get<ProjectPage>('/api/v1/projects', { params: toParams({ ...query }) });
  }

  project(id: string): Observable<ProjectDetail> {
    return this.http.get<ProjectDetail>(`/api/v1/projects/${encodeURIComponent(id)}`);
  }

  financials(dateRange: DateRange): Observable<FinancialMetrics> {
    return this.http.get<FinancialMetrics>('/api/v1/financial-metrics', { params: toParams({ dateRange }) });
  }

  risks(query: RiskQuery): Observable<RiskPage> {
    return this.http.get<RiskPage>('/api/v1/risks', { params: toParams({ ...query }) });
  }

  dashboard(portfolio: string): Observable<DashboardData> {
    return this.http.get<DashboardData>('/api/v1/dashboard-data', { params: toParams({ portfolio }) });
  }
}
