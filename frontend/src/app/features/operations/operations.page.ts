import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AlertRule, OpsMetricInfo } from '@switchyard/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { ChartComponent } from '../../charts/chart.component';
import { describeError } from '../../core/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { formatCount, formatDateTime } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import { liveResource } from '../../shared/live-resource';
import { SERIES_RANGES, timeRangeState } from '../../shared/time-range';
import { TimeRangeComponent } from '../../shared/time-range.component';
import { WidgetComponent } from '../../shared/widget.component';
import { OpsApiService } from './ops-api.service';
import { forecastPlan, metricChart, moduleCards } from './ops-chart';

/** The forecast endpoint's minimum history (one-minute steps). */
const MIN_FORECAST_BUCKETS = 3;

/** The operations center: role-filtered snapshot modules, aggregator status and control, a metric chart. */
@Component({
  selector: 'sy-operations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, ChartComponent, DataDelayedComponent, TimeRangeComponent, WidgetComponent],
  styles: `
    .figure--ok {
      color: var(--sy-ok);
    }
    .figure--warn {
      color: var(--sy-warn-ink);
    }
    .figure--bad {
      color: var(--sy-bad-ink);
    }
  `,
  templateUrl: './operations.page.html',
})
export class OperationsPage {
  private readonly api = inject(OpsApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  protected readonly canControl = this.auth.can('ops.control');
  private readonly canReadRules = this.auth.can('alerts.read');
  private readonly chosen = signal<string | undefined>(undefined);
  protected readonly controlStatus = signal('');
  protected readonly busy = signal(false);
  protected readonly formatCount = formatCount;
  protected readonly formatDateTime = formatDateTime;
  /** The chart's window and the page's auto-refresh, from the URL (`?range=6h&refresh=30s`). */
  protected readonly timeRange = timeRangeState(SERIES_RANGES, '1h');
  protected readonly window = computed(
    () => SERIES_RANGES.find((r) => r.value === this.timeRange.range()) ?? SERIES_RANGES[1],
  );

  protected readonly snapshot = liveResource({
    params: () => null,
    load: () => this.api.snapshot(),
    topics: () => ['ops'],
    pollMs: () => this.timeRange.refreshMs(),
  });
  protected readonly status = liveResource({
    params: () => null,
    load: () => this.api.status(),
    topics: () => ['ops'],
    pollMs: () => this.timeRange.refreshMs(),
  });
  private readonly rules = liveResource({
    params: () => null,
    load: () =>
      this.canReadRules
        ? this.api.rules().pipe(
            map((r) => r.items),
            catchError(() => of([] as AlertRule[])),
          )
        : of([] as AlertRule[]),
    topics: () => [],
  });
  /** Only metrics of this user's modules: the others are not theirs to chart (the API answers 404). */
  protected readonly visibleMetrics = liveResource({
    params: () => null,
    load: () =>
      this.api.metrics().pipe(
        map((list) => list.items),
        catchError(() => of([] as OpsMetricInfo[])),
      ),
    topics: () => [],
  });
  protected readonly metrics = computed(() => (this.visibleMetrics.value() ?? []).map((m) => m.metric));
  /** Each metric's unit from its data points' metadata, for the figures. */
  private readonly units = computed(
    () => new Map((this.visibleMetrics.value() ?? []).map((m) => [m.metric, m.unit ?? null])),
  );
  protected readonly metric = computed(() => {
    const visible = this.metrics();
    const chosen = this.chosen();
    if (chosen && visible.includes(chosen)) return chosen;
    const ruled = (this.rules.value() ?? []).find((r) => visible.includes(r.metric));
    return ruled?.metric ?? visible[0] ?? null;
  });
  protected readonly chart = liveResource({
    params: () => ({ metric: this.metric(), window: this.window() }),
    load: ({ metric, window }) => {
      if (metric === null) return of(null);
      // The window ends now at each load, so a refresh moves it forward.
      const to = new Date();
      const from = new Date(to.getTime() - window.seconds * 1000);
      const plan = forecastPlan(window);
      // A forecast needs a few buckets of history; without them the API answers 409, so it is not asked.
      return this.api.series(metric, from, to, window.step).pipe(
        switchMap((series) =>
          series.buckets.filter((b) => b.count > 0).length < MIN_FORECAST_BUCKETS
            ? of({ series, forecast: null })
            : this.api.forecast(metric, plan.horizon, plan.step).pipe(
                map((forecast) => ({ series, forecast })),
                catchError(() => of({ series, forecast: null })),
              ),
        ),
      );
    },
    topics: () => ['ops'],
    pollMs: () => this.timeRange.refreshMs(),
  });

  protected readonly cards = computed(() => {
    const s = this.snapshot.value();
    return s ? moduleCards(s, this.rules.value() ?? [], this.units(), navigator.language) : [];
  });
  protected readonly rule = computed(() => (this.rules.value() ?? []).find((r) => r.metric === this.metric()));
  protected readonly chartOptions = computed(() => {
    const c = this.chart.value();
    return c ? metricChart(c.series, c.forecast, this.rule()) : undefined;
  });

  protected chooseMetric(event: Event): void {
    this.chosen.set((event.target as HTMLSelectElement).value);
  }

  protected control(action: 'start' | 'stop' | 'aggregate'): void {
    this.busy.set(true);
    this.controlStatus.set('Working…');
    this.api
      .control(action)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.controlStatus.set(
            action === 'aggregate' ? 'Aggregation done' : `Aggregator ${action === 'start' ? 'started' : 'stopped'}`,
          );
          this.status.reload();
          this.snapshot.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.controlStatus.set(`Refused: ${describeError(error).message}`);
        },
      });
  }
}
