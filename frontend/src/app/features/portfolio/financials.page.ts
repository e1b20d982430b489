import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { DATE_RANGES, type DateRange, type EarnedValue } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { formatMoney, formatPercent, formatRatio } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { budgetActualChart, earnedValueChart } from './portfolio-charts';
import { PortfolioDataService } from './portfolio-data.service';

/** Financials: summary, budget against actual per month, earned value per project. */
@Component({
  selector: 'sy-financials-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, ChartComponent, DataDelayedComponent, DataTableComponent, FormsModule, WidgetComponent],
  templateUrl: './financials.page.html',
})
export class FinancialsPage {
  private readonly data = inject(PortfolioDataService);
  /** Custom needs dates; the page offers the fixed ranges. */
  protected readonly ranges = DATE_RANGES.filter((r) => r !== 'Custom');
  protected readonly range = signal<DateRange>('6M');

  protected readonly metrics = liveResource({
    params: () => this.range(),
    load: (range) => this.data.financials(range),
    topics: () => ['domain:financials'],
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
