import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { RawSnapshot, RawSnapshotSummary, SyncRun } from '@switchyard/contracts';
import { EMPTY } from 'rxjs';
import { ChartComponent } from '../../charts/chart.component';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { formatDateTime } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { liveResource } from '../../shared/live-resource';
import { RefreshButtonComponent } from '../../shared/refresh-button.component';
import { SourcesApiService } from '../../shared/sources-api.service';
import { RUN_RANGES, timeRangeState } from '../../shared/time-range';
import { TimeRangeComponent } from '../../shared/time-range.component';
import { WidgetComponent } from '../../shared/widget.component';
import { describeCadence } from './source-format';
import { runChart } from './source-run-chart';
import { formatMs, runStatusWords } from './source-triage';
import { ListPageComponent } from '../../shared/list-page.component';

/** "26 Nov 2026, 14:02:31": runs of a 30 s source differ to the second. */
function toSecond(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

const RUN_TONE: Record<string, 'ok' | 'warn' | 'bad' | undefined> = {
  succeeded: 'ok',
  skipped_unchanged: 'ok',
  partial: 'warn',
  skipped_breaker_open: 'warn',
  failed: 'bad',
};

/** One source: definition and status, its sync runs, raw snapshots, refresh now and replay. */
@Component({
  selector: 'sy-source-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AsyncViewComponent,
    ChartComponent,
    DataDelayedComponent,
    ListPageComponent,
    RefreshButtonComponent,
    RouterLink,
    TimeRangeComponent,
    WidgetComponent,
  ],
  templateUrl: './source-detail.page.html',
})
export class SourceDetailPage {
  private readonly api = inject(SourcesApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  readonly id = input.required<string>();
  protected readonly canReadRuns = this.auth.can('sync.read');
  protected readonly canReadRaw = this.auth.can('sync.raw_read');
  protected readonly canReplay = this.auth.can('sources.write');
  /** The runs' window and auto-refresh, from the URL (`?range=24h&refresh=30s`). */
  protected readonly timeRange = timeRangeState(RUN_RANGES, 'all');
  private readonly runWindow = computed(
    () => RUN_RANGES.find((r) => r.value === this.timeRange.range()) ?? RUN_RANGES[0],
  );
  /** Back to the first page when the window changes. */
  protected readonly runsPage = linkedSignal({ source: this.timeRange.range, computation: () => 1 });
  protected readonly snapshotsPage = signal(1);

  protected readonly source = liveResource({
    params: () => this.id(),
    load: (id) => this.api.get(id),
    topics: (id) => [`source:${id}`],
    pollMs: () => this.timeRange.refreshMs(),
  });
  protected readonly runs = liveResource({
    params: () => ({ id: this.id(), page: this.runsPage(), seconds: this.runWindow().seconds }),
    // The window ends now at each load, so a refresh moves it forward.
    load: (p) =>
      this.canReadRuns
        ? this.api.runs(p.id, p.page, 20, p.seconds === null ? undefined : new Date(Date.now() - p.seconds * 1000))
        : EMPTY,
    // One live resource per topic: the runs follow the source's answers (see the constructor).
    topics: () => [],
    pollMs: () => this.timeRange.refreshMs(),
  });
  private sourceSeenAt: number | undefined;
  protected readonly snapshots = liveResource({
    params: () => ({ id: this.id(), page: this.snapshotsPage() }),
    load: (p) => (this.canReadRaw ? this.api.snapshots(p.id, p.page, 10) : EMPTY),
    topics: () => [],
  });
  protected readonly freshness = computed(() => {
    const f = this.source.value()?.status.freshness;
    return f ? { state: f.state, asOf: f.dataAsOf, servingCached: f.servingCached, sources: [f] } : undefined;
  });
  protected readonly openSnapshot = signal<RawSnapshot | undefined>(undefined);
  protected readonly replayStatus = signal('');
  protected readonly replaying = signal(false);
  protected readonly describeCadence = describeCadence;
  protected readonly formatDateTime = formatDateTime;

  protected readonly runColumns: TableColumn<SyncRun>[] = [
    { key: 'queued', header: 'Queued', value: (r) => r.queuedAt, display: (r) => toSecond(r.queuedAt) },
    { key: 'trigger', header: 'Trigger', value: (r) => r.trigger },
    { key: 'mode', header: 'Mode', value: (r) => r.mode },
    { key: 'status', header: 'Status', value: (r) => runStatusWords(r.status), tone: (r) => RUN_TONE[r.status] },
    {
      key: 'duration',
      header: 'Duration',
      value: (r) => r.durationMs,
      display: (r) => (r.durationMs === null ? '—' : formatMs(r.durationMs)),
      numeric: true,
    },
    { key: 'attempts', header: 'Attempts', value: (r) => r.attempts, numeric: true },
    { key: 'records', header: 'Records', value: (r) => r.recordsUpserted, numeric: true },
    { key: 'error', header: 'Error', value: (r) => (r.errorCode ? `${r.errorCode}: ${r.errorMessage ?? ''}` : null) },
  ];

  protected readonly runChart = computed(() => runChart(this.runs.value()?.items ?? []));

  /**
   * One live resource per topic: only `source` watches source:<id>; the runs load again each
   * time a newer answer of the source arrives (a live update, refresh now, replay).
   */
  constructor() {
    effect(() => {
      const at = this.source.receivedAt();
      untracked(() => {
        if (at !== undefined && this.sourceSeenAt !== undefined && at !== this.sourceSeenAt) this.runs.reload();
        this.sourceSeenAt = at;
      });
    });
  }

  protected reloadAll(): void {
    this.source.reload(); // the runs follow it (see the constructor)
    this.snapshots.reload();
  }

  protected showSnapshot(summary: RawSnapshotSummary): void {
    this.api
      .snapshot(summary.sourceId, summary.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (snapshot) => this.openSnapshot.set(snapshot),
        error: () => this.openSnapshot.set(undefined),
      });
  }

  protected replay(): void {
    this.replaying.set(true);
    this.replayStatus.set('Replaying raw snapshots…');
    this.api
      .replay(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (run) => {
          this.replaying.set(false);
          const detail = run.errorMessage ? `: ${run.errorMessage}` : `, ${run.recordsUpserted} records`;
          this.replayStatus.set(`Replay ${run.status}${detail}`);
          this.reloadAll();
        },
        error: (error: unknown) => {
          this.replaying.set(false);
          this.replayStatus.set(`Replay refused: ${describeError(error).message}`);
        },
      });
  }

  protected payloadText(snapshot: RawSnapshot): string {
    return JSON.stringify(snapshot.payload, null, 2);
  }
}
