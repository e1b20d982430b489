import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { CrmPipelineStageSummary } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { formatMoney, formatPercent } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { WidgetComponent } from '../../shared/widget.component';
import { pipelineProgressionChart, pipelineStagesChart } from './crm-charts';
import { CrmDataService } from './crm-data.service';
import { crmTenant, forTenant } from './crm-tenant';

/** Pipeline: stages with values, weekly progression, totals and win rate. */
@Component({
  selector: 'sy-pipeline-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AsyncViewComponent, ChartComponent, DataDelayedComponent, DataTableComponent, WidgetComponent],
  templateUrl: './pipeline.page.html',
})
export class PipelinePage {
  private readonly data = inject(CrmDataService);
  readonly tenant = input<string>();
  protected readonly brand = crmTenant(this.tenant);
  protected readonly pipeline = liveResource({
    params: () => this.brand(),
    load: (tenant) => forTenant(tenant, (t) => this.data.pipeline(t)),
    topics: (tenant) => (tenant ? [`crm:${tenant}`] : []),
  });
  protected readonly stagesChart = computed(() => {
    const p = this.pipeline.value();
    return p ? pipelineStagesChart(p) : {};
  });
  protected readonly progressionChart = computed(() => {
    const p = this.pipeline.value();
    return p ? pipelineProgressionChart(p) : {};
  });
  protected readonly totals = computed(() => {
    const t = this.pipeline.value()?.totals;
    if (!t) return [];
    return [
      { label: 'Deals', value: String(t.count) },
      { label: 'Total value', value: formatMoney(t.totalValue) },
      { label: 'Weighted value', value: formatMoney(t.weightedValue) },
      { label: 'Win rate', value: formatPercent(t.winRate === null ? null : t.winRate * 100, 0) },
    ];
  });
  protected readonly columns: TableColumn<CrmPipelineStageSummary>[] = [
    { key: 'stage', header: 'Stage', value: (s) => s.stage },
    { key: 'count', header: 'Deals', value: (s) => s.count, numeric: true },
    {
      key: 'total',
      header: 'Total value',
      value: (s) => s.totalValue,
      display: (s) => formatMoney(s.totalValue),
      numeric: true,
    },
    {
      key: 'weighted',
      header: 'Weighted',
      value: (s) => s.weightedValue,
      display: (s) => formatMoney(s.weightedValue),
      numeric: true,
    },
    {
      key: 'average',
      header: 'Average',
      value: (s) => s.averageValue,
      display: (s) => formatMoney(s.averageValue),
      numeric: true,
    },
  ];
}
