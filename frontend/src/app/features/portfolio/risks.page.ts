import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RISK_LEVELS, RISK_STATUSES, type RiskView } from '@switchyard/contracts';
import { ChartComponent } from '../../charts/chart.component';
import { formatPercent } from '../../core/format-number';
import { AsyncViewComponent } from '../../shared/async-view.component';
import { DataDelayedComponent } from '../../shared/data-delayed.component';
import type { TableColumn } from '../../shared/data-table';
import { DataTableComponent } from '../../shared/data-table.component';
import { liveResource } from '../../shared/live-resource';
import { PagerComponent } from '../../shared/pager.component';
import { WidgetComponent } from '../../shared/widget.component';
import { riskHeatMapChart } from './portfolio-charts';
import { PortfolioDataService } from './portfolio-data.service';

const LEVEL_TONE: Record<string, 'ok' | 'warn' | 'bad'> = { Critical: 'bad', High: 'bad', Medium: 'warn', Low: 'ok' };

/** Risk register with the probability × impact heat map and analytics. */
@Component({
  selector: 'sy-risks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AsyncViewComponent,
    ChartComponent,
    DataDelayedComponent,
    DataTableComponent,
    FormsModule,
    PagerComponent,
    WidgetComponent,
  ],
  templateUrl: './risks.page.html',
})
export class RisksPage {
  private readonly data = inject(PortfolioDataService);
  protected readonly levels = RISK_LEVELS;
  protected readonly statuses = RISK_STATUSES;
  protected readonly level = signal('');
  protected readonly status = signal('');
  protected readonly page = signal(1);

  protected readonly risks = liveResource({
    params: () => ({ riskLevel: this.level(), status: this.status(), page: this.page(), pageSize: 25 }),
    load: (p) => this.data.risks(p),
    topics: () => ['domain:risks'],
  });
  private readonly all = liveResource({
    params: () => ({ riskLevel: this.level(), status: this.status(), page: 1, pageSize: 200 }),
    load: (p) => this.data.risks(p),
    topics: () => ['domain:risks'],
  });
  protected readonly heatMap = computed(() => riskHeatMapChart(this.all.value()?.items ?? []));
  protected readonly analytics = computed(() => {
    const a = this.risks.value()?.analytics;
    if (!a) return [];
    return [
      { label: 'Open', value: String(a.open) },
      { label: 'Critical', value: String(a.critical) },
      { label: 'High', value: String(a.high) },
      { label: 'Mitigation rate', value: formatPercent(a.mitigationRate, 0) },
      { label: 'Average score', value: a.averageScore === null ? '—' : a.averageScore.toFixed(1) },
      { label: 'Older than 90 days', value: String(a.ageAnalysis.over90Days) },
    ];
  });
  protected readonly columns: TableColumn<RiskView>[] = [
    { key: 'title', header: 'Risk', value: (r) => r.title },
    { key: 'project', header: 'Project', value: (r) => r.projectId, link: (r) => `/portfolio/projects/${r.projectId}` },
    { key: 'level', header: 'Level', value: (r) => r.level, tone: (r) => LEVEL_TONE[r.level] },
    { key: 'score', header: 'Score', value: (r) => r.score, numeric: true },
    { key: 'p', header: 'Probability', value: (r) => r.probability, numeric: true },
    { key: 'i', header: 'Impact', value: (r) => r.impact, numeric: true },
    { key: 'status', header: 'Status', value: (r) => r.status },
    { key: 'urgency', header: 'Urgency', value: (r) => r.urgency },
    { key: 'age', header: 'Age (days)', value: (r) => r.ageDays, numeric: true },
    { key: 'owner', header: 'Owner', value: (r) => r.owner },
  ];
}
