import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Page,
  RawSnapshot,
  RawSnapshotSummary,
  RefreshAccepted,
  RunHistoryList,
  Source,
  SourceDefinitionInput,
  SourcePreviewResult,
  SourceTestResult,
  SourceTrialInput,
  SyncRun,
} from '@switchyard/contracts';
import type { Observable } from 'rxjs';

export interface SourceListQuery {
  page: number;
  pageSize: number;
  domain?: string;
  kind?: string;
  tenant?: string;
  enabled?: string;
}

/** Data access for sources (define, test, preview), their runs and raw snapshots, and refresh / replay. */
@Injectable({ providedIn: 'root' })
export class SourcesApiService {
  private readonly http = inject(HttpClient);

  list(query: SourceListQuery): Observable<Page<Source>> {
    return this.http.get<Page<Source>>('/api/v1/sources', { params: toParams({ ...query }) });
  }

  get(id: string): Observable<Source> {
    return this.http.get<Source>(`/api/v1/sources/${encodeURIComponent(id)}`);
  }

  create(source: SourceDefinitionInput): Observable<Source> {
    return this.http.post<Source>('/api/v1/sources', source);
  }

  replace(id: string, source: SourceDefinitionInput): Observable<Source> {
    return this.http.put<Source>(`/api/v1/sources/${encodeURIComponent(id)}`, source);
  }

  /** Connects with a draft source (and optionally a draft connector); nothing is stored. */
  test(trial: SourceTrialInput): Observable<SourceTestResult> {
    return this.http.post<SourceTestResult>('/api/v1/sources/test', trial);
  }

  /** The first mapped records of a draft, with every field that could not be mapped. */
  preview(trial: SourceTrialInput): Observable<SourcePreviewResult> {
    return this.http.post<SourcePreviewResult>('/api/v1/sources/preview', trial);
  }

  /** A source's runs, newest first; with `since`, only those queued at or after it. */
  runs(sourceId: string, page: number, pageSize: number, since?: Date): Observable<Page<SyncRun>> {
    return this.http.get<Page<SyncRun>>('/api/v1/sync-runs', {
      params: toParams({ sourceId, page, pageSize, since: since?.toISOString() }),
    });
  }

  /** Every visible source's last `limit` finished runs and 24 h / 30 d success shares (needs sync.read). */
  history(limit: number, sourceId?: string): Observable<RunHistoryList> {
    return this.http.get<RunHistoryList>('/api/v1/sync-runs/history', {
      params: toParams(sourceId ? { limit, sourceId } : { limit }),
    });
  }

  run(runId: string): Observable<SyncRun> {
    return this.http.get<SyncRun>(`/api/v1/sync-runs/${encodeURIComponent(runId)}`);
  }

  snapshots(sourceId: string, page: number, pageSize: number): Observable<Page<RawSnapshotSummary>> {
    return this.http.get<Page<RawSnapshotSummary>>(`/api/v1/sources/${encodeURIComponent(sourceId)}/snapshots`, {
      params: toParams({ page, pageSize }),
    });
  }

  snapshot(sourceId: string, snapshotId: string): Observable<RawSnapshot> {
    return this.http.get<RawSnapshot>(
      `/api/v1/sources/${encodeURIComponent(sourceId)}/snapshots/${encodeURIComponent(snapshotId)}`,
    );
  }

  refresh(sourceId: string): Observable<RefreshAccepted> {
    return this.http.post<RefreshAccepted>(`/api/v1/sources/${encodeURIComponent(sourceId)}/refresh`, null);
  }

  replay(sourceId: string): Observable<SyncRun> {
    return this.http.post<SyncRun>(`/api/v1/sources/${encodeURIComponent(sourceId)}/replay`, null);
  }
}

/** Query parameters without the empty ones, so the API sees only filters that are set. */
export function toParams(values: Record<string, string | number | boolean | null | undefined>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
