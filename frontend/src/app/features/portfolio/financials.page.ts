import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { DATE_RANGES, type DateRange, type EarnedValue } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { formatMoney, formatPercent, formatRatio } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { timeRangeState, type RangePreset } from '../../shared/time-range';
import { TimeRangeComponent } from '../../shared/time-range.component';
import { WidgetComponent } from '../../shared/widget.component';
import { budgetActualChart, earnedValueChart } from './portfolio-charts';
import { PortfolioDataService } from './portfolio-data.service';

const RANGE_LABELS: Partial<Record<DateRange, string>> = {
  '1M': 'Last month',
  '3M': 'Last 3 months',
  '6M': 'Last 6 months',
  '1Y': 'Last 12 months',
  YTD: 'Year to date',
};

/** The fixed ranges the API accepts (Custom needs dates, which the page does not offer). */
export const FINANCIAL_RANGES: readonly RangePreset[] = DATE_RANGES.filter((r) => r !== 'Custom').map((r) => ({
  value: r,
  label: RANGE_LABELS[r] ?? r,
}));

/** Financials: summary, budget against actual per month, earned value per project. */
@Component({
  selector: 'sy-financials-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AsyncViewComponent,
    ChartComponent,
    DataDelayedComponent,
    DataTableComponent,
    TimeRangeComponent,
    WidgetComponent,
  ],
  templateUrl: './financials.page.html',
})
export class FinancialsPage {
  private readonly data = inject(PortfolioDataService);
  /** The API's `dateRange` and auto-refresh, kept in the URL (`?range=1Y&refresh=1m`). */
  protected readonly timeRange = timeRangeState(FINANCIAL_RANGES, '6M');

  protected readonly metrics = liveResource({
    params: () => this.timeRange.range() as DateRange,
    load: (range) => this.data.financials(range),
    topics: () => ['domain:financials'],
    pollMs: () => this.timeRange.refreshMs(),
  });
  protected readonly trendChart = computed(() => budgetActualChart(this.metrics.value()?.trends ?? []));
  protected readonly evChart = computed(() => earnedValueChart(this.metrics.value()?.earnedValue ?? []));
  protected readonly summary = computed(() => {
    const s = this.metrics.value()?.summary;
    if (!s) return [];
    return [
      { label: 'Total budget', value: formatMoney(s.totalBudget) },
      { label: 'Total actual', value: formatMoney(s.totalActual) },
      { label: 'Variance', value: `${formatMoney(s.budgetVariance)} (${formatPercent(s.budgetVariancePercent)})` },
      { label: 'CPI', value: formatRatio(s.costPerformanceIndex) },
      { label: 'SPI', value: formatRatio(s.schedulePerformanceIndex) },
      { label: 'Weighted ROI', value: formatPercent(s.weightedRoi) },
      { label: 'Portfolio NPV', value: formatMoney(s.portfolioNpv) },
      { label: 'Forecast accuracy', value: formatPercent(s.forecastAccuracy) },
    ];
  });
  protected readonly evColumns: TableColumn<EarnedValue>[] = [
    {
      key: 'project',
      header: 'Project',
      value: (r) => r.projectName ?? r.projectId,
      link: (r) => `/portfolio/projects/${r.projectId}`,
    },
    {
      key: 'pv',
      header: 'Planned value',
      value: (r) => r.plannedValue,
      display: (r) => formatMoney(r.plannedValue),
      numeric: true,
    },
    {
      key: 'ev',
      header: 'Earned value',
      value: (r) => r.earnedValue,
      display: (r) => formatMoney(r.earnedValue),
      numeric: true,
    },
    {
      key: 'ac',
      header: 'Actual cost',
      value: (r) => r.actualCost,
      display: (r) => formatMoney(r.actualCost),
      numeric: true,
    },
    {
      key: 'cpi',
      header: 'CPI',
      value: (r) => r.costPerformanceIndex,
      display: (r) => formatRatio(r.costPerformanceIndex),
      numeric: true,
    },
    {
      key: 'spi',
      header: 'SPI',
      value: (r) => r.schedulePerformanceIndex,
      display: (r) => formatRatio(r.schedulePerformanceIndex),
      numeric: true,
    },
  ];
}
