import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AlertRule,
  AlertView,
  MetricForecast,
  MetricSeries,
  OpsMetricList,
  OpsSnapshot,
  OpsStatus,
  Silence,
  SilenceInput,
} from '@switchyard/contracts';
import type { Observable } from 'rxjs';

/** Data access for the operations center: snapshot, aggregator, metrics, alerts and silences. */
@Injectable({ providedIn: 'root' })
export class OpsApiService {
  private readonly http = inject(HttpClient);

  snapshot(): Observable<OpsSnapshot> {
    return this.http.get<OpsSnapshot>('/api/v1/ops/snapshot');
  }

  status(): Observable<OpsStatus> {
    return this.http.get<OpsStatus>('/api/v1/ops/status');
  }

  control(action: 'start' | 'stop' | 'aggregate'): Observable<unknown> {
    const path = action === 'aggregate' ? '/api/v1/ops/aggregate' : `/api/v1/ops/aggregator/${action}`;
    return this.http.post(path, {});
  }

  rules(): Observable<{ items: AlertRule[] }> {
    return this.http.get<{ items: AlertRule[] }>('/api/v1/ops/alert-rules');
  }

  /** The metrics this user's modules may chart (others answer 404). */
  metrics(): Observable<OpsMetricList> {
    return this.http.get<OpsMetricList>('/api/v1/ops/metrics');
  }

  series(metric: string, from: Date, to: Date, step: number): Observable<MetricSeries> {
    return this.http.get<MetricSeries>(`/api/v1/ops/metrics/${encodeURIComponent(metric)}/series`, {
      params: { from: from.toISOString(), to: to.toISOString(), step },
    });
  }

  /** `horizon` steps of `step` seconds ahead (60 to 3600). */
  forecast(metric: string, horizon: number, step = 60): Observable<MetricForecast> {
    return this.http.get<MetricForecast>(`/api/v1/ops/metrics/${encodeURIComponent(metric)}/forecast`, {
      params: { horizon, step },
    });
  }

  alerts(state: string): Observable<{ items: AlertView[] }> {
    const params: Record<string, string> = state ? { state } : {};
    return this.http.get<{ items: AlertView[] }>('/api/v1/ops/alerts', { params });
  }

  acknowledge(id: string, comment: string): Observable<AlertView> {
    return this.http.post<AlertView>(`/api/v1/ops/alerts/${id}/acknowledge`, { comment });
  }

  /** From a security alert about a service client: revoke the client and resolve the alert. */
  revokeClientFromAlert(id: string): Observable<{ alert: AlertView; clientId: string }> {
    return this.http.post<{ alert: AlertView; clientId: string }>(`/api/v1/ops/alerts/${id}/revoke-client`, {});
  }

  silences(): Observable<{ items: Silence[] }> {
    return this.http.get<{ items: Silence[] }>('/api/v1/ops/silences');
  }

  createSilence(input: SilenceInput): Observable<Silence> {
    return this.http.post<Silence>('/api/v1/ops/silences', input);
  }
}
